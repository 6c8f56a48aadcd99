using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Folding;

/// <summary>The folding regions of one document.</summary>
public static class FoldingRanges
{
    /// <summary>
    /// Sections, code blocks, tables, comments, front matter and multi-line list items and block quotes, ordered by
    /// start line (the longer first on the same line). Only regions of two lines or more; a region never ends on
    /// blank lines, so folding a section leaves the blank line before the next heading visible.
    /// </summary>
    public static ImmutableArray<FoldingRegion> Compute(SpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Source;
        var regions = new HashSet<FoldingRegion>();
        void Add(TextRange range, FoldingRegionKind kind)
        {
            int start = range.Start.Line;
            int end = range.End.Line;
            if (range.End.Character == 0 && end > start)
            {
                // The range ends at the start of the next line: that line is not part of it.
                end--;
            }

            while (end > start && string.IsNullOrWhiteSpace(source.GetLineText(end)))
            {
                end--;
            }

            if (end > start)
            {
                regions.Add(new FoldingRegion(start, end, kind));
            }
        }

        if (document.FrontMatter is { } frontMatter)
        {
            Add(frontMatter.Range, FoldingRegionKind.FrontMatter);
        }

        foreach (var section in document.AllSections)
        {
            Add(new TextRange(section.HeadingRange.Start, section.Range.End), FoldingRegionKind.Section);
        }

        foreach (var code in document.CodeBlocks)
        {
            Add(code.Range, FoldingRegionKind.CodeBlock);
        }

        foreach (var comment in document.HtmlComments)
        {
            Add(comment.Range, FoldingRegionKind.Comment);
        }

        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Table:
                    Add(block.Range, FoldingRegionKind.Table);
                    break;
                case BlockKind.ListItem:
                    Add(block.Range, FoldingRegionKind.ListItem);
                    break;
                case BlockKind.BlockQuote:
                    Add(block.Range, FoldingRegionKind.BlockQuote);
                    break;
            }
        }

        var sorted = regions.ToList();
        sorted.Sort(static (a, b) => a.StartLine != b.StartLine ? a.StartLine.CompareTo(b.StartLine)
            : a.EndLine != b.EndLine ? b.EndLine.CompareTo(a.EndLine)
            : a.Kind.CompareTo(b.Kind));
        return [.. sorted];
    }
}
