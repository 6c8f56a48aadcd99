using SpecLsp.Core.Analysis;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.References;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.References;

public class PathSafetyTests
{
    private const string Hostile = """
        # Hostile

        [a](../../etc/passwd) [b](../outside/secret.md#x) [c](%2e%2e/%2e%2e/etc/passwd) [d](..%2Foutside%2Fsecret.md)
        [e](/../outside/secret.md) [f](C:/Windows/win.ini) [g](file:///etc/passwd) [h](\\server\share\x.md)

        [ref]: ../outside/secret.md#y
        """;

    [Fact]
    public void EveryFeature_OnLinksLeavingTheWorkspace_NeverAsksForAPathOutsideIt()
    {
        var disk = new InMemoryWorkspace("/ws").Add("/ws/a.md", Hostile).Add("/outside/secret.md", "# Secret\n");
        var index = WorkspaceIndexer.IndexAll(disk);
        var document = SpecParser.Parse(SourceText.From(Hostile));
        var view = DocumentView.Create(document, "/ws/a.md", index);

        var diagnostics = new DiagnosticEngine([new LinkAnalyzer(), new IdAnalyzer()])
            .Analyze(new AnalysisContext { Document = document, DocumentUri = "/ws/a.md", Workspace = index, Today = new DateOnly(2026, 1, 5) });
        for (int line = 0; line < document.Source.LineCount; line++)
        {
            for (int character = 0; character < document.Source.GetLineText(line).Length; character += 3)
            {
                var position = new Position(line, character);
                ReferenceNavigation.FindDefinition(view, position);
                ReferenceNavigation.FindReferences(view, position, includeDeclaration: true);
                ReferenceHover.Compute(view, position);
                ReferenceCompletion.Compute(view, position, new DateOnly(2026, 1, 5));
            }
        }

        ReferenceNavigation.FindDocumentLinks(view);

        Assert.Empty(diagnostics);
        Assert.All(disk.Reads, path => Assert.StartsWith("/ws/", path, StringComparison.Ordinal));
        Assert.NotEmpty(disk.Reads);
    }
}
