using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>Options of a <see cref="CreateFile"/> operation.</summary>
public sealed record CreateFileOptions
{
    /// <summary>Overwrite an existing file (wins over <see cref="IgnoreIfExists"/>).</summary>
    public bool? Overwrite { get; init; }

    /// <summary>Do nothing when the file exists.</summary>
    public bool? IgnoreIfExists { get; init; }
}

/// <summary>The <c>create</c> resource operation of a workspace edit.</summary>
public sealed record CreateFile
{
    /// <summary>Always <c>create</c>.</summary>
    public string Kind => "create";

    /// <summary>The file to create.</summary>
    public required string Uri { get; init; }

    /// <summary>What to do when it exists.</summary>
    public CreateFileOptions? Options { get; init; }
}

/// <summary>One entry of <see cref="WorkspaceEdit.DocumentChanges"/>: a <see cref="TextDocumentEdit"/> or a <see cref="CreateFile"/>.</summary>
[JsonConverter(typeof(DocumentChangeConverter))]
public sealed record DocumentChange
{
    /// <summary>An edit to a document.</summary>
    public TextDocumentEdit? Edit { get; init; }

    /// <summary>A file creation.</summary>
    public CreateFile? Create { get; init; }

    /// <summary>Wraps an edit.</summary>
    public static implicit operator DocumentChange(TextDocumentEdit edit) => new() { Edit = edit };

    /// <summary>Wraps a creation.</summary>
    public static implicit operator DocumentChange(CreateFile create) => new() { Create = create };
}

/// <summary>Reads and writes <see cref="DocumentChange"/> by its <c>kind</c> (absent for text edits).</summary>
public sealed class DocumentChangeConverter : JsonConverter<DocumentChange>
{
    /// <inheritdoc />
    public override DocumentChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind"u8, out var kind) && kind.ValueEquals("create"u8)
            ? new DocumentChange { Create = root.Deserialize(LspJsonContext.Default.CreateFile) }
            : new DocumentChange { Edit = root.Deserialize(LspJsonContext.Default.TextDocumentEdit) };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DocumentChange value, JsonSerializerOptions options)
    {
        if (value.Create is { } create)
        {
            JsonSerializer.Serialize(writer, create, LspJsonContext.Default.CreateFile);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Edit, LspJsonContext.Default.TextDocumentEdit);
        }
    }
}
