using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>A written <c>[text][label]</c> or <c>[label][]</c>, whether or not its label is defined.</summary>
/// <param name="Label">The label.</param>
/// <param name="Range">The whole <c>[text][label]</c>.</param>
/// <param name="LabelRange">The label's text (for <c>[label][]</c>, the first brackets' text).</param>
public sealed record ReferenceLinkSyntax(string Label, TextRange Range, TextRange LabelRange)
{
    /// <summary>
    /// True for a full reference whose text and label both read as tags (<c>[Feature:SCTP][Disruptive]</c>,
    /// <c>[Stretch Goal][Push left]</c>): a capitalised word or two, or <c>Name:Value</c>, side by side. Test tags and
    /// labels written next to each other are not a link whose definition was forgotten.
    /// </summary>
    public bool IsTagPair { get; init; }
}

/// <summary>
/// Finds full and collapsed reference links in the text. Markdig leaves undefined ones as plain text, so they are
/// found here, conservatively: never in code, comments, front matter, reference definitions or bare URLs, never glued
/// to a word (<c>a[0][1]</c>), never with escapes, and never the shortcut form <c>[label]</c>, which without a
/// definition is just text. The text may hold a whole image (<c>[![alt][img]][label]</c>), and text and label may
/// wrap once onto the next line of the paragraph.
/// </summary>
public static class ReferenceLinkScanner
{
    private const int MaxBracketText = 200;

    /// <summary>Every full or collapsed reference link in <paramref name="document"/> whose label passes <paramref name="include"/> (default: all).</summary>
    public static ImmutableArray<ReferenceLinkSyntax> Find(SpecDocument document, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Source.Text;
        var result = ImmutableArray.CreateBuilder<ReferenceLinkSyntax>();
        Exclusions? exclusions = null;
        int k = 0;
        while ((k = text.IndexOf("][", k, StringComparison.Ordinal)) >= 0)
        {
            int middle = k;
            k += 2;
            int start = FindTextStart(text, middle);
            if (start < 0)
            {
                continue;
            }

            int end = FindLabelEnd(text, middle + 2);
            if (end < 0)
            {
                continue;
            }

            if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is ']' or '\\' or '_'))
            {
                continue;
            }

            if (end + 1 < text.Length && text[end + 1] is '(' or '[' or ':')
            {
                continue;
            }

            if (InBareUrl(text, start))
            {
                continue;
            }

            var whole = text.AsSpan(start, end + 1 - start);
            if (whole.Contains('\\') || whole.Contains('`'))
            {
                continue;
            }

            bool collapsed = end == middle + 2;
            int labelStart = collapsed ? start + 1 : middle + 2;
            int labelEnd = collapsed ? middle : end;
            var label = text[labelStart..labelEnd];
            if (string.IsNullOrWhiteSpace(label) || label.StartsWith('^') || (include is not null && !include(label)))
            {
                continue;
            }

            var range = document.Source.GetRange(start, end + 1);
            if ((exclusions ??= new Exclusions(document)).Excludes(range))
            {
                continue;
            }

            // A label that wraps is shown on one line.
            var shown = string.Join(' ', label.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            result.Add(new ReferenceLinkSyntax(shown, range, document.Source.GetRange(labelStart, labelEnd))
            {
                IsTagPair = !collapsed && IsTag(text.AsSpan(start + 1, middle - start - 1)) && IsTag(label),
            });
            k = end + 1;
        }

        return result.ToImmutable();
    }

    // 'Disruptive', 'Stretch Goal', 'Push left', 'NodeFeature:Eviction': a capital first, up to three words of letters
    // and digits, optionally ':' and a value without spaces.
    private static bool IsTag(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 80 || !char.IsAsciiLetterUpper(text[0]))
        {
            return false;
        }

        int colon = text.IndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        if (colon >= 0)
        {
            var value = text[(colon + 1)..];
            if (value.IsEmpty || value.ContainsAnyExcept(s_tagValue))
            {
                return false;
            }
        }

        int words = 1;
        foreach (char c in name)
        {
            if (c == ' ')
            {
                words++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return words <= 3 && !name.Contains("  ", StringComparison.Ordinal) && name[^1] != ' ';
    }

    private static readonly System.Buffers.SearchValues<char> s_tagValue =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>
    /// The <c>[</c> that opens the link text ending at <paramref name="close"/>: brackets inside balance (an image
    /// <c>[![alt][img]][label]</c>), and the text may wrap once onto the previous line of the same paragraph. -1 if none.
    /// </summary>
    private static int FindTextStart(string text, int close)
    {
        int depth = 0;
        int lineBreaks = 0;
        for (int i = close - 1; i >= 0 && close - i <= MaxBracketText; i--)
        {
            char c = text[i];
            if (c == ']')
            {
                depth++;
            }
            else if (c == '[')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
            else if (IsLineBreak(text, i) && (++lineBreaks > 1 || !IsPlainContinuation(text, i)))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The <c>]</c> that closes a label starting at <paramref name="start"/>, which may wrap once. -1 if none.</summary>
    private static int FindLabelEnd(string text, int start)
    {
        int lineBreaks = 0;
        for (int i = start; i < text.Length && i - start <= MaxBracketText; i++)
        {
            char c = text[i];
            if (c == ']')
            {
                return i;
            }

            if (c == '[' || (IsLineBreak(text, i) && (++lineBreaks > 1 || !IsPlainContinuation(text, i))))
            {
                return -1;
            }
        }

        return -1;
    }

    // A line ends at i: a \n, or a \r not followed by \n (a \r\n counts once, at its \n).
    private static bool IsLineBreak(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));

    // The line after the break at i continues the paragraph as plain text: not blank, no quote or list marker, so that
    // the label's text is the source text (no "> " in the middle of it).
    private static bool IsPlainContinuation(string text, int i)
    {
        int j = i + 1;
        while (j < text.Length && text[j] is ' ' or '\t')
        {
            j++;
        }

        return j < text.Length && text[j] is not ('\n' or '\r' or '>' or '-' or '*' or '+' or '#' or '|') && !char.IsAsciiDigit(text[j]);
    }

    // Part of a bare URL written in prose (https://example.com/?q[a][b]), which is no link syntax.
    private static bool InBareUrl(string text, int start)
    {
        int i = start;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]) && start - i < 2000)
        {
            i--;
        }

        var word = text.AsSpan(i, start - i);
        return word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Where a candidate is not a reference link: checked per candidate by binary search over the document's ranges
    /// (a scan of every code span, comment and link per candidate made this quadratic in the document's size).
    /// </summary>
    private sealed class Exclusions(SpecDocument document)
    {
        // A definition, the front matter or a code span anywhere in the candidate.
        private readonly Spans _overlapping = new([
            .. document.ReferenceDefinitions.Select(d => d.Range),
            .. document.FrontMatter is { } frontMatter ? [frontMatter.Range] : Array.Empty<TextRange>(),
            .. document.CodeSpans]);

        // A code block or comment holding its start.
        private readonly Spans _holding = new([.. document.CodeBlocks.Select(b => b.Range), .. document.HtmlComments.Select(c => c.Range)]);

        // Another link holding its start (one that starts there is the reference link itself).
        private readonly Spans _links = new([.. document.Links.Where(l => l.Kind != LinkKind.Reference).Select(l => l.Range)]);

        public bool Excludes(TextRange range) =>
            _overlapping.AnyStartingAtOrBefore(range.End, endingAtOrAfter: range.Start)
            || _holding.AnyStartingAtOrBefore(range.Start, endingAtOrAfter: range.Start)
            || _links.AnyStartingBefore(range.Start, endingAtOrAfter: range.Start);
    }

    /// <summary>Closed ranges sorted by start, with the furthest end among each prefix: "is there a range from at most X to at least Y" in log time.</summary>
    private sealed class Spans
    {
        private readonly Position[] _starts;
        private readonly Position[] _maxEnds;

        public Spans(TextRange[] ranges)
        {
            Array.Sort(ranges, (a, b) => a.Start.CompareTo(b.Start));
            _starts = new Position[ranges.Length];
            _maxEnds = new Position[ranges.Length];
            for (int i = 0; i < ranges.Length; i++)
            {
                _starts[i] = ranges[i].Start;
                _maxEnds[i] = i > 0 && _maxEnds[i - 1] > ranges[i].End ? _maxEnds[i - 1] : ranges[i].End;
            }
        }

        public bool AnyStartingAtOrBefore(Position start, Position endingAtOrAfter) => Check(CountAtOrBefore(start), endingAtOrAfter);

        public bool AnyStartingBefore(Position start, Position endingAtOrAfter) => Check(CountBefore(start), endingAtOrAfter);

        private bool Check(int count, Position end) => count > 0 && _maxEnds[count - 1] >= end;

        // How many starts are <= position.
        private int CountAtOrBefore(Position position)
        {
            int lo = 0, hi = _starts.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_starts[mid] <= position)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        // How many starts are < position.
        private int CountBefore(Position position)
        {
            int lo = 0, hi = _starts.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_starts[mid] < position)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
