using SpecLsp.Core.Metadata;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

// Bare tokens: YYYY-MM-DD and the other date masks, X.Y.Z, TBD, TODO as a marker, and an X after a comparison.
public static partial class PlaceholderScanner
{
    private static void ScanTokens(ReadOnlySpan<char> text, int line, int lineStart, TextMask nonProse, List<Placeholder> found, int firstOnLine)
    {
        AddToken(text, "YYYY-MM-DD", PlaceholderKind.Date, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "DD/MM/YYYY", PlaceholderKind.Date, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "MM/DD/YYYY", PlaceholderKind.Date, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "X.Y.Z", PlaceholderKind.Token, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "TBD", PlaceholderKind.Token, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "TODO", PlaceholderKind.Token, line, lineStart, nonProse, found, firstOnLine);
        AddComparisonX(text, line, lineStart, nonProse, found, firstOnLine);
    }

    private static void AddToken(ReadOnlySpan<char> text, string token, PlaceholderKind kind, int line, int lineStart, TextMask nonProse, List<Placeholder> found, int firstOnLine)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            at += from;
            int end = at + token.Length;
            from = end;
            bool dotted = token.Contains('.', StringComparison.Ordinal);
            if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_' || (dotted && text[at - 1] == '.')) && !(dotted && text[at - 1] == 'v' && (at < 2 || !char.IsLetter(text[at - 2]))))
            {
                continue;
            }

            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_' || (dotted && text[end] == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))))
            {
                continue;
            }

            // A token in quotes is being talked about ("dates as "YYYY-MM-DD""), not left unfilled.
            if ((at > 0 && text[at - 1] is '"' or '\'' or '“' or '‘') || (end < text.Length && text[end] is '"' or '\'' or '”' or '’'))
            {
                continue;
            }

            // Part of a URL (".../badge/TBD-red") is an address, and one glued after a folder ("archive/YYYY-MM-DD-<name>/")
            // names a pattern of paths: neither is a blank.
            if (InUrl(text, at) || (at > 0 && text[at - 1] == '/' && kind == PlaceholderKind.Date))
            {
                continue;
            }

            // TODO is a marker when it opens a note ("TODO: decide") or stands alone; "remove outdated TODO" mentions one.
            if (token == "TODO" && !text[end..].TrimStart().StartsWith(":") && !IsAloneOnLine(text, "TODO"))
            {
                continue;
            }

            // TBD as a word of a sentence ("a TBD follow-up", "(details TBD)") is a remark, not a value left open.
            if (token == "TBD" && (IsInParentheses(text, at, end) || (end + 1 < text.Length && text[end] == ' ' && char.IsLetter(text[end + 1]) && AfterArticle(text[..at]))))
            {
                continue;
            }

            // Nor is one that a sentence goes on from mid-line ("…gengo/v2.  TBD as to whether this is worth it"): a value
            // left open stands at the start of its line or item, after a label ("Owner: TBD once …"), or ends its clause
            // ("The date is TBD."). A reference labelled TBD ("[open][TBD]", "[TBD]: …/badge/TBD-red") is a badge.
            if (token == "TBD" && ((end + 1 < text.Length && text[end] == ' ' && char.IsAsciiLetterLower(text[end + 1]) && !OpensValue(text[..at]))
                || (text[..at].Trim().SequenceEqual("[") && text[end..].StartsWith("]:"))
                || (text[..at].EndsWith("][") && text[end..].StartsWith("]"))))
            {
                continue;
            }

            if (InQuotes(text, at, end - 1))
            {
                continue;
            }

            if (nonProse.Overlaps(lineStart + at, lineStart + end) || InFound(found, firstOnLine, line, at, end))
            {
                continue;
            }

            found.Add(new Placeholder(new TextRange(line, at, line, end), kind, token));
        }
    }

    private static bool InUrl(ReadOnlySpan<char> text, int at)
    {
        int start = at;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '<'))
        {
            start--;
        }

        return text[start..at].Contains("://", StringComparison.Ordinal);
    }

    // Before a value: nothing but a list marker, quote, table pipe or emphasis; or a label's ':' (or '=', '|', a dash).
    private static bool OpensValue(ReadOnlySpan<char> before)
    {
        var rest = before.TrimEnd().TrimEnd("*_`[");
        rest = rest.TrimEnd();
        if (rest.IsEmpty || rest[^1] is ':' or '=' or '|' or '-' or '—' or '–' or '>')
        {
            return true;
        }

        return rest.Trim().TrimStart("-*+>|0123456789.) ").IsEmpty;
    }

    private static bool AfterArticle(ReadOnlySpan<char> before)
    {
        var rest = before.TrimEnd();
        int i = rest.Length;
        while (i > 0 && char.IsLetter(rest[i - 1]))
        {
            i--;
        }

        var word = rest[i..];
        return word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase) || word.Equals("the", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsInParentheses(ReadOnlySpan<char> text, int start, int end)
    {
        var before = text[..start];
        var after = text[end..];
        int close = after.IndexOf(')');
        int open = after.IndexOf('(');
        return before.LastIndexOf('(') > before.LastIndexOf(')') && close >= 0 && (open < 0 || open > close);
    }

    private static bool IsAloneOnLine(ReadOnlySpan<char> text, string token)
    {
        int letters = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
        }

        return letters == token.Length;
    }

    private static void AddComparisonX(ReadOnlySpan<char> text, int line, int lineStart, TextMask nonProse, List<Placeholder> found, int firstOnLine)
    {
        int firstNonSpace = 0;
        while (firstNonSpace < text.Length && text[firstNonSpace] == ' ')
        {
            firstNonSpace++;
        }

        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] != 'X' || (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '.' or '-' or '_' or '\'')))
            {
                continue;
            }

            int j = i - 1;
            if (text[j] == ' ')
            {
                j--;
            }

            if (j < 0 || text[j] is not ('<' or '>' or '≤' or '≥' or '~' or '≈') || j == firstNonSpace || (j > 0 && text[j - 1] != ' ' && text[j - 1] is not ('<' or '>' or '=')))
            {
                continue;
            }

            // "version Y > X" compares two named variables; only a value left open ("< X ms") is a placeholder.
            int w = j - 1;
            while (w >= 0 && text[w] is ' ' or '=' or '<' or '>')
            {
                w--;
            }

            if (w >= 0 && char.IsAsciiLetterUpper(text[w]) && (w == 0 || !char.IsLetterOrDigit(text[w - 1])))
            {
                continue;
            }

            if (!nonProse.Overlaps(lineStart + i, lineStart + i + 1) && !InFound(found, firstOnLine, line, i, i + 1))
            {
                found.Add(new Placeholder(new TextRange(line, i, line, i + 1), PlaceholderKind.Token, "X"));
            }
        }
    }

    private static bool InFound(List<Placeholder> found, int firstOnLine, int line, int start, int end)
    {
        for (int k = firstOnLine; k < found.Count; k++)
        {
            var r = found[k].Range;
            if (r.Start.Line == line && r.Start.Character < end && r.End.Character > start)
            {
                return true;
            }
        }

        return false;
    }
}
