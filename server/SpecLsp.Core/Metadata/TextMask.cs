using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Metadata;

/// <summary>
/// A set of character ranges of a document (merged, sorted offsets) that a scanner must not look into, such as
/// code and HTML comments. Immutable; lookups are binary searches.
/// </summary>
public sealed class TextMask
{
    private readonly (int Start, int End)[] _spans;

    private TextMask((int Start, int End)[] spans) => _spans = spans;

    /// <summary>
    /// The parts of <paramref name="document"/> that are not prose: fenced and indented code, code spans, HTML
    /// comments and blocks, and front matter.
    /// </summary>
    /// <remarks>Built on each call: <see cref="Analysis.SpecSnapshot.NonProse"/> keeps one per version.</remarks>
    public static TextMask NonProse(SpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ranges = new List<TextRange>();
        ranges.AddRange(document.CodeBlocks.Select(c => c.Range));
        ranges.AddRange(document.CodeSpans);
        ranges.AddRange(document.HtmlComments.Select(c => c.Range));
        ranges.AddRange(document.Blocks.Where(b => b.Kind == BlockKind.HtmlBlock).Select(b => b.Range));
        if (document.FrontMatter is { } frontMatter)
        {
            ranges.Add(frontMatter.Range);
        }

        return Create(document.Source, ranges);
    }

    /// <summary>
    /// The bracketed syntax of <paramref name="document"/> that is Markdown, not a placeholder: links (whole),
    /// link reference definitions and task boxes.
    /// </summary>
    public static TextMask BracketSyntax(SpecDocument document)
    {
        var ranges = new List<TextRange>();
        ranges.AddRange(document.Links.Select(l => l.Range));
        ranges.AddRange(document.ReferenceDefinitions.Select(d => d.Range));
        ranges.AddRange(document.TaskItems.Select(t => t.CheckboxRange));
        return Create(document.Source, ranges);
    }

    /// <summary>A mask of <paramref name="ranges"/> in <paramref name="source"/>.</summary>
    public static TextMask Create(SourceText source, IEnumerable<TextRange> ranges)
    {
        var spans = ranges.Select(r => (Start: source.GetOffset(r.Start), End: source.GetOffset(r.End)))
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start)
            .ToList();
        var merged = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return new TextMask([.. merged]);
    }

    /// <summary>True when any character of [<paramref name="start"/>, <paramref name="end"/>) is masked.</summary>
    public bool Overlaps(int start, int end)
    {
        if (end <= start)
        {
            end = start + 1;
        }

        int lo = 0, hi = _spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_spans[mid].End <= start)
            {
                lo = mid + 1;
            }
            else if (_spans[mid].Start >= end)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every character of [<paramref name="start"/>, <paramref name="end"/>) is masked.</summary>
    public bool Covers(int start, int end)
    {
        int lo = 0, hi = _spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_spans[mid].End <= start)
            {
                lo = mid + 1;
            }
            else if (_spans[mid].Start > start)
            {
                hi = mid - 1;
            }
            else
            {
                return _spans[mid].End >= end;
            }
        }

        return false;
    }
}
