using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>textDocument/hover</c>.</summary>
public sealed record HoverParams : TextDocumentPositionParams;

/// <summary>The result of <c>textDocument/hover</c>.</summary>
public sealed record Hover
{
    /// <summary>What is shown.</summary>
    public required HoverContents Contents { get; init; }

    /// <summary>The range the hover applies to.</summary>
    public Range? Range { get; init; }
}

/// <summary>Deprecated hover content: a Markdown string, or code in a language.</summary>
[JsonConverter(typeof(MarkedStringConverter))]
public sealed record MarkedString
{
    /// <summary>The code's language, or null for a Markdown string.</summary>
    public string? Language { get; init; }

    /// <summary>The text.</summary>
    public required string Value { get; init; }
}

/// <summary>Reads and writes <see cref="MarkedString"/> as a string or <c>{ language, value }</c>.</summary>
public sealed class MarkedStringConverter : JsonConverter<MarkedString>
{
    /// <inheritdoc />
    public override MarkedString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new MarkedString { Value = reader.GetString()! };
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value"u8, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A MarkedString is a string or { language, value }.");
        }

        string? language = root.TryGetProperty("language"u8, out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        return new MarkedString { Language = language, Value = value.GetString()! };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MarkedString value, JsonSerializerOptions options)
    {
        if (value.Language is null)
        {
            writer.WriteStringValue(value.Value);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("language"u8, value.Language);
        writer.WriteString("value"u8, value.Value);
        writer.WriteEndObject();
    }
}

/// <summary><c>Hover.contents</c>: <c>MarkupContent | MarkedString | MarkedString[]</c>.</summary>
[JsonConverter(typeof(HoverContentsConverter))]
public sealed record HoverContents
{
    /// <summary>The markup form (the one this server writes).</summary>
    public MarkupContent? Markup { get; init; }

    /// <summary>The deprecated forms; a single MarkedString is read as a one-element array.</summary>
    public MarkedString[]? MarkedStrings { get; init; }

    /// <summary>Wraps markup.</summary>
    public static implicit operator HoverContents(MarkupContent markup) => new() { Markup = markup };
}

/// <summary>Reads and writes <see cref="HoverContents"/>.</summary>
public sealed class HoverContentsConverter : JsonConverter<HoverContents>
{
    /// <inheritdoc />
    public override HoverContents Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Array => new HoverContents { MarkedStrings = root.Deserialize(LspJsonContext.Default.MarkedStringArray) },
            JsonValueKind.Object when root.TryGetProperty("kind"u8, out _) => new HoverContents { Markup = root.Deserialize(LspJsonContext.Default.MarkupContent) },
            _ => new HoverContents { MarkedStrings = [root.Deserialize(LspJsonContext.Default.MarkedString)!] },
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, HoverContents value, JsonSerializerOptions options)
    {
        if (value.Markup is { } markup)
        {
            JsonSerializer.Serialize(writer, markup, LspJsonContext.Default.MarkupContent);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.MarkedStrings ?? [], LspJsonContext.Default.MarkedStringArray);
        }
    }
}
