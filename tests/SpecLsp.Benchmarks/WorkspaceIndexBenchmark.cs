using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Benchmarks;

/// <summary>
/// Indexes a generated workspace of spec files from disk, once, and prints the time and peak memory:
/// <c>dotnet run -c Release --project tests/SpecLsp.Benchmarks -- index-workspace [FILES] [FOLDER]</c>.
/// A single measured run, not a BenchmarkDotNet job: the figure that matters is a cold scan's wall time and peak.
/// With <c>--cache DIR</c> the scan reads and then writes the index cache in DIR, as the server's does: run it twice
/// for a scan from a warm cache (the time to write it is printed apart).
/// </summary>
internal static class WorkspaceIndexBenchmark
{
    public static int Run(string[] args)
    {
        int cacheOption = Array.IndexOf(args, "--cache");
        string? cacheDirectory = cacheOption > 0 && cacheOption + 1 < args.Length ? args[cacheOption + 1] : null;
        args = cacheOption > 0 ? [.. args[..cacheOption], .. args[(cacheOption + 2)..]] : args;
        int files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        string folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"speclsp-bench-{files}");
        if (!Directory.Exists(folder))
        {
            Generate(folder, files);
        }

        long bytes = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var stopwatch = Stopwatch.StartNew();
        var workspace = new DiskWorkspace([folder]);
        var cache = cacheDirectory is null ? null : SpecLsp.Core.Cache.IndexCache.For(cacheDirectory, workspace.Roots);
        List<string> paths = [.. workspace.EnumerateSpecFiles()];
        var enumerated = stopwatch.Elapsed;
        var scan = WorkspaceIndexer.Scan(workspace, paths, cache);
        var scanned = stopwatch.Elapsed;
        var index = WorkspaceIndex.Create(workspace).WithDiskFiles(scan.Entries).AsComplete();
        var landed = stopwatch.Elapsed;
        _ = index.DiskSymbols;
        stopwatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steps: enumerate {enumerated.TotalSeconds:F2} s, scan {(scanned - enumerated).TotalSeconds:F2} s, index {(landed - scanned).TotalSeconds:F2} s, symbols {(stopwatch.Elapsed - landed).TotalSeconds:F2} s"));
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        string collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        long managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        if (cache is not null)
        {
            var written = Stopwatch.StartNew();
            bool saved = scan.SaveCache();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scan.FromCache} entries from the cache; cache {(saved ? "saved" : "NOT saved")} in {written.Elapsed.TotalSeconds:F2} s ({new FileInfo(cache.File).Length / 1_000_000.0:F1} MB)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indexed {index.Count} files ({bytes / 1_000_000.0:F1} MB) in {stopwatch.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU, on {Environment.ProcessorCount} cores; " +
            $"peak working set {process.PeakWorkingSet64 / 1_000_000.0:F0} MB; index retained {managedAfter / 1_000_000.0:F0} MB managed; " +
            $"GC: {collections} collections of gen 0/1/2, {paused.TotalSeconds:F2} s paused"));
        return 0;
    }

    /// <summary>Writes <paramref name="count"/> specs of about 10 KB each into 100 folders, linking and mentioning each other.</summary>
    public static void Generate(string folder, int count)
    {
        var random = new Random(42);
        for (int i = 0; i < count; i++)
        {
            string directory = Path.Combine(folder, $"area-{i % 100:D3}");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, $"spec-{i:D5}.md"), Spec(i, count, random));
        }
    }

    private static string Spec(int i, int count, Random random)
    {
        var b = new StringBuilder(11_000);
        b.Append(CultureInfo.InvariantCulture, $"# Feature Specification: Generated feature {i}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"**Spec ID:** SPEC-2026-01-05-{i:D5}\n**Status:** Draft\n**Created:** 2026-01-05\n\n---\n\n## Overview\n\n");
        b.Append("### Feature Description\nThis feature exports report rows for finance teams and keeps an audit trail of every export.\n\n");
        int other = random.Next(count);
        b.Append(CultureInfo.InvariantCulture, $"Builds on SPEC-2026-01-05-{other:D5}, see [the other spec](../area-{other % 100:D3}/spec-{other:D5}.md#overview).\n\n");
        b.Append("## Requirements\n\n### Functional Requirements\n\n");
        for (int r = 1; r <= 20; r++)
        {
            b.Append(CultureInfo.InvariantCulture, $"#### FR{r}: Requirement number {r} of feature {i}\n");
            b.Append("**Description:** The system shall do the thing described here, in enough words to look like a real requirement text.\n");
            b.Append("**User Impact:** Users get what they asked for, faster and with fewer support tickets than before.\n");
            b.Append("**Acceptance Criteria:**\n- [ ] Criterion one holds for every row exported\n- [x] Criterion two is measured in staging\n");
            if (r > 1)
            {
                b.Append(CultureInfo.InvariantCulture, $"- [ ] Works together with FR{r - 1} (see [FR{r - 1}](#fr{r - 1}-requirement-number-{r - 1}-of-feature-{i}))\n");
            }

            b.Append('\n');
        }

        b.Append("## Testing Strategy\n\n| ID | Test | Requirement |\n|----|------|-------------|\n");
        for (int t = 1; t <= 10; t++)
        {
            b.Append(CultureInfo.InvariantCulture, $"| TS-{t} | Test case {t} exercises the export path | FR{1 + (t % 20)} |\n");
        }

        b.Append("\n## Technical Design\n\n```python\n@dataclass\nclass Export:\n    rows: int  # FR1 in code is not a mention\n```\n\n");
        b.Append("## Open Questions\n\n- [ ] **Q1:** Who owns the retention policy? - **Owner:** TBD\n\n## References\n\n");
        b.Append("- [Design doc](https://example.com/design)\n- [Related][related]\n\n[related]: ../README.md\n");
        return b.ToString();
    }
}
