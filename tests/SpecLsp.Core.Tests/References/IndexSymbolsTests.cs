using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class IndexSymbolsTests
{
    [Fact]
    public void Search_OverClosedFiles_FindsHeadingsAndIdsByFuzzyMatch()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# CSV Export\n\n## Requirements\n\n#### [|FR1|]: Export the visible report\n"),
            ("b.md", "# Search\n\n## [|Export limits|]\n"));

        var matches = IndexSymbols.Search(ws.Index, "exp rep");

        Assert.Equal(
            "Section FR1: Export the visible report in Requirements (a.md)\nId FR1: Export the visible report in FR1: Export the visible report (a.md)",
            string.Join("\n", matches.Select(m => $"{m.Kind} {m.Name} in {m.ContainerName} ({MarkedWorkspace.Relative(m.DocumentUri)})")));
        Assert.Equal(ws.Files["/ws/a.md"].Range, matches[1].Range);
        Assert.Equal(ws.Files["/ws/b.md"].Range, Assert.Single(IndexSymbols.Search(ws.Index, "explim")).Range);
    }
}
