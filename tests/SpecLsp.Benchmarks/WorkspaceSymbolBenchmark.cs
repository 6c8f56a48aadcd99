using System.Diagnostics;
using System.Globalization;
using SpecLsp.Core.References;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Benchmarks;

/// <summary>
/// workspace/symbol over a generated workspace in process, as a symbol picker sends it (one query per keystroke):
/// <c>dotnet run -c Release --project tests/SpecLsp.Benchmarks -- workspace-symbols [FILES] [FOLDER]</c>. Prints the
/// index's time (which builds every file's symbol table), the first query, the median and p95 of the keystrokes after
/// it, CPU per query and memory (managed bytes retained with the tables, the process's peak working set).
/// </summary>
internal static class WorkspaceSymbolBenchmark
{
    // Words as a user types them, one prefix per keystroke: a heading word, an ID, a spec's number, a word-start query.
    private static readonly string[] Typed = ["requirement", "fr12", "testing strat", "feature 42", "ts", "audit trail", "xq"];

    public static int Run(string[] args)
    {
        int files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        string folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"speclsp-bench-{files}");
        if (!Directory.Exists(folder))
        {
            WorkspaceIndexBenchmark.Generate(folder, files);
        }

        using var process = Process.GetCurrentProcess();
        var cpuBeforeIndex = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        var index = WorkspaceIndexer.IndexAll(new DiskWorkspace([folder]));
        double indexSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        double indexCpuSeconds = (process.TotalProcessorTime - cpuBeforeIndex).TotalSeconds;
        start = Stopwatch.GetTimestamp();
        long symbols = index.DiskSymbols.SymbolCount;
        double layoutMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        int first = IndexSymbols.Search(index, "r").Length;
        double firstMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var cpuBefore = process.TotalProcessorTime;
        var samples = new List<double>();
        var fastest = new Dictionary<string, double>();
        int results = 0;
        ulong digest = 14695981039346656037;
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_BENCH_ROUNDS"), out int r) ? r : 5;
        for (int round = 0; round < rounds; round++)
        {
            foreach (var word in Typed)
            {
                for (int length = 1; length <= word.Length; length++)
                {
                    start = Stopwatch.GetTimestamp();
                    var found = IndexSymbols.Search(index, word[..length]);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    results += found.Length;
                    if (round == 0)
                    {
                        digest = Digest(digest, found);
                    }

                    string key = $"{word}/{length}";
                    fastest[key] = Math.Min(fastest.GetValueOrDefault(key, double.MaxValue), samples[^1]);
                }
            }
        }

        if (Environment.GetEnvironmentVariable("SPECLSP_BENCH_VERBOSE") == "1")
        {
            foreach (var (key, ms) in fastest)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key} (the first N letters of the word) fastest of {rounds}: {ms:F2} ms"));
            }
        }

        process.Refresh();
        double cpuPerQuery = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count;

        // Before the old algorithm's run below, which allocates far more than a query does now.
        long peak = process.PeakWorkingSet64;
        long retained = GC.GetTotalMemory(forceFullCollection: true);

        // The algorithm before issue 17, on the same index in the same run: every file sorted by path, every name scored.
        var before = new List<double>();
        foreach (var word in Typed)
        {
            for (int length = 1; length <= word.Length; length += 3)
            {
                start = Stopwatch.GetTimestamp();
                _ = SearchAsBefore(index, word[..length]);
                before.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        before.Sort();
        samples.Sort();
        var minima = fastest.Values.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()}; {index.Count} files, " +
            $"{symbols} symbols"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index {indexSeconds:F2} s wall, {indexCpuSeconds:F2} s CPU; retained with the symbol tables {retained / 1_000_000.0:F0} MB managed; " +
            $"peak working set {peak / 1_000_000.0:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the disk files' symbol arrays laid out in {layoutMs:F1} ms (the server does it when the scan lands); workspace/symbol first query {firstMs:F1} ms ({first} results); per keystroke median " +
            $"{samples[samples.Count / 2]:F1} ms, p95 {samples[(int)(samples.Count * 0.95)]:F1} ms, max {samples[^1]:F1} ms over {samples.Count} queries ({results} results); " +
            $"each query's fastest of {rounds} rounds: median {minima[minima.Count / 2]:F1} ms, p95 {minima[(int)(minima.Count * 0.95)]:F1} ms; " +
            $"process CPU per query (all threads, GC included) {cpuPerQuery:F1} ms; answers' digest {digest:x16}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"before issue 17 (sort by path, fuzzy-score every name), same index: median {before[before.Count / 2]:F1} ms over {before.Count} queries"));
        return 0;
    }

    // FNV-1a over every answer's name, path, range and score, in order: equal digests, equal answers.
    private static ulong Digest(ulong digest, System.Collections.Immutable.ImmutableArray<Core.Symbols.WorkspaceSymbolMatch> found)
    {
        foreach (var m in found)
        {
            foreach (char c in $"{m.Name}|{m.ContainerName}|{m.Kind}|{m.DocumentUri}|{m.Range}|{m.Score}\n")
            {
                digest = (digest ^ c) * 1099511628211;
            }
        }

        return digest;
    }

    private static int SearchAsBefore(WorkspaceIndex index, string query)
    {
        var matches = new List<(string Name, int Score, int Order)>();
        foreach (var file in index.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var parents = new List<HeadingEntry>();
            foreach (var heading in file.Headings)
            {
                while (parents.Count > 0 && parents[^1].Level >= heading.Level)
                {
                    parents.RemoveAt(parents.Count - 1);
                }

                if (heading.Title.Length > 0 && Core.Symbols.FuzzyMatcher.Score(query, heading.Title) is { } score)
                {
                    matches.Add((heading.Title, score, matches.Count));
                }

                parents.Add(heading);
            }

            foreach (var definition in file.IdDefinitions.Where(d => d.Kind != Core.Model.IdDefinitionKind.Heading))
            {
                string name = definition.Title.Length > 0 ? $"{definition.Id}: {definition.Title}" : definition.Id;
                _ = file.Headings.LastOrDefault(h => h.SectionRange.Contains(definition.Range.Start)).Title;
                if (Core.Symbols.FuzzyMatcher.Score(query, name) is { } score)
                {
                    matches.Add((name, score, matches.Count));
                }
            }
        }

        matches.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Name.Length != b.Name.Length ? a.Name.Length.CompareTo(b.Name.Length) : a.Order.CompareTo(b.Order));
        return Math.Min(500, matches.Count);
    }
}
