namespace SpecLsp.Core.Placeholders;

// Quoted text is being talked about, not left unfilled: the quote rule that brackets and bare tokens share.
public static partial class PlaceholderScanner
{
    /// <summary>
    /// True when the bracket <c>[open..close]</c> is inside quotes on its line: straight or curly double quotes,
    /// single quotes that open after a non-letter and close before one (an apostrophe in <c>team's</c> is neither),
    /// or backticks. Quoted text is being talked about (a log format, <c>"syncing [namespace]/[name] failed"</c>).
    /// </summary>
    internal static bool InQuotes(ReadOnlySpan<char> text, int open, int close)
    {
        var before = text[..open];
        var after = text[(close + 1)..];
        if ((before.Count('"') & 1) == 1 && after.Contains('"'))
        {
            return true;
        }

        if ((before.Count('`') & 1) == 1 && after.Contains('`'))
        {
            return true;
        }

        if (before.LastIndexOf('“') > before.LastIndexOf('”') && after.Contains('”'))
        {
            return true;
        }

        return InSingleQuotes(text, open, close, '\'', '\'') || InSingleQuotes(text, open, close, '‘', '’') || InSingleQuotes(text, open, close, '\'', '’');
    }

    private static bool InSingleQuotes(ReadOnlySpan<char> text, int open, int close, char opening, char closing)
    {
        bool inside = false;
        for (int i = 0; i < open; i++)
        {
            if (!inside && text[i] == opening && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                inside = true;
            }
            else if (inside && text[i] == closing && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                inside = false;
            }
        }

        if (!inside)
        {
            return false;
        }

        for (int i = close + 1; i < text.Length; i++)
        {
            if (text[i] == closing && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])) && !char.IsWhiteSpace(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
