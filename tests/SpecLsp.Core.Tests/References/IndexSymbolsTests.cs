using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class IndexSymbolsTests
{
    [Fact]
    public void Search_OverClosedFiles_FindsHeadingsAndIdsByFuzzyMatch_AHeadingIdOnce()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# CSV Export\n\n## Requirements\n\n#### FR1: Export the visible report\n\n- **[|FR2|]:** Export a report's history\n"),
            ("b.md", "# Search\n\n## [|Export limits|]\n"));

        var matches = IndexSymbols.Search(ws.Index, "exp rep");

        // The heading that defines FR1 is its one symbol; FR2, defined in a list, is an ID symbol of its own.
        Assert.Equal(
            "Section FR1: Export the visible report in Requirements (a.md)\nId FR2: Export a report's history in FR1: Export the visible report (a.md)",
            string.Join("\n", matches.Select(m => $"{m.Kind} {m.Name} in {m.ContainerName} ({MarkedWorkspace.Relative(m.DocumentUri)})")));
        Assert.Equal(ws.Files["/ws/a.md"].Range, matches[1].Range);
        Assert.Equal(ws.Files["/ws/b.md"].Range, Assert.Single(IndexSymbols.Search(ws.Index, "explim")).Range);
    }
}
