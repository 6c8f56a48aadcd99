using System.Buffers;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace SpecLsp.Core.Parsing;

/// <summary>
/// For the index parse (<see cref="SpecParser.ParseForIndex"/>): paragraphs and ATX headings whose text no inline
/// parser of the pipeline can make anything of but literal text are not given to Markdig's inline parser (about half of
/// its time and allocation on a spec), and <see cref="DocumentBuilder"/> reads them from their lines instead. What the
/// index reads of such a block is then the same: its literal text (the heading's title and anchor, the ID-shaped words
/// of either) and, in a list item, a leading task box.
/// </summary>
/// <remarks>
/// A block is plain when no line holds a character that opens an inline other than text, emphasis and line breaks
/// (<c>`</c>, <c>[</c>, <c>]</c>, <c>&lt;</c>, <c>&amp;</c>, <c>\</c>, <c>|</c>, <c>_</c>) nor the start of a bare URL
/// (<see cref="SpecParser.MayHoldBareUrl"/>, when the pipeline has that parser); a heading holds no <c>*</c> either. Emphasis with <c>*</c> is allowed in a
/// paragraph: it only splits literals at the <c>*</c>s, which an ID-shaped word neither holds nor is joined by
/// (<see cref="Model.IdSyntax"/>), so the same words are found in the lines as in the literals. <c>_</c> is not: an ID
/// followed by <c>_</c> is joined to it, but not when the <c>_</c> closes emphasis. A paragraph in a list item may
/// start with a task box (<c>[ ]</c>, <c>[x]</c>, <c>[X]</c>), which Markdig's task-list parser takes before any other.
/// <c>IndexParseTests</c> compare every entry made this way with a full parse's.
/// </remarks>
internal sealed class PlainLeavesExtension : IMarkdownExtension
{
    private static readonly SearchValues<char> InlineOpeners = SearchValues.Create("`[]<&\\|_");

    private static readonly SearchValues<char> HeadingInlineOpeners = SearchValues.Create("`[]<&\\|_*");

    // Whether the pipeline has the bare-URL autolink parser, which a block can give something to act on.
    private readonly bool _autoLinks;

    /// <param name="autoLinks">Whether the pipeline has the bare-URL autolink extension.</param>
    public PlainLeavesExtension(bool autoLinks) => _autoLinks = autoLinks;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.Find<ParagraphBlockParser>()!.Closed += OnClosed;
        pipeline.BlockParsers.Find<HeadingBlockParser>()!.Closed += OnClosed;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>True when the first line of <paramref name="paragraph"/> opens with a task box Markdig's task-list parser takes.</summary>
    internal static bool StartsWithTaskBox(ParagraphBlock paragraph)
    {
        if (paragraph.Parent is not ListItemBlock || paragraph.Lines.Count == 0)
        {
            return false;
        }

        var first = paragraph.Lines.Lines[0].Slice;
        return first.Length >= 3 && IsTaskBox(first.Text.AsSpan(first.Start, 3));
    }

    // Markdig's TaskListInlineParser: '[', a space (U+0020 only) or x or X, ']'.
    private static bool IsTaskBox(ReadOnlySpan<char> box) => box[0] == '[' && box[1] is ' ' or 'x' or 'X' && box[2] == ']';

    // A block parser's Closed event comes after its Close, with the block's lines final.
    private void OnClosed(BlockProcessor processor, Block block)
    {
        switch (block)
        {
            case HeadingBlock { IsSetext: false } heading when heading.Lines.Count == 1 && IsPlain(heading.Lines.Lines[0].Slice, HeadingInlineOpeners, 0):
                heading.ProcessInlines = false;
                break;
            case ParagraphBlock paragraph when IsPlain(paragraph):
                paragraph.ProcessInlines = false;
                break;
        }
    }

    private bool IsPlain(ParagraphBlock paragraph)
    {
        var lines = paragraph.Lines;
        if (lines.Count == 0)
        {
            return false;
        }

        int skip = StartsWithTaskBox(paragraph) ? 3 : 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!IsPlain(lines.Lines[i].Slice, InlineOpeners, i == 0 ? skip : 0))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsPlain(Markdig.Helpers.StringSlice slice, SearchValues<char> openers, int skip)
    {
        if (slice.Text is null || slice.Length < 0)
        {
            return false;
        }

        var text = slice.Text.AsSpan(slice.Start + skip, slice.Length - skip);
        return !text.ContainsAny(openers) && !(_autoLinks && SpecParser.MayHoldBareUrl(text));
    }
}
