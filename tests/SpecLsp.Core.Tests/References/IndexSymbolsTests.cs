using SpecLsp.Core.References;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Tests.TestSupport;

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

    [Fact]
    public void Search_Tiers_ExactThenPrefixThenWordThenWordStartsThenScattered()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# Explanation\n\n## ProductLine AccessNode\n"),
            ("b.md", "# Rollout Plan\n\n## Planning Notes\n\n## Plan\n"));

        var matches = IndexSymbols.Search(ws.Index, "plan");

        // "Explanation" has the letters in one run but inside a word: it comes after the word starts and camel humps of "ProductLine AccessNode", though it scores higher alone.
        Assert.Equal(
            ["Plan", "Planning Notes", "Rollout Plan", "ProductLine AccessNode", "Explanation"],
            matches.Select(m => m.Name));
        Assert.True(FuzzyMatcher.Score("plan", "Explanation") > FuzzyMatcher.Score("plan", "ProductLine AccessNode"));
    }

    [Fact]
    public void Search_SameTier_ShorterNameThenPathThenDocumentOrder()
    {
        var ws = MarkedWorkspace.Create(
            ("b.md", "# Export\n\n## Export CSV\n"),
            ("a.md", "# Export\n\n## Export PDF\n"));

        var matches = IndexSymbols.Search(ws.Index, "exp");

        Assert.Equal(
            ["Export a.md", "Export b.md", "Export PDF a.md", "Export CSV b.md"],
            matches.Select(m => $"{m.Name} {MarkedWorkspace.Relative(m.DocumentUri)}"));
    }

    [Fact]
    public void Search_WithALimit_KeepsExactlyTheBestOfAFullRanking()
    {
        int seed = FuzzSeed.Or(20261203);
        var random = new Random(seed);
        string[] words = ["export", "plan", "Report", "rollout", "API", "limits", "csv", "Plane", "exploration", "peerLoad"];
        var files = new List<(string Path, string Text)>();
        for (int f = 0; f < 30; f++)
        {
            var text = new System.Text.StringBuilder();
            for (int h = 0; h < 12; h++)
            {
                text.Append(new string('#', 1 + random.Next(3))).Append(' ')
                    .AppendJoin(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => words[random.Next(words.Length)])).Append("\n\n");
            }

            text.Append("- **FR").Append(f).Append(":** ").Append(words[random.Next(words.Length)]).Append('\n');
            files.Add(($"d{random.Next(5)}/f{f}.md", text.ToString()));
        }

        var ws = MarkedWorkspace.Create([.. files]);
        foreach (var query in new[] { "p", "pl", "exp", "rp", "plan", "xyz", "fr1", "" })
        {
            var everything = IndexSymbols.Search(ws.Index, query, limit: int.MaxValue / 2);
            var matcher = new SymbolMatcher(query);
            Assert.True(everything.All(m => matcher.Score(m.Name) == m.Score), $"seed {seed}, query '{query}': a score differs from the matcher's");
            Assert.True(everything.Select(m => m.Score).SequenceEqual(everything.Select(m => m.Score).OrderDescending()), $"seed {seed}, query '{query}': not best first");

            var top = IndexSymbols.Search(ws.Index, query, limit: 17);
            string expected = string.Join("\n", everything.Take(17).Select(Describe));
            string actual = string.Join("\n", top.Select(Describe));
            Assert.True(expected == actual, $"seed {seed}, query '{query}':\n{expected}\nvs\n{actual}");
        }

        static string Describe(WorkspaceSymbolMatch m) => $"{m.Name}|{m.DocumentUri}|{m.Range}|{m.ContainerName}|{m.Score}";
    }
}
