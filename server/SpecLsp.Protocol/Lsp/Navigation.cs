using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>textDocument/definition</c>.</summary>
public sealed record DefinitionParams : TextDocumentPositionParams;

/// <summary>A link from the text under the caret to a target, for clients that declare <c>definition.linkSupport</c>.</summary>
public sealed record LocationLink
{
    /// <summary>The text the link starts from (the whole ID or link), which the client underlines; optional.</summary>
    public Range? OriginSelectionRange { get; init; }

    /// <summary>The target document.</summary>
    public required string TargetUri { get; init; }

    /// <summary>The whole target (a heading's line, an ID's definition).</summary>
    public required Range TargetRange { get; init; }

    /// <summary>The part of the target to select; inside <see cref="TargetRange"/>.</summary>
    public required Range TargetSelectionRange { get; init; }
}

/// <summary>The result of <c>textDocument/definition</c>: <c>Location[] | LocationLink[]</c>.</summary>
[JsonConverter(typeof(DefinitionResultConverter))]
public sealed record DefinitionResult
{
    /// <summary>The plain form.</summary>
    public Location[]? Locations { get; init; }

    /// <summary>The link form.</summary>
    public LocationLink[]? Links { get; init; }

    /// <summary>Wraps the plain form.</summary>
    public static implicit operator DefinitionResult(Location[] locations) => new() { Locations = locations };

    /// <summary>Wraps the link form.</summary>
    public static implicit operator DefinitionResult(LocationLink[] links) => new() { Links = links };
}

/// <summary>Writes <see cref="DefinitionResult"/> as whichever array it holds; reads by the shape of the first element.</summary>
public sealed class DefinitionResultConverter : JsonConverter<DefinitionResult>
{
    /// <inheritdoc />
    public override DefinitionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var array = document.RootElement;
        if (array.ValueKind == JsonValueKind.Null)
        {
            return new DefinitionResult { Locations = [] };
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Expected an array of locations.");
        }

        bool links = array.GetArrayLength() > 0 && array[0].TryGetProperty("targetUri", out _);
        return links
            ? new DefinitionResult { Links = array.Deserialize(LspJsonContext.Default.LocationLinkArray) }
            : new DefinitionResult { Locations = array.Deserialize(LspJsonContext.Default.LocationArray) };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DefinitionResult value, JsonSerializerOptions options)
    {
        if (value.Links is { } links)
        {
            JsonSerializer.Serialize(writer, links, LspJsonContext.Default.LocationLinkArray);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Locations ?? [], LspJsonContext.Default.LocationArray);
        }
    }
}

/// <summary>Whether references include the declaration.</summary>
public sealed record ReferenceContext
{
    /// <summary>Include the declaration itself.</summary>
    public required bool IncludeDeclaration { get; init; }
}

/// <summary>The params of <c>textDocument/references</c>.</summary>
public sealed record ReferenceParams : TextDocumentPositionParams
{
    /// <summary>The context.</summary>
    public required ReferenceContext Context { get; init; }
}

/// <summary>The params of <c>textDocument/prepareRename</c>.</summary>
public sealed record PrepareRenameParams : TextDocumentPositionParams;

/// <summary>The result of <c>textDocument/prepareRename</c> in its <c>{ range, placeholder }</c> form.</summary>
public sealed record PrepareRenameResult
{
    /// <summary>The range renamed.</summary>
    public required Range Range { get; init; }

    /// <summary>The text offered for editing.</summary>
    public required string Placeholder { get; init; }
}

/// <summary>The params of <c>textDocument/rename</c>.</summary>
public sealed record RenameParams : TextDocumentPositionParams
{
    /// <summary>The new name.</summary>
    public required string NewName { get; init; }
}

/// <summary>Rename options.</summary>
public sealed record RenameOptions
{
    /// <summary>Whether prepareRename is supported.</summary>
    public bool? PrepareProvider { get; init; }
}

/// <summary>The params of <c>textDocument/documentLink</c>.</summary>
public sealed record DocumentLinkParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>A link in a document.</summary>
public sealed record DocumentLink
{
    /// <summary>The link's range.</summary>
    public required Range Range { get; init; }

    /// <summary>The target URI; may be resolved later.</summary>
    public string? Target { get; init; }

    /// <summary>The tooltip.</summary>
    public string? Tooltip { get; init; }

    /// <summary>Kept between the request and <c>documentLink/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>Document link options.</summary>
public sealed record DocumentLinkOptions
{
    /// <summary>Whether links are resolved lazily.</summary>
    public bool? ResolveProvider { get; init; }
}

/// <summary>The params of <c>textDocument/codeLens</c>.</summary>
public sealed record CodeLensParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>A command shown above a line.</summary>
public sealed record CodeLens
{
    /// <summary>The range it belongs to.</summary>
    public required Range Range { get; init; }

    /// <summary>The command; may be resolved later.</summary>
    public Command? Command { get; init; }

    /// <summary>Kept between the request and <c>codeLens/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>Code lens options.</summary>
public sealed record CodeLensOptions
{
    /// <summary>Whether lenses are resolved lazily.</summary>
    public bool? ResolveProvider { get; init; }
}

/// <summary>Inlay hint kinds.</summary>
public enum InlayHintKind
{
    /// <summary>A type annotation.</summary>
    Type = 1,

    /// <summary>A parameter name.</summary>
    Parameter = 2,
}

/// <summary>The params of <c>textDocument/inlayHint</c>.</summary>
public sealed record InlayHintParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The visible range.</summary>
    public required Range Range { get; init; }
}

/// <summary>Text shown inline.</summary>
public sealed record InlayHint
{
    /// <summary>Where it is shown.</summary>
    public required Position Position { get; init; }

    /// <summary>The label (the string form of <c>string | InlayHintLabelPart[]</c>).</summary>
    public required string Label { get; init; }

    /// <summary>The kind.</summary>
    public InlayHintKind? Kind { get; init; }

    /// <summary>The tooltip.</summary>
    public string? Tooltip { get; init; }

    /// <summary>Padding before the hint.</summary>
    public bool? PaddingLeft { get; init; }

    /// <summary>Padding after the hint.</summary>
    public bool? PaddingRight { get; init; }
}
