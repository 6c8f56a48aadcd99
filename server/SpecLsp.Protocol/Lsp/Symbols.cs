using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>Symbol kinds.</summary>
public enum SymbolKind
{
    /// <summary>File.</summary>
    File = 1,

    /// <summary>Module.</summary>
    Module = 2,

    /// <summary>Namespace.</summary>
    Namespace = 3,

    /// <summary>Package.</summary>
    Package = 4,

    /// <summary>Class.</summary>
    Class = 5,

    /// <summary>Method.</summary>
    Method = 6,

    /// <summary>Property.</summary>
    Property = 7,

    /// <summary>Field.</summary>
    Field = 8,

    /// <summary>Constructor.</summary>
    Constructor = 9,

    /// <summary>Enum.</summary>
    Enum = 10,

    /// <summary>Interface.</summary>
    Interface = 11,

    /// <summary>Function.</summary>
    Function = 12,

    /// <summary>Variable.</summary>
    Variable = 13,

    /// <summary>Constant.</summary>
    Constant = 14,

    /// <summary>String.</summary>
    String = 15,

    /// <summary>Number.</summary>
    Number = 16,

    /// <summary>Boolean.</summary>
    Boolean = 17,

    /// <summary>Array.</summary>
    Array = 18,

    /// <summary>Object.</summary>
    Object = 19,

    /// <summary>Key.</summary>
    Key = 20,

    /// <summary>Null.</summary>
    Null = 21,

    /// <summary>Enum member.</summary>
    EnumMember = 22,

    /// <summary>Struct.</summary>
    Struct = 23,

    /// <summary>Event.</summary>
    Event = 24,

    /// <summary>Operator.</summary>
    Operator = 25,

    /// <summary>Type parameter.</summary>
    TypeParameter = 26,
}

/// <summary>Symbol tags.</summary>
public enum SymbolTag
{
    /// <summary>Deprecated.</summary>
    Deprecated = 1,
}

/// <summary>The params of <c>textDocument/documentSymbol</c>.</summary>
public sealed record DocumentSymbolParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>A symbol in a document's outline, with its children.</summary>
public sealed record DocumentSymbol
{
    /// <summary>The name shown.</summary>
    public required string Name { get; init; }

    /// <summary>Secondary text.</summary>
    public string? Detail { get; init; }

    /// <summary>The kind.</summary>
    public required SymbolKind Kind { get; init; }

    /// <summary>Tags.</summary>
    public SymbolTag[]? Tags { get; init; }

    /// <summary>The whole extent.</summary>
    public required Range Range { get; init; }

    /// <summary>What is selected when the symbol is picked; inside <see cref="Range"/>.</summary>
    public required Range SelectionRange { get; init; }

    /// <summary>Nested symbols.</summary>
    public DocumentSymbol[]? Children { get; init; }
}

/// <summary>A flat symbol, for clients without hierarchical document symbols.</summary>
public sealed record SymbolInformation
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind.</summary>
    public required SymbolKind Kind { get; init; }

    /// <summary>Tags.</summary>
    public SymbolTag[]? Tags { get; init; }

    /// <summary>Where it is.</summary>
    public required Location Location { get; init; }

    /// <summary>The enclosing symbol's name.</summary>
    public string? ContainerName { get; init; }
}

/// <summary>The result of <c>textDocument/documentSymbol</c>: <c>DocumentSymbol[] | SymbolInformation[]</c>.</summary>
[JsonConverter(typeof(DocumentSymbolResultConverter))]
public sealed record DocumentSymbolResult
{
    /// <summary>The hierarchical form.</summary>
    public DocumentSymbol[]? Symbols { get; init; }

    /// <summary>The flat form.</summary>
    public SymbolInformation[]? Information { get; init; }

    /// <summary>Wraps the hierarchical form.</summary>
    public static implicit operator DocumentSymbolResult(DocumentSymbol[] symbols) => new() { Symbols = symbols };

    /// <summary>Wraps the flat form.</summary>
    public static implicit operator DocumentSymbolResult(SymbolInformation[] information) => new() { Information = information };
}

/// <summary>Writes <see cref="DocumentSymbolResult"/> as whichever array it holds; reads by the shape of the first element.</summary>
public sealed class DocumentSymbolResultConverter : JsonConverter<DocumentSymbolResult>
{
    // The JSON of each answer once written: a server keeping one answer per document version (editors ask again for
    // the same version) sends the same bytes again instead of serialising 600 KB of outline each time. Kept beside
    // the answer, not in it, so a copy made with `with` is serialised afresh; a race only serialises twice.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DocumentSymbolResult, byte[]> Written = [];

    /// <inheritdoc />
    public override DocumentSymbolResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var array = document.RootElement;
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Expected an array of symbols.");
        }

        bool flat = array.GetArrayLength() > 0 && array[0].TryGetProperty("location", out _);
        return flat
            ? new DocumentSymbolResult { Information = array.Deserialize(LspJsonContext.Default.SymbolInformationArray) }
            : new DocumentSymbolResult { Symbols = array.Deserialize(LspJsonContext.Default.DocumentSymbolArray) };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DocumentSymbolResult value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (!Written.TryGetValue(value, out var bytes))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, writer.Options with { Indented = false }))
            {
                if (value.Information is { } information)
                {
                    JsonSerializer.Serialize(json, information, LspJsonContext.Default.SymbolInformationArray);
                }
                else
                {
                    JsonSerializer.Serialize(json, value.Symbols ?? [], LspJsonContext.Default.DocumentSymbolArray);
                }
            }

            bytes = buffer.WrittenSpan.ToArray();
            Written.AddOrUpdate(value, bytes);
        }

        writer.WriteRawValue(bytes, skipInputValidation: true);
    }
}

/// <summary>The params of <c>workspace/symbol</c>.</summary>
public sealed record WorkspaceSymbolParams : WorkDoneProgressParams
{
    /// <summary>The query; empty asks for every symbol.</summary>
    public required string Query { get; init; }
}

/// <summary>A symbol found by <c>workspace/symbol</c>.</summary>
public sealed record WorkspaceSymbol
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind.</summary>
    public required SymbolKind Kind { get; init; }

    /// <summary>Tags.</summary>
    public SymbolTag[]? Tags { get; init; }

    /// <summary>The enclosing symbol's name.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Where it is.</summary>
    public required Location Location { get; init; }

    /// <summary>Kept between the request and <c>workspaceSymbol/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}
