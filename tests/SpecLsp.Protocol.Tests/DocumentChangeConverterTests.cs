using System.Text.Json;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Protocol.Tests;

public class DocumentChangeConverterTests
{
    [Fact]
    public void WorkspaceEdit_WithCreateAndEdit_RoundTripsInLspShape()
    {
        var edit = new WorkspaceEdit
        {
            DocumentChanges =
            [
                new CreateFile { Uri = "file:///ws/new.md" },
                new TextDocumentEdit
                {
                    TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = "file:///ws/new.md" },
                    Edits = [new TextEdit { Range = new Lsp.Range { Start = new Position { Line = 0, Character = 0 }, End = new Position { Line = 0, Character = 0 } }, NewText = "# New\n" }],
                },
            ],
        };

        var json = JsonSerializer.Serialize(edit, LspJsonContext.Default.WorkspaceEdit);
        var back = JsonSerializer.Deserialize(json, LspJsonContext.Default.WorkspaceEdit)!;

        Assert.Equal(
            """{"documentChanges":[{"kind":"create","uri":"file:///ws/new.md"},{"textDocument":{"uri":"file:///ws/new.md","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"# New\n"}]}]}""",
            json);
        Assert.Equal("file:///ws/new.md", back.DocumentChanges![0].Create!.Uri);
        Assert.Equal("# New\n", back.DocumentChanges[1].Edit!.Edits[0].NewText);
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData(5, "5")]
    public void TextDocumentEdit_AlwaysWritesTheVersion(int? version, string expected)
    {
        var edit = new TextDocumentEdit
        {
            TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = "file:///ws/a.md", Version = version },
            Edits = [],
        };

        var json = JsonSerializer.Serialize(edit, LspJsonContext.Default.TextDocumentEdit);

        Assert.Equal($$"""{"textDocument":{"uri":"file:///ws/a.md","version":{{expected}}},"edits":[]}""", json);
        Assert.Equal(version, JsonSerializer.Deserialize(json, LspJsonContext.Default.TextDocumentEdit)!.TextDocument.Version);
    }
}
