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
            """{"documentChanges":[{"kind":"create","uri":"file:///ws/new.md"},{"textDocument":{"uri":"file:///ws/new.md"},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"# New\n"}]}]}""",
            json);
        Assert.Equal("file:///ws/new.md", back.DocumentChanges![0].Create!.Uri);
        Assert.Equal("# New\n", back.DocumentChanges[1].Edit!.Edits[0].NewText);
    }
}
