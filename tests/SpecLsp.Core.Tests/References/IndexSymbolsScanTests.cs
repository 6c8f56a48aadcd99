using System.Text;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.References;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.References;

/// <summary>
/// The scan's shortcuts (tables built with the index, disk masks side by side, names skipped on an upper bound, ties
/// decided before matching) against a ranking of every name by the public matcher, over random workspaces.
/// </summary>
public class IndexSymbolsScanTests
{
    private static readonly string[] Words =
    [
        "export", "Plan", "Report", "rollout", "API", "limits", "csv", "Plane", "exploration", "peerLoad", "FR12", "au",
        "Audit", "trail", "Requirements", "Testing", "Strategy", "ÉTÉ", "straße", "İstanbul", "x2y", "TS-3", "q", "a",
    ];

    private static readonly string[] Queries =
    [
        "", "a", "au", "p", "pl", "plan", "exp", "rp", "explim", "fr1", "fr12", "ts", "ts-3", "testing strat", "req",
        "é", "ss", "istanbul", "x", "xq", "2y", "audit trail", "au tr", "zz", "e", "t",
    ];

    [Fact]
    public void Search_AnyLimit_IsTheTopOfAFullRankingOfEveryName()
    {
        int seed = Seed();
        var random = new Random(seed);
        var (disk, index) = RandomWorkspace(random, files: 60);

        // Some files open in the editor with other text: their disk entries must not be found.
        foreach (var path in disk.EnumerateSpecFiles().Where(_ => random.Next(6) == 0).ToList())
        {
            index = index.WithOpenFile(FileIndex.Create(path, SpecParser.Parse(SourceText.From(RandomSpec(random))), disk.Roots));
        }

        foreach (var query in Queries.Concat(Enumerable.Range(0, 10).Select(_ => RandomQuery(random))))
        {
            var ranked = Ranking(index, query);
            foreach (int limit in new[] { 1, 3, 17, 100, 10_000 })
            {
                string expected = string.Join("\n", ranked.Take(limit));
                string actual = string.Join("\n", IndexSymbols.Search(index, query, limit).Select(Describe));
                Assert.True(expected == actual, $"seed {seed}, query '{query}', limit {limit}:\n{expected}\nvs\n{actual}");
            }
        }
    }

    [Fact]
    public void Symbols_LaidOutForTheWorkspace_EqualThoseOfOneFileIndexedAlone()
    {
        int seed = Seed();
        var (disk, index) = RandomWorkspace(new Random(seed), files: 20);
        Assert.Equal(index.Files.Select(f => f.Path).Order(StringComparer.Ordinal), index.DiskSymbols.Files.Select(f => f.Path));
        foreach (var scanned in index.DiskSymbols.Files)
        {
            var lazy = WorkspaceIndexer.IndexFile(disk, scanned.Path);
            Assert.True(Dump(scanned) == Dump(lazy), $"seed {seed}, {scanned.Path}");
        }

        var later = index.Files.First();
        Assert.Same(later.Symbols, later.WithRoots(["/ws", "/other"]).Symbols);
    }

    [Fact]
    public void Search_Cancelled_Throws()
    {
        var (_, index) = RandomWorkspace(new Random(1), files: 300);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => IndexSymbols.Search(index, "plan", cancellationToken: cancelled.Token));
        Assert.Throws<OperationCanceledException>(() =>
            IndexSymbols.Search(index.WithOpenFile(index.Files.First()), "plan", cancellationToken: cancelled.Token));
    }

    [Fact]
    public void UpperBound_IsNeverBelowTheScore()
    {
        int seed = Seed();
        var random = new Random(seed);
        for (int n = 0; n < 3000; n++)
        {
            string name = RandomTitle(random);
            string query = random.Next(3) == 0 ? RandomQuery(random) : Queries[random.Next(Queries.Length)];
            var matcher = new SymbolMatcher(query);
            if ((CharMask.Of(name) & matcher.Mask) != matcher.Mask || matcher.Score(name) is not { } score)
            {
                continue;
            }

            int bound = matcher.UpperBound(CharMask.OfWordStarts(name), CharMask.Bigrams(name), name.Length);
            if (SymbolMatcher.Lower(name[0]) != (matcher.Query.Length > 0 ? matcher.Query[0] : '\0'))
            {
                bound = Math.Min(bound, SymbolMatcher.NotStartingBound);
            }

            Assert.True(bound >= score, $"seed {seed}: '{query}' in '{name}' scores {score}, bound {bound}");
        }
    }

    [Fact]
    public void FuzzyScore_OverSpans_IsTheScoreOverStrings()
    {
        int seed = Seed();
        var random = new Random(seed);
        for (int n = 0; n < 3000; n++)
        {
            string name = RandomTitle(random);
            int from = random.Next(name.Length);
            string query = random.Next(2) == 0 ? RandomQuery(random) : name.Substring(from, Math.Min(name.Length - from, 1 + random.Next(3)));
            Assert.True(ReferenceFuzzyScore(query, name) == FuzzyMatcher.Score(query, name), $"seed {seed}: '{query}' in '{name}'");
        }
    }

    // Fixed, so a run repeats; SPECLSP_FUZZ_SEED tries others. Every failure message names it.
    private static int Seed() => FuzzSeed.Or(20261204);

    private static (InMemoryWorkspace Disk, WorkspaceIndex Index) RandomWorkspace(Random random, int files)
    {
        var disk = new InMemoryWorkspace("/ws");
        for (int f = 0; f < files; f++)
        {
            disk.Add($"/ws/d{random.Next(4)}/f{f:D3}.md", RandomSpec(random));
        }

        return (disk, WorkspaceIndexer.IndexAll(disk, parallelism: 1 + random.Next(2)));
    }

    // Headings of several levels, shared titles (ties across files), list and table IDs, and now and then a long title.
    private static string RandomSpec(Random random)
    {
        var text = new StringBuilder();
        for (int h = 0; h < 1 + random.Next(12); h++)
        {
            text.Append(new string('#', 1 + random.Next(4))).Append(' ').Append(RandomTitle(random)).Append("\n\n");
            if (random.Next(4) == 0)
            {
                text.Append("- **FR").Append(random.Next(30)).Append(":** ").Append(RandomTitle(random)).Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string RandomTitle(Random random)
    {
        if (random.Next(40) == 0)
        {
            return string.Join(' ', Enumerable.Range(0, 120).Select(_ => Words[random.Next(Words.Length)]));
        }

        return random.Next(3) == 0
            ? Words[random.Next(Words.Length)]
            : string.Join(random.Next(4) == 0 ? "" : " ", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Words[random.Next(Words.Length)]));
    }

    private static string RandomQuery(Random random) =>
        new([.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => "aeilnoprstuxz2-é "[random.Next(17)])]);

    // Every name of every file scored by the public matcher, ordered as the search promises: score, shorter name,
    // path, document order.
    private static List<string> Ranking(WorkspaceIndex index, string query)
    {
        var matcher = new SymbolMatcher(query);
        var all = new List<(int Score, string Name, string Path, int Order, string Description)>();
        foreach (var file in index.Files)
        {
            var table = file.Symbols;
            for (int i = 0; i < table.Count; i++)
            {
                string name = table.Name(file, i);
                if (matcher.Score(name) is { } score)
                {
                    var match = new WorkspaceSymbolMatch(name, table.ContainerOf(file, i), table.Kind(file, i), file.Path, table.Range(file, i), score);
                    all.Add((score, name, file.Path, i, Describe(match)));
                }
            }
        }

        return [.. all
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Name.Length)
            .ThenBy(m => m.Path, StringComparer.Ordinal)
            .ThenBy(m => m.Order)
            .Select(m => m.Description)];
    }

    private static string Describe(WorkspaceSymbolMatch m) => $"{m.Score} {m.Name}|{m.Kind}|{m.DocumentUri}|{m.Range}|{m.ContainerName}";

    private static string Dump(FileIndex file)
    {
        var table = file.Symbols;
        return string.Join("\n", Enumerable.Range(0, table.Count).Select(i =>
            $"{table.Name(file, i)}|{table.Kind(file, i)}|{table.Range(file, i)}|{table.ContainerOf(file, i)}|{table.Length(i)}|" +
            $"{table.Mask(i):x}|{table.WordStartMask(i):x}|{table.Bigrams(i):x}")) + $"\n{table.FileMask:x} {table.FileWordStartMask:x}";
    }

    // FuzzyMatcher as it was over strings, before it read spans.
    private static int? ReferenceFuzzyScore(string query, string candidate)
    {
        if (query.Length == 0)
        {
            return 0;
        }

        query = query.Length > 64 ? query[..64] : query;
        candidate = candidate.Length > 512 ? candidate[..512] : candidate;
        int n = query.Length, m = candidate.Length;
        if (n > m)
        {
            return null;
        }

        const int None = int.MinValue / 2;
        var previous = new int[m];
        var current = new int[m];
        for (int i = 0; i < n; i++)
        {
            char q = char.ToLowerInvariant(query[i]);
            int bestBefore = i == 0 ? 0 : None;
            bool any = false;
            for (int j = 0; j < m; j++)
            {
                int score = None;
                if (char.ToLowerInvariant(candidate[j]) == q)
                {
                    int bonus = 1 + Bonus(candidate, j);
                    int gap = i == 0 || bestBefore <= None ? bestBefore : bestBefore - 3;
                    int run = i > 0 && j > 0 && previous[j - 1] > None ? previous[j - 1] + 10 : None;
                    int best = Math.Max(gap, run);
                    if (best > None)
                    {
                        score = best + bonus;
                        any = true;
                    }
                }

                if (i > 0)
                {
                    bestBefore = Math.Max(bestBefore, previous[j]);
                }

                current[j] = score;
            }

            if (!any)
            {
                return null;
            }

            (previous, current) = (current, previous);
        }

        int result = previous.Max();
        return result > None ? result : null;

        static int Bonus(string candidate, int j)
        {
            if (j == 0)
            {
                return 12;
            }

            char before = candidate[j - 1];
            char c = candidate[j];
            return !char.IsLetterOrDigit(before) || (char.IsLower(before) && char.IsUpper(c)) || (char.IsLetter(before) && char.IsDigit(c)) ? 8 : 0;
        }
    }
}
