using System.Buffers;

namespace SpecLsp.Core.Parsing;

/// <summary>
/// Finds, with linear scans, the few constructs Markdig is quadratic or deeply recursive on, and returns a copy of
/// the text in which the excess of them is blanked out with spaces. Every substitution keeps the length and never
/// touches a line break, so every offset, line and column Markdig reports stays exact for the original text, from
/// which the model is built. Text written by people never comes near the limits, so it is returned as it is.
/// </summary>
/// <remarks>
/// The constructs: runs of link openers whose destination never closes (<c>[a](</c> repeated: each <c>](</c>
/// scans to the end of the run, so a 100 KB run costs seconds), and very deep list or block-quote nesting on one
/// line (<c>- - - … x</c>, <c>&gt;&gt;&gt;…</c>), which Markdig opens one container per marker for and walks
/// on every following line.
/// </remarks>
internal static class PathologicalInputGuard
{
    /// <summary>Deeper list and block-quote nesting on one line is flattened: nobody writes more than a handful of levels.</summary>
    public const int MaxNestingPerLine = 32;

    /// <summary>
    /// A list or block-quote marker indented further than this many columns loses its marker: nesting built up over
    /// many lines, each indented a little more (<c>- a</c>, <c>  - a</c>, <c>    - a</c>, …), makes Markdig keep one
    /// open container per level and walk all of them on every line, so thousands of levels never finish.
    /// </summary>
    public const int MaxMarkerIndent = 4 * MaxNestingPerLine;

    /// <summary>
    /// When the link destinations of a text would cost more character scans than this (plus four per character),
    /// every destination scan longer than <see cref="LongDestinationScan"/> is blanked.
    /// </summary>
    public const long DestinationScanBudget = 1_000_000;

    /// <summary>A destination scan this long only matters when there are many of them.</summary>
    public const int LongDestinationScan = 256;

    /// <summary>
    /// <paramref name="text"/> itself when nothing in it is pathological (the usual case, without copying), else a
    /// copy of the same length with the excess openers and markers replaced by spaces.
    /// </summary>
    public static string Neutralize(string text) => Neutralize(text, out _);

    /// <summary>
    /// <see cref="Neutralize(string)"/>, also giving the total <paramref name="destinationScanCost"/> measured: it
    /// adds up line by line, so that a reparse can tell, from the lines it changes, whether the budget still holds.
    /// </summary>
    public static string Neutralize(string text, out long destinationScanCost)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? copy = null;
        FlattenDeepNesting(text, ref copy);
        destinationScanCost = BlankExpensiveDestinations(text, ref copy);
        return copy is null ? text : new string(copy);
    }

    /// <summary>True when the guard leaves a text with this total destination scan cost and length as it is.</summary>
    public static bool WithinBudget(long destinationScanCost, int textLength) =>
        destinationScanCost <= DestinationScanBudget + (4L * textLength);

    /// <summary>The destination scan cost of the whole lines between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static long DestinationScanCost(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MeasureDestinations(text.AsSpan(start, end - start), null);
    }

    private static void FlattenDeepNesting(string text, ref char[]? copy)
    {
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.AsSpan(lineStart).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : lineStart + lineEnd;
            FlattenLine(text, lineStart, lineEnd, ref copy);
            lineStart = lineEnd + 1;
        }
    }

    private static void FlattenLine(string text, int start, int end, ref char[]? copy)
    {
        int depth = 0;
        int i = start;
        int indent = 0;
        while (i + indent < end && text[i + indent] is ' ' or '\t')
        {
            indent++;
        }

        if (indent > MaxMarkerIndent)
        {
            depth = MaxNestingPerLine;
        }

        while (i < end)
        {
            while (i < end && text[i] is ' ' or '\t')
            {
                i++;
            }

            int marker = i;
            int next = MarkerEnd(text, i, end);
            if (next < 0)
            {
                return;
            }

            if (++depth == MaxNestingPerLine + 1 && indent <= MaxMarkerIndent && IsThematicBreak(text.AsSpan(start, end - start)))
            {
                return;
            }

            if (depth > MaxNestingPerLine)
            {
                copy ??= text.ToCharArray();
                copy.AsSpan(marker, next - marker).Fill(' ');
            }

            i = next;
        }
    }

    // The end of the block-quote or list marker at i, or -1 when there is none.
    private static int MarkerEnd(string text, int i, int end)
    {
        if (i >= end)
        {
            return -1;
        }

        char c = text[i];
        if (c == '>')
        {
            return i + 1;
        }

        if (c is '-' or '*' or '+')
        {
            return i + 1 == end || text[i + 1] is ' ' or '\t' ? i + 1 : -1;
        }

        int digits = 0;
        while (i + digits < end && digits < 10 && char.IsAsciiDigit(text[i + digits]))
        {
            digits++;
        }

        int delimiter = i + digits;
        if (digits is 0 or > 9 || delimiter >= end || text[delimiter] is not ('.' or ')'))
        {
            return -1;
        }

        return delimiter + 1 == end || text[delimiter + 1] is ' ' or '\t' ? delimiter + 1 : -1;
    }

    private static bool IsThematicBreak(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim(" \t");
        if (trimmed.IsEmpty || trimmed[0] is not ('-' or '*' or '_'))
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (c != trimmed[0] && c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    // Markdig parses an inline link's destination from each "](" up to its balanced ")" or the next white space; an
    // unclosed run makes every opener scan to the end of the run. The scans are measured here in one pass per run of
    // characters without ASCII space or control (a stack matches the parentheses) and, when their total is out of all proportion, the long
    // ones lose their "(" so that "[a](" becomes "[a] ".
    private static long BlankExpensiveDestinations(string text, ref char[]? copy)
    {
        var scans = new List<(int Open, int Length)>();
        long total = MeasureDestinations(text, scans);
        if (WithinBudget(total, text.Length))
        {
            return total;
        }

        foreach (var (position, length) in scans)
        {
            if (length > LongDestinationScan)
            {
                copy ??= text.ToCharArray();
                copy[position] = ' ';
            }
        }

        return total;
    }

    // The characters that end a run (ASCII space and control characters): a destination never spans one.
    private static readonly SearchValues<char> RunEnds = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f \u007f");

    // The total of the destination scans in text, each added to scans when it is given. Only a run holding "](" has
    // any: the runs around each one are found with vectorised searches, and the rest of the text is never walked.
    private static long MeasureDestinations(ReadOnlySpan<char> text, List<(int Open, int Length)>? scans)
    {
        Stack<int>? open = null;
        long total = 0;
        int from = 0;
        while (from < text.Length && text[from..].IndexOf("](", StringComparison.Ordinal) is int found and >= 0)
        {
            int opener = from + found;
            int runStart = from + text[from..opener].LastIndexOfAny(RunEnds) + 1;
            int runEnd = text[opener..].IndexOfAny(RunEnds) is int end and >= 0 ? opener + end : text.Length;
            total += MeasureRun(text, runStart, runEnd, open ??= new Stack<int>(), scans);
            from = runEnd + 1;
        }

        return total;
    }

    // The destination scans of the run text[start..end]: each "](" scans to its balanced ")" or, unclosed, to the run's end.
    private static long MeasureRun(ReadOnlySpan<char> text, int start, int end, Stack<int> open, List<(int Open, int Length)>? scans)
    {
        long total = 0;
        for (int i = start; i < end; i++)
        {
            if (text[i] == '(')
            {
                open.Push(i);
            }
            else if (text[i] == ')' && open.Count > 0)
            {
                total += Scan(text, start, open.Pop(), i, scans);
            }
        }

        while (open.Count > 0)
        {
            total += Scan(text, start, open.Pop(), end, scans);
        }

        return total;
    }

    // The scan from the "(" at open to stop, when a "]" before it in the run makes it a destination's.
    private static int Scan(ReadOnlySpan<char> text, int runStart, int open, int stop, List<(int Open, int Length)>? scans)
    {
        if (open <= runStart || text[open - 1] != ']')
        {
            return 0;
        }

        scans?.Add((open, stop - open));
        return stop - open;
    }
}
