using System.Collections.Immutable;
using System.Text;

namespace SpecLsp.Core.Workspace;

/// <summary>
/// Lexical path arithmetic on absolute paths with <c>/</c> separators (<c>C:/x</c> on Windows). Nothing here
/// touches the file system; symbolic links are the workspace implementation's concern.
/// </summary>
public static class WorkspacePaths
{
    /// <summary>Case-insensitive on Windows and macOS, whose usual file systems are.</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The comparer matching <see cref="Comparison"/>, for dictionaries keyed by path.</summary>
    public static StringComparer Comparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// <paramref name="path"/> with <c>\</c> turned into <c>/</c>, <c>.</c> and empty segments removed and <c>..</c>
    /// applied (never above the root); no trailing <c>/</c>. Returns null when the path is not absolute.
    /// </summary>
    public static string? Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = path.Replace('\\', '/');
        string prefix;
        if (path.StartsWith('/'))
        {
            prefix = "/";
        }
        else if (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/')
        {
            prefix = char.ToUpperInvariant(path[0]) + ":/";
        }
        else
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path[prefix.Length..].Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return prefix + string.Join('/', segments);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies under it (both normalised).</summary>
    public static bool IsUnder(string path, string root)
    {
        if (!path.StartsWith(root, Comparison))
        {
            return false;
        }

        return path.Length == root.Length || root.EndsWith('/') || path[root.Length] == '/';
    }

    /// <summary>The root <paramref name="path"/> lies under (the deepest one), or null.</summary>
    public static string? FindRoot(string path, ImmutableArray<string> roots)
    {
        string? best = null;
        foreach (var root in roots)
        {
            if (IsUnder(path, root) && (best is null || root.Length > best.Length))
            {
                best = root;
            }
        }

        return best;
    }

    /// <summary>The folder holding <paramref name="path"/>.</summary>
    public static string GetDirectory(string path)
    {
        int slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return path;
        }

        if (slash == 0)
        {
            return "/";
        }

        return slash == 2 && path[1] == ':' ? path[..3] : path[..slash];
    }

    /// <summary>The file name of <paramref name="path"/>.</summary>
    public static string GetFileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Joins a folder and a relative path and normalises the result.</summary>
    public static string? Combine(string directory, string relative) => Normalize(directory.TrimEnd('/') + "/" + relative);

    /// <summary>The relative path from <paramref name="fromDirectory"/> to <paramref name="path"/>, with <c>/</c> and <c>../</c>.</summary>
    public static string GetRelativePath(string fromDirectory, string path)
    {
        var from = fromDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], Comparison))
        {
            common++;
        }

        var builder = new StringBuilder();
        for (int i = common; i < from.Length; i++)
        {
            builder.Append("../");
        }

        builder.AppendJoin('/', to[common..]);
        return builder.ToString();
    }

    /// <summary>True for Markdown files by extension.</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The normalised path of a <c>file:</c> URI or of a plain absolute path; null for other schemes
    /// (<c>untitled:</c>) and relative paths.
    /// </summary>
    public static string? FromUriOrPath(string? uriOrPath)
    {
        if (string.IsNullOrEmpty(uriOrPath))
        {
            return null;
        }

        if (uriOrPath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(uriOrPath, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                return null;
            }

            string local = Uri.UnescapeDataString(uri.AbsolutePath);
            if (local.Length >= 3 && local[0] == '/' && local[2] == ':')
            {
                local = local[1..];
            }

            return Normalize(local);
        }

        return Normalize(uriOrPath);
    }

    /// <summary>The <c>file:</c> URI of a normalised path, percent-encoding what URIs need (VS Code's spelling).</summary>
    public static string ToFileUri(string path)
    {
        var segments = path.TrimStart('/').Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            segments[i] = i == 0 && segment.Length == 2 && segment[1] == ':'
                ? char.ToLowerInvariant(segment[0]) + "%3A"
                : Uri.EscapeDataString(segment);
        }

        return "file:///" + string.Join('/', segments);
    }
}
