using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Symbols;

public class WorkspaceSymbolsTests
{
    private static readonly KeyValuePair<string, SpecDocument>[] Workspace =
    [
        new("file:///a.md", SpecParser.Parse(SourceText.From("# Export Feature\n\n## Requirements\n\n- **FR1:** Export CSV\n- **FR2:** Import files\n\n## Error Handling\n"))),
        new("file:///b.md", SpecParser.Parse(SourceText.From("# Reporting\n\n## Requirements\n\n#### US-1: Export reports\n\n## Rollout Plan\n"))),
    ];

    [Fact]
    public void Search_Subsequence_FindsHeadingsAndIdsBestFirst()
    {
        var matches = WorkspaceSymbols.Search(Workspace, "exp");

        Assert.Equal(
            ["Export Feature", "FR1: Export CSV", "US-1: Export reports"],
            matches.Select(m => m.Name).Take(3));
        Assert.Single(matches, m => m.Name.StartsWith("US-1", StringComparison.Ordinal)); // the heading defines the ID: one symbol
        Assert.Equal("file:///a.md", matches[0].DocumentUri);
        Assert.Equal(SpecSymbolKind.Title, matches[0].Kind);
        Assert.Equal("Requirements", matches[1].ContainerName);
    }

    [Fact]
    public void Search_WordStartsBeatScatteredLetters()
    {
        var matches = WorkspaceSymbols.Search(Workspace, "rp");

        Assert.Equal("Rollout Plan", matches[0].Name);
        Assert.Contains(matches, m => m.Name == "Reporting");
        Assert.True(matches[0].Score > matches.Single(m => m.Name == "Reporting").Score);
    }

    [Fact]
    public void Search_CaseInsensitive_AndIdsByNumber()
    {
        var matches = WorkspaceSymbols.Search(Workspace, "fr2");

        var match = Assert.Single(matches);
        Assert.Equal(("FR2: Import files", SpecSymbolKind.Id), (match.Name, match.Kind));
        Assert.Equal(new TextRange(5, 4, 5, 7), match.Range);
    }

    [Fact]
    public void Search_NoSubsequence_FindsNothing()
    {
        Assert.Empty(WorkspaceSymbols.Search(Workspace, "zzz"));
    }

    [Fact]
    public void Search_EmptyQuery_ReturnsEverythingUpToTheLimit()
    {
        Assert.Equal(9, WorkspaceSymbols.Search(Workspace, string.Empty).Length);
        Assert.Equal(3, WorkspaceSymbols.Search(Workspace, string.Empty, limit: 3).Length);
    }

    [Theory]
    [InlineData("eh", "Error Handling", "Export Feature")]
    [InlineData("req", "Requirements", "FR1: Export CSV")]
    [InlineData("csv", "FR1: Export CSV", null)]
    public void Score_Candidates_RankAsAReaderExpects(string query, string better, string? worse)
    {
        int? best = FuzzyMatcher.Score(query, better);

        Assert.NotNull(best);
        if (worse is not null)
        {
            Assert.True(FuzzyMatcher.Score(query, worse) is null || FuzzyMatcher.Score(query, worse) < best);
        }
    }

    [Fact]
    public void Score_ContiguousRun_BeatsTheSameLettersApart()
    {
        Assert.True(FuzzyMatcher.Score("port", "Export") > FuzzyMatcher.Score("port", "Pilot over runtime tests"));
    }
}
