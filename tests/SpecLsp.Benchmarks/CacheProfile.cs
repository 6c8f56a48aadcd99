using System.Diagnostics;
using System.Globalization;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Benchmarks;

/// <summary>
/// Where a scan from a warm index cache spends its time, per file on one thread: reading and hashing the file, and
/// decoding its entry. <c>… cache-profile [FILES] --cache DIR</c>, after <c>index-workspace FILES --cache DIR</c>.
/// </summary>
internal static class CacheProfile
{
    public static int Run(string[] args)
    {
        int files = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int n) ? n : 10_000;
        int option = Array.IndexOf(args, "--cache");
        string directory = option > 0 && option + 1 < args.Length ? args[option + 1] : throw new ArgumentException("--cache DIR is required.");
        var workspace = new DiskWorkspace([Path.Combine(Path.GetTempPath(), $"speclsp-bench-{files}")]);
        var cache = IndexCache.For(directory, workspace.Roots);
        for (int round = 0; round < 2; round++)
        {
            long read = 0, hash = 0, decode = 0, readBytes = 0, decodeBytes = 0;
            int count = 0;
            var total = Stopwatch.StartNew();
            bool ok = CacheFile.TryRead(cache.File, IndexCache.Kind, "roots\n" + string.Join('\n', workspace.Roots), (path, h, payload) =>
            {
                long t0 = Stopwatch.GetTimestamp();
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                var text = workspace.ReadFile(path).Text!;
                long t1 = Stopwatch.GetTimestamp();
                long a1 = GC.GetAllocatedBytesForCurrentThread();
                _ = ContentHash.Of(text);
                long t2 = Stopwatch.GetTimestamp();
                _ = FileIndexCodec.Read(payload, path, workspace.Roots);
                long t3 = Stopwatch.GetTimestamp();
                long a3 = GC.GetAllocatedBytesForCurrentThread();
                read += t1 - t0;
                hash += t2 - t1;
                decode += t3 - t2;
                readBytes += a1 - a0;
                decodeBytes += a3 - a1;
                count++;
            });
            double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency / Math.Max(count, 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {count} entries ({(ok ? "intact" : "NOT READ")}) in {total.Elapsed.TotalSeconds:F2} s; per file: read {Us(read):F1} us ({readBytes / 1024.0 / Math.Max(count, 1):F1} KB), hash {Us(hash):F1} us, decode {Us(decode):F1} us ({decodeBytes / 1024.0 / Math.Max(count, 1):F1} KB)"));
        }

        return 0;
    }
}
