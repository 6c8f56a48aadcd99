using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>A zero-based line and character; the character counts units of the negotiated position encoding.</summary>
public sealed record Position
{
    /// <summary>Line number, zero-based.</summary>
    public required int Line { get; init; }

    /// <summary>Character offset on the line, zero-based, in the negotiated encoding's units.</summary>
    public required int Character { get; init; }
}

/// <summary>A range between two positions; the end is exclusive.</summary>
public sealed record Range
{
    /// <summary>The start position.</summary>
    public required Position Start { get; init; }

    /// <summary>The end position, exclusive.</summary>
    public required Position End { get; init; }
}

/// <summary>A range inside a document.</summary>
public sealed record Location
{
    /// <summary>The document.</summary>
    public required string Uri { get; init; }

    /// <summary>The range in it.</summary>
    public required Range Range { get; init; }
}

/// <summary>A textual edit.</summary>
public sealed record TextEdit
{
    /// <summary>The range replaced; empty to insert.</summary>
    public required Range Range { get; init; }

    /// <summary>The new text; empty to delete.</summary>
    public required string NewText { get; init; }
}

/// <summary>Identifies a document by URI.</summary>
public record TextDocumentIdentifier
{
    /// <summary>The document's URI.</summary>
    public required string Uri { get; init; }
}

/// <summary>Identifies a version of a document.</summary>
public sealed record VersionedTextDocumentIdentifier : TextDocumentIdentifier
{
    /// <summary>The version number, increasing with every change.</summary>
    public required int Version { get; init; }
}

/// <summary>Identifies a document and, when known, its version (null: the version on disk).</summary>
public sealed record OptionalVersionedTextDocumentIdentifier : TextDocumentIdentifier
{
    /// <summary>The version, or null; LSP requires the property, so null is written too.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonPropertyOrder(1)]
    public int? Version { get; init; }
}

/// <summary>A document as opened by the client.</summary>
public sealed record TextDocumentItem
{
    /// <summary>The document's URI.</summary>
    public required string Uri { get; init; }

    /// <summary>The language id (<c>markdown</c>).</summary>
    public required string LanguageId { get; init; }

    /// <summary>The version number.</summary>
    public required int Version { get; init; }

    /// <summary>The full text.</summary>
    public required string Text { get; init; }
}

/// <summary>Params with an optional work-done progress token.</summary>
public abstract record WorkDoneProgressParams
{
    /// <summary>A token the server may use to report progress.</summary>
    public IntegerOrString? WorkDoneToken { get; init; }
}

/// <summary>A document and a position in it.</summary>
public record TextDocumentPositionParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The position in it.</summary>
    public required Position Position { get; init; }
}

/// <summary>A command the client can run.</summary>
public sealed record Command
{
    /// <summary>What the user sees.</summary>
    public required string Title { get; init; }

    /// <summary>The command identifier.</summary>
    [JsonPropertyName("command")]
    public required string CommandIdentifier { get; init; }

    /// <summary>Arguments passed to the command.</summary>
    public JsonElement[]? Arguments { get; init; }
}

/// <summary>The formats of <see cref="MarkupContent"/>.</summary>
public static class MarkupKind
{
    /// <summary>Plain text.</summary>
    public const string PlainText = "plaintext";

    /// <summary>Markdown.</summary>
    public const string Markdown = "markdown";
}

/// <summary>Text in plain text or Markdown.</summary>
public sealed record MarkupContent
{
    /// <summary>One of <see cref="MarkupKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The content.</summary>
    public required string Value { get; init; }
}

/// <summary>The position encodings (<c>general.positionEncodings</c>).</summary>
public static class PositionEncodingKind
{
    /// <summary>Characters count UTF-8 code units (bytes).</summary>
    public const string UTF8 = "utf-8";

    /// <summary>Characters count UTF-16 code units: the default every server must support.</summary>
    public const string UTF16 = "utf-16";

    /// <summary>Characters count code points.</summary>
    public const string UTF32 = "utf-32";
}

/// <summary>A JSON <c>integer | string</c> union (progress tokens, diagnostic codes).</summary>
[JsonConverter(typeof(IntegerOrStringConverter))]
public readonly record struct IntegerOrString
{
    /// <summary>Wraps an integer.</summary>
    public IntegerOrString(int value)
    {
        Integer = value;
        String = null;
    }

    /// <summary>Wraps a string.</summary>
    public IntegerOrString(string value)
    {
        Integer = null;
        String = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The integer, or null for a string.</summary>
    public int? Integer { get; }

    /// <summary>The string, or null for an integer.</summary>
    public string? String { get; }

    /// <summary>Wraps a string.</summary>
    public static implicit operator IntegerOrString(string value) => new(value);

    /// <summary>Wraps an integer.</summary>
    public static implicit operator IntegerOrString(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => String ?? Integer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>Reads and writes <see cref="IntegerOrString"/>.</summary>
public sealed class IntegerOrStringConverter : JsonConverter<IntegerOrString>
{
    /// <inheritdoc />
    public override IntegerOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new IntegerOrString(reader.GetInt32()),
        JsonTokenType.String => new IntegerOrString(reader.GetString()!),
        _ => throw new JsonException("Expected an integer or a string."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IntegerOrString value, JsonSerializerOptions options)
    {
        if (value.String is { } s)
        {
            writer.WriteStringValue(s);
        }
        else
        {
            writer.WriteNumberValue(value.Integer ?? 0);
        }
    }
}

/// <summary>A JSON <c>boolean | string</c> union (<c>changeNotifications</c> of workspace folders).</summary>
[JsonConverter(typeof(BooleanOrStringConverter))]
public readonly record struct BooleanOrString
{
    /// <summary>Wraps a boolean.</summary>
    public BooleanOrString(bool value)
    {
        Boolean = value;
        String = null;
    }

    /// <summary>Wraps a string.</summary>
    public BooleanOrString(string value)
    {
        Boolean = null;
        String = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The boolean, or null for a string.</summary>
    public bool? Boolean { get; }

    /// <summary>The string, or null for a boolean.</summary>
    public string? String { get; }

    /// <summary>Wraps a boolean.</summary>
    public static implicit operator BooleanOrString(bool value) => new(value);

    /// <summary>Wraps a string.</summary>
    public static implicit operator BooleanOrString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => String ?? (Boolean == true ? "true" : "false");
}

/// <summary>Reads and writes <see cref="BooleanOrString"/>.</summary>
public sealed class BooleanOrStringConverter : JsonConverter<BooleanOrString>
{
    /// <inheritdoc />
    public override BooleanOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => new BooleanOrString(true),
        JsonTokenType.False => new BooleanOrString(false),
        JsonTokenType.String => new BooleanOrString(reader.GetString()!),
        _ => throw new JsonException("Expected a boolean or a string."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BooleanOrString value, JsonSerializerOptions options)
    {
        if (value.String is { } s)
        {
            writer.WriteStringValue(s);
        }
        else
        {
            writer.WriteBooleanValue(value.Boolean ?? false);
        }
    }
}
