using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Templates;

namespace SpecLsp.Server.Check;

/// <summary>
/// Where <c>speclsp check</c> keeps what it found in each file between runs, and under what it is valid. One file per
/// workspace root (and <c>--config</c> file), in the user's cache folder, never in the repository. Its entries hold
/// only what a file's own text, path, configuration, templates and this build decide; everything that other files or
/// the disk decide (anchors, SPEC- IDs, feature folders, whether a linked file exists) stays a question answered
/// afresh each run, so a cached run prints exactly what an uncached one prints. Anything wrong with the file (missing,
/// corrupt, truncated, another build's or configuration's, unwritable) makes the run an uncached one; it never fails it.
/// </summary>
internal sealed class CheckCache
{
    private static readonly Lazy<string> Build = new(BuildIdentity);

    private readonly string _file;
    private readonly string _key;
    private readonly TextWriter? _log;

    private CheckCache(string file, string key, TextWriter? log) => (_file, _key, _log) = (file, key, log);

    /// <summary>The folder used when none is given (<see cref="CacheDirectory.Default"/>); null when none is known.</summary>
    public static string? DefaultDirectory() => CacheDirectory.Default();

    /// <summary>The cache of the workspace at <paramref name="root"/> under <paramref name="loaded"/>'s configuration, in <paramref name="directory"/>.</summary>
    /// <remarks>
    /// The file is named after the root and <c>--config</c> file only, so a changed configuration replaces it instead
    /// of leaving the old one behind; the header's key holds everything the entries depend on besides their own text.
    /// </remarks>
    public static CheckCache For(string directory, string root, string? configFile, LoadedEnvironment loaded, TextWriter? log)
    {
        string key = string.Join(
            "\n",
            Build.Value,
            root,
            loaded.ConfigurationFile ?? "-",
            Hex(loaded.ConfigurationText ?? "\0"),
            Hex(loaded.Environment.Catalog.Fingerprint));
        return new CheckCache(CacheFile.PathFor(directory, CheckCacheCodec.Kind, $"{root}\0{configFile}"), key, log);
    }

    /// <summary>The entries kept by the last run, or null when there are none to trust.</summary>
    public CheckCacheContents? Load(TemplateCatalog catalog, ImmutableArray<string> roots)
    {
        long start = Stopwatch.GetTimestamp();
        var contents = CheckCacheCodec.Read(_file, _key, catalog, roots);
        _log?.WriteLine(contents is null
            ? $"speclsp check: no cache of this build and configuration at {_file} (or it is damaged), every file is analysed"
            : $"speclsp check: read the cache of {contents.Count} files in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
        return contents;
    }

    /// <summary>Replaces the cache with <paramref name="entries"/>, atomically: a reader sees the old file or the new one, whole.</summary>
    public void Save(IEnumerable<CheckCacheEntry> entries)
    {
        try
        {
            long start = Stopwatch.GetTimestamp();
            CheckCacheCodec.Write(_file, _key, entries);
            _log?.WriteLine($"speclsp check: wrote the cache in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            _log?.WriteLine($"speclsp check: cannot write the cache at {_file}: {e.Message}");
        }
    }

    /// <summary>Says how many files the cache gave (under <c>--verbose</c>).</summary>
    public void Report(int reused, int total) => _log?.WriteLine($"speclsp check: {reused} of {total} files unchanged since the cached run ({_file})");

    // This build as the caches know it (CacheDirectory.BuildIdentity: the version, the executable and the libraries
    // beside it), and the platform's path comparison, which decides what counts as the same file.
    private static string BuildIdentity() =>
        $"{CacheDirectory.BuildIdentity}|{(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? "ci" : "cs")}";

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
