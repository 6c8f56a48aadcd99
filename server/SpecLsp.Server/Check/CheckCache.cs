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
    private readonly string _identity;
    private readonly TextWriter? _log;

    private CheckCache(string file, string identity, TextWriter? log) => (_file, _identity, _log) = (file, identity, log);

    /// <summary>The folder used when none is given: <c>$SPECLSP_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/speclsp</c>, else <c>~/.cache/speclsp</c> (Windows: the local application data folder); null when none is known.</summary>
    public static string? DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("SPECLSP_CACHE_DIR") is { Length: > 0 } explicitFolder)
        {
            return Path.GetFullPath(explicitFolder);
        }

        if (OperatingSystem.IsWindows())
        {
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length > 0 ? Path.Combine(local, "speclsp", "cache") : null;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "speclsp");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "speclsp") : null;
    }

    /// <summary>The cache of the workspace at <paramref name="root"/> under <paramref name="loaded"/>'s configuration, in <paramref name="directory"/>.</summary>
    public static CheckCache For(string directory, string root, string? configFile, LoadedEnvironment loaded, TextWriter? log)
    {
        string place = Hex(Encoding.UTF8.GetBytes($"{root}\0{configFile}"));
        string identity = string.Join(
            "\n",
            Build.Value,
            root,
            loaded.ConfigurationFile ?? "-",
            Hex(Encoding.UTF8.GetBytes(loaded.ConfigurationText ?? "\0")),
            Hex(Encoding.UTF8.GetBytes(loaded.Environment.Catalog.Fingerprint)));
        return new CheckCache(Path.Combine(directory, $"check-{place}.bin"), identity, log);
    }

    /// <summary>The entries kept by the last run, or null when there are none to trust.</summary>
    public CheckCacheContents? Load(TemplateCatalog catalog)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            _log?.WriteLine($"speclsp check: no cache at {_file}, every file is analysed");
            return null;
        }

        var contents = CheckCacheCodec.Read(bytes, _identity, catalog);
        if (contents is null)
        {
            _log?.WriteLine($"speclsp check: the cache at {_file} is not this build's or configuration's (or is damaged), every file is analysed");
        }

        return contents;
    }

    /// <summary>Replaces the cache with <paramref name="entries"/>, atomically: a reader sees the old file or the new one, whole.</summary>
    public void Save(IReadOnlyCollection<CheckCacheEntry> entries)
    {
        string? temporary = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            temporary = $"{_file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                CheckCacheCodec.Write(stream, _identity, entries);
            }

            File.Move(temporary, _file, overwrite: true);
            temporary = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            _log?.WriteLine($"speclsp check: cannot write the cache at {_file}: {e.Message}");
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>Says how many files the cache gave (under <c>--verbose</c>).</summary>
    public void Report(int reused, int total) => _log?.WriteLine($"speclsp check: {reused} of {total} files unchanged since the cached run ({_file})");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // This build: its version and the executable files it runs from (a rebuild changes their size or time), and the
    // platform's path comparison (which decides what counts as the same file).
    private static string BuildIdentity()
    {
        var parts = new StringBuilder(ServerVersion.Current).Append('|').Append(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? "ci" : "cs");
        string?[] files =
        [
            Environment.ProcessPath,
            Path.Combine(AppContext.BaseDirectory, "speclsp.dll"),
            Path.Combine(AppContext.BaseDirectory, "SpecLsp.Core.dll"),
            Path.Combine(AppContext.BaseDirectory, "SpecLsp.Protocol.dll"),
            Path.Combine(AppContext.BaseDirectory, "Markdig.dll"),
            Path.Combine(AppContext.BaseDirectory, "YamlDotNet.dll"),
        ];
        foreach (string? file in files)
        {
            try
            {
                if (file is not null && new FileInfo(file) is { Exists: true } info)
                {
                    parts.Append('|').Append(info.FullName).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                parts.Append("|?");
            }
        }

        return parts.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
}
