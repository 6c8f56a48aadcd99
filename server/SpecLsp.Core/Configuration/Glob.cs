using System.Text;
using System.Text.RegularExpressions;

namespace SpecLsp.Core.Configuration;

/// <summary>
/// A path glob over <c>/</c>-separated paths relative to the workspace root: <c>**</c> any number of folders,
/// <c>*</c> any text within one name, <c>?</c> one character, <c>{a,b}</c> alternatives. Case-insensitive.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Glob?> s_cache = new(StringComparer.Ordinal);

    /// <summary>The glob of <paramref name="pattern"/> from a cache shared by every caller, or null when it cannot be read.</summary>
    public static Glob? Get(string pattern)
    {
        if (s_cache.Count > 1000)
        {
            s_cache.Clear();
        }

        return s_cache.GetOrAdd(pattern, TryCreate);
    }

    /// <summary>The glob of <paramref name="pattern"/>, or null when it cannot be read (an unclosed <c>{</c>, or far too large).</summary>
    public static Glob? TryCreate(string pattern)
    {
        var builder = new StringBuilder("^");
        int braces = 0;
        string p = pattern.Trim().Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                builder.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else if (c == '{')
            {
                braces++;
                builder.Append("(?:");
            }
            else if (c == '}' && braces > 0)
            {
                braces--;
                builder.Append(')');
            }
            else if (c == ',' && braces > 0)
            {
                builder.Append('|');
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        if (braces != 0 || p.Length == 0)
        {
            return null;
        }

        builder.Append('$');
        try
        {
            return new Glob(pattern, new Regex(builder.ToString(), RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: a pattern too large for a NonBacktracking automaton (thousands of wildcards).
            return null;
        }
    }

    /// <summary>True when <paramref name="relativePath"/> (either separator) fits the glob.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/').TrimStart('/'));

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
