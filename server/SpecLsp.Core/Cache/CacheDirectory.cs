using System.Reflection;

namespace SpecLsp.Core.Cache;

/// <summary>
/// Where the caches live and what build wrote them. Never inside the user's repository: <c>$SPECLSP_CACHE_DIR</c>,
/// else <c>$XDG_CACHE_HOME/speclsp</c>, else <c>~/.cache/speclsp</c> (on Windows the local application data
/// folder's <c>speclsp\cache</c>).
/// </summary>
public static class CacheDirectory
{
    /// <summary>The environment variable that names the cache folder.</summary>
    public const string Variable = "SPECLSP_CACHE_DIR";

    /// <summary>The folder for the caches, from <paramref name="environment"/> (the process's by default); null when there is no home to put one in.</summary>
    public static string? Default(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(Variable) is { Length: > 0 } explicitDirectory)
        {
            // A folder no path can name (characters Windows refuses) means no cache, not a failed scan.
            try
            {
                return Path.GetFullPath(explicitDirectory);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
            {
                return null;
            }
        }

        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length > 0 ? Path.Combine(local, "speclsp", "cache") : null;
        }

        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "speclsp");
        }

        return environment("HOME") is { Length: > 0 } home && Path.IsPathRooted(home) ? Path.Combine(home, ".cache", "speclsp") : null;
    }

    /// <summary>
    /// The build that writes and reads the caches: its version and the size and time of the executable and of the
    /// libraries beside it (this one and the server's <c>speclsp.dll</c>, when the build is not one Native AOT
    /// executable). A cache written by any other build (one whose parser or check may decide a file differently) is
    /// never read.
    /// </summary>
    public static string BuildIdentity { get; } = ComputeBuildIdentity();

    private static string ComputeBuildIdentity()
    {
        var version = typeof(CacheDirectory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var core = Path.Combine(AppContext.BaseDirectory, "SpecLsp.Core.dll");
        var server = Path.Combine(AppContext.BaseDirectory, "speclsp.dll");
        return $"{version}|{Stamp(Environment.ProcessPath)}|{Stamp(core)}|{Stamp(server)}";
    }

    private static string Stamp(string? path)
    {
        try
        {
            var file = path is null ? null : new FileInfo(path);
            return file is { Exists: true } ? $"{file.Length}@{file.LastWriteTimeUtc.Ticks}" : "-";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "-";
        }
    }
}
