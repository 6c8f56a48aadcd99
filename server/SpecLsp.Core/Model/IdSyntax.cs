namespace SpecLsp.Core.Model;

/// <summary>
/// What an ID looks like; shared by the parser and the features that complete and rename IDs.
/// <para>
/// An ID is 1 to 6 ASCII capital letters, an optional <c>-</c>, then 1 to 6 digits (<c>FR1</c>, <c>US-1</c>,
/// <c>FR-001</c>, <c>DATA-12</c>), or a spec ID <c>SPEC-YYYY-MM-DD-N…</c>. It stands alone: the character before
/// it is not a letter, digit, <c>_</c>, <c>-</c>, <c>.</c>, <c>/</c>, <c>\</c>, <c>#</c> or <c>@</c>, and after it
/// comes no letter, digit or <c>_</c>, no <c>-</c> or <c>.</c> followed by a letter or digit (so <c>UTF-8</c>
/// is one, but <c>FR1.2</c>, <c>US-1-2</c> and <c>ISO-8601-1</c> are not).
/// </para>
/// <para>
/// Because many ordinary tokens have that shape (<c>H2</c>, <c>P95</c>, <c>UTF-8</c>, <c>ISO-8601</c>), the parser
/// counts a <em>mention</em> only when its prefix (<see cref="GetPrefix"/>) is one the same document defines an
/// ID with, or when it is a spec ID, which is workspace-wide. Definitions are recognised only in their
/// fixed places (headings, bold labels, task items, first table cells, metadata values).
/// </para>
/// <para>
/// A few prefixes name well-known things rather than IDs and are never IDs, even as a bold label
/// (<c>**P95:** 200 ms</c>): <c>H</c> (heading levels), <c>P</c> (percentiles, priorities), <c>V</c> (versions),
/// <c>UTF-</c>, <c>ISO-</c>, <c>SHA</c>, <c>SHA-</c>, <c>MD</c>, <c>HTTP</c>, <c>IPV</c>, <c>ES</c>, <c>TLS</c>,
/// <c>RFC</c>, <c>OAUTH</c>, <c>WCAG</c>, <c>PEP</c>, <c>CVE-</c>, <c>S3</c>, <c>EC2</c>.
/// </para>
/// </summary>
public static class IdSyntax
{
    private const int MaxLetters = 6;
    private const int MaxDigits = 6;

    /// <summary>The part of <paramref name="id"/> before its number (<c>FR</c> of <c>FR1</c>, <c>US-</c> of <c>US-1</c>, <c>SPEC-</c> of a spec ID).</summary>
    public static string GetPrefix(string id)
    {
        if (id.StartsWith("SPEC-", StringComparison.Ordinal))
        {
            return "SPEC-";
        }

        int i = 0;
        while (i < id.Length && !char.IsAsciiDigit(id[i]))
        {
            i++;
        }

        return id[..i];
    }

    /// <summary>True for workspace-wide IDs (SPEC-…); every other ID is local to its spec.</summary>
    public static bool IsWorkspaceWide(string id) => id.StartsWith("SPEC-", StringComparison.Ordinal);

    /// <summary>True when the whole of <paramref name="text"/> is one ID.</summary>
    public static bool IsId(ReadOnlySpan<char> text) => text.Length > 0 && MatchAt(text, 0) == text.Length;

    /// <summary>
    /// The length of the ID that starts at <paramref name="index"/> of <paramref name="text"/> and stands alone
    /// there (see the boundary rules above), or 0.
    /// </summary>
    public static int MatchAt(ReadOnlySpan<char> text, int index)
    {
        if ((uint)index >= (uint)text.Length || !char.IsAsciiLetterUpper(text[index]))
        {
            return 0;
        }

        if (index > 0 && IsJoinedBefore(text[index - 1]))
        {
            return 0;
        }

        int length = MatchSpecId(text[index..]);
        if (length == 0)
        {
            length = MatchLocalId(text[index..]);
        }

        return length > 0 && IsBoundaryAfter(text, index + length) && !IsReserved(text.Slice(index, length)) ? length : 0;
    }

    private static bool IsReserved(ReadOnlySpan<char> id)
    {
        if (id is "S3" or "EC2")
        {
            return true;
        }

        int digits = id.Length;
        while (digits > 0 && char.IsAsciiDigit(id[digits - 1]))
        {
            digits--;
        }

        return id[..digits] is "H" or "P" or "V" or "UTF-" or "ISO-" or "SHA" or "SHA-" or "MD" or "HTTP" or "IPV" or "ES" or "TLS"
            or "RFC" or "OAUTH" or "WCAG" or "PEP" or "CVE-";
    }

    /// <summary>Every ID in <paramref name="text"/>, as (start, length) pairs in order.</summary>
    public static IEnumerable<(int Start, int Length)> FindAll(string text, int start = 0, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        end = end < 0 ? text.Length : Math.Min(end, text.Length);
        int i = Math.Max(0, start);
        while (i < end)
        {
            char c = text[i];
            if (char.IsAsciiLetterUpper(c) && (i == 0 || !char.IsAsciiLetterUpper(text[i - 1])))
            {
                int length = MatchAt(text.AsSpan(0, end), i);
                if (length > 0)
                {
                    yield return (i, length);
                    i += length;
                    continue;
                }
            }

            i++;
        }
    }

    private static int MatchSpecId(ReadOnlySpan<char> s)
    {
        // SPEC-YYYY-MM-DD-N…
        if (!s.StartsWith("SPEC-", StringComparison.Ordinal))
        {
            return 0;
        }

        int i = 5;
        foreach (int digits in (ReadOnlySpan<int>)[4, 2, 2])
        {
            for (int k = 0; k < digits; k++, i++)
            {
                if (i >= s.Length || !char.IsAsciiDigit(s[i]))
                {
                    return 0;
                }
            }

            if (i >= s.Length || s[i] != '-')
            {
                return 0;
            }

            i++;
        }

        int numberStart = i;
        while (i < s.Length && i - numberStart < MaxDigits && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > numberStart ? i : 0;
    }

    private static int MatchLocalId(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && char.IsAsciiLetterUpper(s[i]))
        {
            i++;
        }

        if (i == 0 || i > MaxLetters)
        {
            return 0;
        }

        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        int numberStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        int digits = i - numberStart;
        return digits is >= 1 and <= MaxDigits ? i : 0;
    }

    private static bool IsJoinedBefore(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '\\' or '#' or '@';

    private static bool IsBoundaryAfter(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        char c = text[end];
        if (char.IsLetterOrDigit(c) || c == '_')
        {
            return false;
        }

        return !(c is '-' or '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]));
    }
}
