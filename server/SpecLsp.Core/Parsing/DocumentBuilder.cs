using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using LinkReferenceDefinition = SpecLsp.Core.Model.LinkReferenceDefinition;

namespace SpecLsp.Core.Parsing;

/// <summary>
/// The Markdig walker: one walk over a Markdig tree (blocks with an explicit stack, inlines likewise, so no input nests the
/// walk deep enough to overflow) that collects everything <see cref="SpecDocument"/> holds. Markdown's own nodes
/// are read here (this file: blocks; <c>.Inlines.cs</c>: links, code, HTML; <c>.Tree.cs</c>: sections, metadata
/// scope, IDs, front matter); what a spec writes inside them (metadata fields, ID labels, ID-shaped words) is
/// recognised by <see cref="SpecSyntax"/>, which this walker calls with the offsets of each block's text.
/// </summary>
internal sealed partial class DocumentBuilder
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly CancellationToken _cancellationToken;

    // Only what a FileIndex holds is collected (see SpecParser.ParseForIndex): no block spans, list items, table rows,
    // bold labels, tasks, code blocks, code spans or comments, no link texts and no raw heading titles, which only an
    // open document's features read.
    private readonly bool _indexOnly;

    // Where the text Markdig parsed starts in _text: 0 for a whole document, the region's start for a reparse.
    private readonly int _baseOffset;

    private readonly List<HeadingInfo> _headings = [];
    private readonly List<MetadataCandidate> _metadataCandidates = [];
    private readonly ImmutableArray<MetadataField>.Builder _frontMatterFields = ImmutableArray.CreateBuilder<MetadataField>();
    private readonly List<PendingDefinition> _definitions = [];
    private readonly List<(int Start, int Length)> _mentionCandidates = [];
    private readonly ImmutableArray<LinkNode>.Builder _links = ImmutableArray.CreateBuilder<LinkNode>();
    private readonly ImmutableArray<LinkReferenceDefinition>.Builder _referenceDefinitions = ImmutableArray.CreateBuilder<LinkReferenceDefinition>();
    private readonly ImmutableArray<TaskItem>.Builder _tasks = ImmutableArray.CreateBuilder<TaskItem>();
    private readonly ImmutableArray<CodeBlockNode>.Builder _codeBlocks = ImmutableArray.CreateBuilder<CodeBlockNode>();
    private readonly ImmutableArray<TextRange>.Builder _codeSpans = ImmutableArray.CreateBuilder<TextRange>();
    private readonly ImmutableArray<HtmlCommentNode>.Builder _comments = ImmutableArray.CreateBuilder<HtmlCommentNode>();
    private readonly ImmutableArray<ExplicitAnchor>.Builder _anchors = ImmutableArray.CreateBuilder<ExplicitAnchor>();
    private readonly ImmutableArray<BlockSpan>.Builder _blocks = ImmutableArray.CreateBuilder<BlockSpan>();
    private readonly ImmutableArray<ListItemNode>.Builder _listItems = ImmutableArray.CreateBuilder<ListItemNode>();
    private readonly ImmutableArray<TableRowNode>.Builder _tableRows = ImmutableArray.CreateBuilder<TableRowNode>();
    private readonly ImmutableArray<BoldLabelNode>.Builder _boldLabels = ImmutableArray.CreateBuilder<BoldLabelNode>();
    private readonly ImmutableArray<SpecDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<SpecDiagnostic>();

    // Where metadata may be (see SelectMetadata), tracked during the walk so that requirement fields elsewhere
    // never become candidates.
    private HeadingScope _scope;
    private bool _afterBreak;
    private readonly Stack<Inline> _inlineStack = new();
    private readonly Stack<(Inline Inline, bool InImage)> _plainStack = new();
    private readonly StringBuilder _titleBuffer = new();
    private readonly StringBuilder _anchorBuffer = new();

    // The text of the definitions RecoverEscapedDefinitions read: Markdig's autolinks of their URLs are not links.
    private (int Start, int End) _recovered = (-1, -1);
    private readonly StringBuilder _collapseBuffer = new();
    private FrontMatter? _frontMatter;
    private int _cursorLine;

    /// <summary>Offsets of the current leaf block's code spans, links and HTML, where brackets are not link syntax.</summary>
    private readonly List<(int Start, int End)> _opaque = [];

    /// <param name="source">The whole document's text, which every position refers to.</param>
    /// <param name="cancellationToken">Checked between blocks.</param>
    /// <param name="baseOffset">Where the text Markdig parsed starts in <paramref name="source"/> (a reparsed region's start).</param>
    /// <param name="scope">The metadata scope in force at <paramref name="baseOffset"/>.</param>
    /// <param name="indexOnly">
    /// Collect only what <see cref="Workspace.FileIndex.Create"/> reads: the model's block spans, list items, table rows,
    /// bold labels, tasks, code blocks, code spans and HTML comments stay empty, and link texts and raw heading titles
    /// are empty strings.
    /// </param>
    public DocumentBuilder(SourceText source, CancellationToken cancellationToken, int baseOffset = 0, HeadingScope scope = default, bool indexOnly = false)
    {
        _indexOnly = indexOnly;
        _source = source;
        _text = source.Text;
        _lines = source.Lines;
        _cancellationToken = cancellationToken;
        _baseOffset = baseOffset;
        _scope = scope;
    }

    /// <summary>The headings walked so far, in document order.</summary>
    public IReadOnlyList<HeadingInfo> Headings => _headings;

    /// <summary>The metadata scope after the blocks walked so far.</summary>
    public HeadingScope Scope => _scope;

    /// <summary>Builds the model of a whole document from its Markdig tree.</summary>
    public SpecDocument Build(MarkdownDocument markdown, long? destinationScanCost)
    {
        Walk(markdown, markdown.Count);
        var (roots, all) = BuildSections(_headings, PositionAt(_text.Length), _lines.LineCount);
        var title = all.FirstOrDefault(s => s.Level == 1);
        var metadata = SelectMetadata();
        var definitions = BuildDefinitions(metadata, title?.Title);
        var prefixes = IdPrefixes(definitions);
        var mentions = BuildMentions(prefixes, definitions);

        return new SpecDocument
        {
            Source = _source,
            FrontMatter = _frontMatter,
            Title = title,
            Sections = roots,
            AllSections = all,
            Metadata = metadata,
            IdDefinitions = definitions,
            IdMentions = mentions,
            Links = Links,
            ReferenceDefinitions = ReferenceDefinitions,
            TaskItems = _tasks.ToImmutable(),
            CodeBlocks = _codeBlocks.ToImmutable(),
            CodeSpans = _codeSpans.ToImmutable(),
            HtmlComments = HtmlComments,
            ExplicitAnchors = ExplicitAnchors,
            Blocks = _blocks.ToImmutable(),
            ListItems = _listItems.ToImmutable(),
            TableRows = _tableRows.ToImmutable(),
            BoldLabels = _boldLabels.ToImmutable(),
            ParseDiagnostics = _diagnostics.ToImmutable(),
            DestinationScanCost = destinationScanCost,
            IdPrefixes = prefixes,
        };
    }

    /// <summary>Walks the first <paramref name="count"/> top-level blocks of <paramref name="markdown"/>.</summary>
    public void Walk(MarkdownDocument markdown, int count)
    {
        var stack = new Stack<Block>();
        for (int i = count - 1; i >= 0; i--)
        {
            stack.Push(markdown[i]);
        }

        while (stack.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var block = stack.Pop();
            if (Visit(block) && block is ContainerBlock container)
            {
                for (int i = container.Count - 1; i >= 0; i--)
                {
                    stack.Push(container[i]);
                }
            }
        }
    }

    /// <summary>What a heading right after the blocks walked does to them: a footer before it was no footer.</summary>
    public void EndBeforeHeading()
    {
        if (_afterBreak)
        {
            _metadataCandidates.RemoveAll(c => c.FooterOnly);
            _afterBreak = false;
        }
    }

    public FrontMatter? FrontMatter => _frontMatter;

    public ImmutableArray<LinkNode> Links => Sorted(_links, l => l.Range.Start);

    public ImmutableArray<LinkReferenceDefinition> ReferenceDefinitions => Sorted(_referenceDefinitions, d => d.Range.Start);

    public ImmutableArray<TaskItem> TaskItems => _tasks.ToImmutable();

    public ImmutableArray<CodeBlockNode> CodeBlocks => _codeBlocks.ToImmutable();

    public ImmutableArray<TextRange> CodeSpans => _codeSpans.ToImmutable();

    public ImmutableArray<HtmlCommentNode> HtmlComments => Sorted(_comments, c => c.Range.Start);

    public ImmutableArray<ExplicitAnchor> ExplicitAnchors => Sorted(_anchors, a => a.Range.Start);

    public ImmutableArray<BlockSpan> Blocks => _blocks.ToImmutable();

    public ImmutableArray<ListItemNode> ListItems => _listItems.ToImmutable();

    public ImmutableArray<TableRowNode> TableRows => _tableRows.ToImmutable();

    public ImmutableArray<BoldLabelNode> BoldLabels => _boldLabels.ToImmutable();

    public ImmutableArray<SpecDiagnostic> ParseDiagnostics => _diagnostics.ToImmutable();

    /// <summary>Handles one block; returns true when its children should be walked.</summary>
    private bool Visit(Block block)
    {
        switch (block)
        {
            case YamlFrontMatterBlock frontMatter:
                ReadFrontMatter(frontMatter);
                return false;
            case HeadingBlock heading:
                AddHeading(heading);
                return false;
            case ParagraphBlock paragraph:
                AddParagraph(paragraph);
                return false;
            case CodeBlock code:
                AddCodeBlock(code);
                return false;
            case HtmlBlock html:
                if (TryGetSpan(html, out int htmlStart, out int htmlEnd))
                {
                    if (!_indexOnly)
                    {
                        _blocks.Add(new BlockSpan(BlockKind.HtmlBlock, Range(htmlStart, htmlEnd)));
                    }

                    ScanHtml(htmlStart, htmlEnd);
                }

                return false;
            case Markdig.Syntax.LinkReferenceDefinition definition:
                AddReferenceDefinition(definition);
                return false;
            case ThematicBreakBlock thematicBreak:
                if (thematicBreak.Parent is MarkdownDocument)
                {
                    _afterBreak = true;
                }

                return false;
            case Table table:
                AddBlockSpan(BlockKind.Table, table);
                AddTableRows(table);
                return true;
            case TableRow row:
                AddTableRowDefinition(row);
                return true;
            case ListBlock list:
                AddBlockSpan(BlockKind.List, list);
                return true;
            case ListItemBlock listItem:
                AddBlockSpan(BlockKind.ListItem, listItem);
                AddListItem(listItem);
                return true;
            case QuoteBlock quote:
                AddBlockSpan(BlockKind.BlockQuote, quote);
                return true;
            default:
                return block is ContainerBlock;
        }
    }

    // An ID's text: for the index, the string every file shares (FileIndex.Intern), made only for an ID no file had yet.
    private string IdText(int start, int length) => _indexOnly ? Workspace.FileIndex.Intern(_text.AsSpan(start, length)) : _text.Substring(start, length);

    private void AddBlockSpan(BlockKind kind, Block block)
    {
        if (!_indexOnly && TryGetBlockSpan(block, out int start, out int end))
        {
            _blocks.Add(new BlockSpan(kind, Range(start, end)));
        }
    }

    private void AddListItem(ListItemBlock item)
    {
        if (_indexOnly || !TryGetBlockSpan(item, out int start, out int end))
        {
            return;
        }

        // The span opens with the marker: a bullet, or up to nine digits and '.' or ')'.
        int markerEnd = start;
        while (markerEnd < end && markerEnd - start < 9 && char.IsAsciiDigit(_text[markerEnd]))
        {
            markerEnd++;
        }

        markerEnd = markerEnd < end && (markerEnd > start ? _text[markerEnd] is '.' or ')' : _text[markerEnd] is '-' or '*' or '+') ? markerEnd + 1 : start;
        // Nothing after the marker, not even what Markdig takes out of the item (a reference definition, "- [x]: y").
        _listItems.Add(new ListItemNode(Range(start, end), Range(start, markerEnd), end == markerEnd));
    }

    /// <summary>
    /// The rows of <paramref name="table"/>: one a line, the header first and the delimiter row after it. Markdig gives
    /// an empty row or cell no position, so a row's line is counted from the table's first.
    /// </summary>
    private void AddTableRows(Table table)
    {
        if (_indexOnly || !TryGetBlockSpan(table, out int tableStart, out int tableEnd))
        {
            return;
        }

        var tableRange = Range(tableStart, tableEnd);
        int firstLine = LineAt(tableStart);
        int lastLine = tableRange.End.Line;
        var cells = ImmutableArray.CreateBuilder<TextRange>();
        for (int r = 0; r < table.Count; r++)
        {
            int line = firstLine + (r == 0 ? 0 : r + 1);
            if (table[r] is not TableRow row || line > lastLine)
            {
                continue;
            }

            cells.Clear();
            foreach (var block in row)
            {
                if (block is TableCell cell && TryGetSpan(cell, out int cellStart, out int cellEnd))
                {
                    (cellStart, cellEnd) = Trim(cellStart, cellEnd);
                    if (cellEnd > cellStart)
                    {
                        cells.Add(Range(cellStart, cellEnd));
                    }
                }
            }

            var (rowStart, rowEnd) = Trim(_lines.GetLineStart(line), _lines.GetLineEnd(line, _text));
            _tableRows.Add(new TableRowNode(Range(rowStart, rowEnd), row.IsHeader, tableRange) { Cells = cells.ToImmutable() });
        }
    }

    // ---- headings -------------------------------------------------------------------------------

    private void AddHeading(HeadingBlock heading)
    {
        if (!TryGetSpan(heading, out int start, out int end))
        {
            return;
        }

        int lastLine = LineAt(Math.Max(start, end - 1));
        int headingEnd = Math.Max(end, _lines.GetLineEnd(lastLine, _text));
        int titleStart;
        int titleEnd;
        bool setext = heading.IsSetext;
        if (setext)
        {
            titleStart = start;
            int underlineLine = lastLine;
            titleEnd = underlineLine > LineAt(start) ? _lines.GetLineEnd(underlineLine - 1, _text) : start;
        }
        else
        {
            (titleStart, titleEnd) = AtxTitle(start, headingEnd);
        }

        (titleStart, titleEnd) = Trim(titleStart, titleEnd);
        var (title, anchorText) = heading.ProcessInlines ? PlainText(heading.Inline) : PlainLeafText(heading);
        EnterHeadingScope(heading.Level, title);
        _headings.Add(new HeadingInfo(heading.Level, Range(start, headingEnd), Range(titleStart, titleEnd), title, _indexOnly ? string.Empty : _text[titleStart..titleEnd], HeadingAnchors.Slug(anchorText), setext));

        if (SpecSyntax.MatchHeadingId(_text, titleStart, titleEnd, title) is { } id)
        {
            _definitions.Add(new PendingDefinition(IdText(id.IdStart, id.IdLength), id.IdStart, IdDefinitionKind.Heading, id.Title, start, headingEnd));
        }

        WalkLeaf(heading);
        ScanUndefinedReferences(titleStart, titleEnd);
    }

    private void EnterHeadingScope(int level, string title)
    {
        // What followed a thematic break was no footer: a heading comes after it.
        EndBeforeHeading();
        _scope = _scope.Enter(level, title);
    }

    /// <summary>The text of an ATX heading between its opening <c>#</c>s and an optional closing sequence.</summary>
    private (int Start, int End) AtxTitle(int start, int lineEnd)
    {
        int i = start;
        while (i < lineEnd && _text[i] == '#')
        {
            i++;
        }

        while (i < lineEnd && _text[i] is ' ' or '\t')
        {
            i++;
        }

        int end = lineEnd;
        while (end > i && _text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        int closing = end;
        while (closing > i && _text[closing - 1] == '#')
        {
            closing--;
        }

        if (closing < end && (closing == i || _text[closing - 1] is ' ' or '\t'))
        {
            end = closing;
        }

        return (i, Math.Max(i, end));
    }

    // ---- paragraphs: metadata lines, definitions, tasks --------------------------------------------

    private void AddParagraph(ParagraphBlock paragraph)
    {
        bool inTable = paragraph.Parent is TableCell;
        if (TryGetSpan(paragraph, out int start, out int end) && !inTable)
        {
            if (paragraph.Parent is MarkdownDocument && _text[start] == '[')
            {
                RecoverEscapedDefinitions(start, end);
            }

            if (!_indexOnly)
            {
                _blocks.Add(new BlockSpan(BlockKind.Paragraph, Range(start, end)));
            }

            bool hasTask = HasTaskBox(paragraph, out int boxStart, out int boxEnd, out bool isChecked);
            bool firstInItem = paragraph.Parent is ListItemBlock item && item.Count > 0 && item[0] == paragraph;
            if (hasTask && firstInItem && boxStart >= 0 && TryGetBlockSpan(paragraph.Parent!, out int itemStart, out int itemEnd))
            {
                int lineEnd = _lines.GetLineEnd(LineAt(boxEnd), _text);
                var (textStart, textEnd) = Trim(boxEnd, lineEnd);
                if (!_indexOnly)
                {
                    _tasks.Add(new TaskItem(isChecked, _text[textStart..textEnd], Range(itemStart, itemEnd), Range(boxStart, boxEnd)));
                }

                TryAddIdLabel(textStart, textEnd, IdDefinitionKind.TaskItem, allowPlain: true);
            }

            ScanParagraphLines(paragraph, start, end, firstInItem, skipFirstLine: hasTask && firstInItem);
        }

        WalkLeaf(paragraph);
        if (TryGetSpan(paragraph, out int blockStart, out int blockEnd))
        {
            ScanUndefinedReferences(blockStart, blockEnd);
        }
    }

    private void ScanParagraphLines(ParagraphBlock paragraph, int start, int end, bool firstInItem, bool skipFirstLine)
    {
        bool footerOnly = _scope.FooterOnly;
        MetadataStyle? style = footerOnly && !_afterBreak ? null : paragraph.Parent switch
        {
            MarkdownDocument => MetadataStyle.BoldLine,
            QuoteBlock => MetadataStyle.BlockQuote,
            ListItemBlock when firstInItem => MetadataStyle.ListItem,
            _ => null,
        };

        int quoteDepth = 0;
        for (Block? b = paragraph.Parent; b is not null; b = b.Parent)
        {
            if (b is QuoteBlock)
            {
                quoteDepth++;
            }
        }

        int firstLine = LineAt(start);
        int lastLine = LineAt(Math.Max(start, end - 1));
        int candidatesBefore = _metadataCandidates.Count;
        bool allPlain = style == MetadataStyle.BoldLine;
        for (int line = firstLine; line <= lastLine; line++)
        {
            int lineStart = line == firstLine ? start : ContentStart(_lines.GetLineStart(line), quoteDepth);
            int lineEnd = Math.Min(_lines.GetLineEnd(line, _text), end);
            if (lineStart >= lineEnd)
            {
                allPlain = false;
                continue;
            }

            if (line == firstLine && skipFirstLine)
            {
                allPlain = false;
                continue;
            }

            if (!_indexOnly && BoldLabel.Match(_text.AsSpan(lineStart, lineEnd - lineStart)) is { } label)
            {
                bool opensItem = line == firstLine && firstInItem;
                _boldLabels.Add(new BoldLabelNode(Range(lineStart, lineStart + label.LabelEnd), Range(lineStart + label.KeyStart, lineStart + label.KeyEnd), opensItem, label.ColonInside));
            }

            bool isLabel = TryAddIdLabel(lineStart, lineEnd, IdDefinitionKind.BoldLabel, allowPlain: false);
            if (style is { } s && !isLabel && (s != MetadataStyle.ListItem || line == firstLine))
            {
                if (SpecSyntax.MatchBoldField(_text, lineStart, lineEnd) is { } boldSyntax)
                {
                    // A bold key alone on its line ("**Tasks:**") labels the block after it; it is no field.
                    bool labelOfBlock = s == MetadataStyle.BoldLine && boldSyntax.ValueStart == boldSyntax.ValueEnd;
                    if (!labelOfBlock)
                    {
                        _metadataCandidates.Add(new MetadataCandidate(Field(boldSyntax, s), Plain: false, footerOnly));
                    }

                    allPlain = false;
                }
                else if (allPlain && SpecSyntax.MatchPlainField(_text, lineStart, lineEnd) is { } plain)
                {
                    _metadataCandidates.Add(new MetadataCandidate(Field(plain, MetadataStyle.PlainLine), Plain: true, footerOnly));
                }
                else
                {
                    allPlain = false;
                }
            }
        }

        if (!allPlain)
        {
            // A plain "Key: value" line counts only in a paragraph made of nothing else.
            for (int i = _metadataCandidates.Count - 1; i >= candidatesBefore; i--)
            {
                if (_metadataCandidates[i].Plain)
                {
                    _metadataCandidates.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Skips a continuation line's indentation and the <c>&gt;</c> markers of the block quotes around it.</summary>
    private int ContentStart(int lineStart, int quoteDepth)
    {
        int i = lineStart;
        int lineEnd = _lines.GetLineEnd(LineAt(lineStart), _text);
        for (int q = 0; q < quoteDepth; q++)
        {
            while (i < lineEnd && _text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < lineEnd && _text[i] == '>')
            {
                i++;
            }
        }

        while (i < lineEnd && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private MetadataField Field(FieldSyntax field, MetadataStyle style)
    {
        int line = LineAt(field.KeyStart);
        return new MetadataField(
            _text[field.KeyStart..field.KeyEnd],
            _text[field.ValueStart..field.ValueEnd],
            Range(field.KeyStart, field.KeyEnd),
            Range(field.ValueStart, field.ValueEnd),
            Range(_lines.GetLineStart(line), _lines.GetLineEnd(line, _text)),
            style);
    }

    /// <summary>Adds the ID label at <paramref name="start"/> (see <see cref="SpecSyntax.MatchIdLabel"/>) as a definition; true when there is one.</summary>
    private bool TryAddIdLabel(int start, int end, IdDefinitionKind kind, bool allowPlain)
    {
        if (SpecSyntax.MatchIdLabel(_text, start, end, kind, allowPlain) is not { } label)
        {
            return false;
        }

        int line = LineAt(start);
        _definitions.Add(new PendingDefinition(IdText(label.IdStart, label.IdLength), label.IdStart, kind, label.Title, _lines.GetLineStart(line), _lines.GetLineEnd(line, _text)));
        return true;
    }

    // ---- tables ---------------------------------------------------------------------------------

    private void AddTableRowDefinition(TableRow row)
    {
        if (row.IsHeader || row.Count == 0 || row[0] is not TableCell first || !TryGetSpan(first, out int cellStart, out int cellEnd))
        {
            return;
        }

        if (SpecSyntax.MatchCellId(_text, cellStart, cellEnd) is not { } cell)
        {
            return;
        }

        var (start, end) = cell;
        string title = string.Empty;
        if (row.Count > 1 && TryGetSpan(row[1], out int secondStart, out int secondEnd))
        {
            var (ts, te) = Trim(secondStart, secondEnd);
            title = _text[ts..te];
        }

        int line = LineAt(start);
        _definitions.Add(new PendingDefinition(IdText(start, end - start), start, IdDefinitionKind.TableCell, title, _lines.GetLineStart(line), _lines.GetLineEnd(line, _text)));
    }

    // ---- code, HTML, reference definitions ---------------------------------------------------------

    private void AddCodeBlock(CodeBlock code)
    {
        if (_indexOnly || !TryGetSpan(code, out int start, out int end))
        {
            return;
        }

        string? info = null;
        bool fenced = code is FencedCodeBlock;
        if (code is FencedCodeBlock f && !string.IsNullOrWhiteSpace(f.Info))
        {
            info = f.Info;
        }

        var lines = code.Lines;

        // A fence never closed runs to the end of its container, but Markdig's span stops at the opening line: the
        // block ends where its last line does, so what the fence holds stays code to every analyzer.
        if (fenced)
        {
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                if (lines.Lines[i].Slice is { Length: > 0 } last)
                {
                    end = Math.Max(end, Math.Min(last.End + 1 + _baseOffset, _text.Length));
                    break;
                }
            }
        }

        var content = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                content.Append('\n');
            }

            content.Append(lines.Lines[i].Slice.AsSpan());
        }

        _codeBlocks.Add(new CodeBlockNode(info, Range(start, end), content.ToString(), fenced));
    }

    private void AddReferenceDefinition(Markdig.Syntax.LinkReferenceDefinition definition)
    {
        if (!TryGetSpan(definition, out int start, out int end))
        {
            return;
        }

        var (labelStart, labelEnd) = SpanOrEmpty(definition.LabelSpan, start + 1);
        var (urlStart, urlEnd) = SpanOrEmpty(definition.UrlSpan, labelEnd);
        _referenceDefinitions.Add(new LinkReferenceDefinition(
            _text[labelStart..labelEnd],
            _text[urlStart..urlEnd],
            Range(start, end),
            Range(labelStart, labelEnd),
            Range(urlStart, urlEnd)));
    }

    /// <summary>
    /// Markdig leaves a reference definition whose label has a backslash escape (<c>[x86\_64]: url</c>) as paragraph
    /// text, and every definition on the lines after it with it; CommonMark reads them all as definitions. The
    /// paragraph's leading one-line definitions are read here, from the first one with an escape in its label on.
    /// </summary>
    private void RecoverEscapedDefinitions(int start, int end)
    {
        var found = new List<LinkReferenceDefinition>();
        int line = LineAt(start);
        int recoveredEnd = start;
        while (true)
        {
            int lineStart = _lines.GetLineStart(line);
            if (lineStart >= end)
            {
                break;
            }

            int lineEnd = Math.Min(_lines.GetLineEnd(line, _text), end);
            var match = OneLineDefinition().Match(_text, lineStart, lineEnd - lineStart);
            if (!match.Success || match.Groups["label"].Length > 999)
            {
                break;
            }

            // Definitions before the first escaped label are Markdig's own: passed over, not read twice.
            if (found.Count == 0 && !match.Groups["label"].Value.Contains('\\', StringComparison.Ordinal))
            {
                line++;
                continue;
            }

            var label = match.Groups["label"];
            var url = match.Groups["url"].Success ? match.Groups["url"] : match.Groups["bare"];
            found.Add(new LinkReferenceDefinition(
                label.Value,
                url.Value,
                Range(match.Index, match.Index + match.Length),
                Range(label.Index, label.Index + label.Length),
                Range(url.Index, url.Index + url.Length)));
            recoveredEnd = match.Index + match.Length;
            line++;
        }

        if (found.Count > 0)
        {
            _referenceDefinitions.AddRange(found);
            _recovered = (start, recoveredEnd);
        }
    }

    // A definition on one line: label without unescaped brackets, destination in <> or bare, an optional title.
    [GeneratedRegex("""^ {0,3}\[(?<label>(?:[^\[\]\\\r\n]|\\.)+)\]:[ \t]*(?:<(?<url>[^<>\r\n]*)>|(?<bare>[^\s<][^\s]*))(?:[ \t]+(?:"[^"\r\n]*"|'[^'\r\n]*'|\([^()\r\n]*\)))?[ \t]*$""", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex OneLineDefinition();

    private void ScanHtml(int start, int end)
    {
        List<(int Start, int End)>? comments = null;
        int i = start;
        while (i < end)
        {
            int open = _text.IndexOf("<!--", i, end - i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            int close = open + 4 < end ? _text.IndexOf("-->", open + 4, end - open - 4, StringComparison.Ordinal) : -1;
            int commentEnd = close < 0 ? end : close + 3;
            int contentEnd = close < 0 ? end : close;
            if (!_indexOnly)
            {
                _comments.Add(new HtmlCommentNode(_text[(open + 4)..Math.Max(open + 4, contentEnd)].Trim(), Range(open, commentEnd)));
            }

            (comments ??= []).Add((open, commentEnd));
            i = commentEnd;
        }

        if (end - start < 4 || (_text.IndexOf("id", start, end - start, StringComparison.OrdinalIgnoreCase) < 0 && _text.IndexOf("name", start, end - start, StringComparison.OrdinalIgnoreCase) < 0))
        {
            return;
        }

        foreach (Match tag in AnchorTag().Matches(_text.Substring(start, end - start)))
        {
            var value = tag.Groups["value"];
            int at = start + tag.Index;

            // An id on any element is an anchor; a name only on <a> (an <input name> is a form field).
            bool isName = tag.Groups["attribute"].Value.Equals("name", StringComparison.OrdinalIgnoreCase);
            if (isName && !tag.Groups["tag"].Value.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (value.Success && value.Length > 0 && (comments is null || !comments.Exists(c => at >= c.Start && at < c.End)))
            {
                _anchors.Add(new ExplicitAnchor(value.Value, Range(start + value.Index, start + value.Index + value.Length)));
            }
        }
    }

    [GeneratedRegex("""<(?<tag>[a-z][a-z0-9-]*)\s(?:[^>]*?\s)?(?<attribute>id|name)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'>]+))""", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex AnchorTag();

    // ---- helpers ------------------------------------------------------------------------------------

    /// <summary>The block's or inline's source span as a half-open offset range, when Markdig gave a usable one.</summary>
    private bool TryGetSpan(MarkdownObject node, out int start, out int end)
    {
        var span = node.Span;
        start = span.Start + _baseOffset;
        end = span.End + 1 + _baseOffset;
        if (span.Start < 0 || start > _text.Length || end < start)
        {
            return false;
        }

        end = Math.Min(end, _text.Length);
        return true;
    }

    /// <summary>A container block's span without the blank lines Markdig counts at its end.</summary>
    private bool TryGetBlockSpan(Block block, out int start, out int end)
    {
        if (!TryGetSpan(block, out start, out end))
        {
            return false;
        }

        while (end > start && _text[end - 1] is '\r' or '\n' or ' ' or '\t')
        {
            end--;
        }

        return true;
    }

    private (int Start, int End) SpanOrEmpty(SourceSpan span, int fallback)
    {
        if (span.Start >= 0 && span.End + 1 + _baseOffset <= _text.Length && span.End + 1 >= span.Start)
        {
            return (span.Start + _baseOffset, span.End + 1 + _baseOffset);
        }

        fallback = Math.Clamp(fallback, 0, _text.Length);
        return (fallback, fallback);
    }

    private (int Start, int End) Trim(int start, int end) => SpecSyntax.Trim(_text, start, end);

    private TextRange Range(int start, int end) => new(PositionAt(start), PositionAt(end));

    /// <summary>
    /// The position of <paramref name="offset"/>. The walk asks for positions mostly in increasing order, so the
    /// line of the previous answer and the few lines after it are tried before a binary search.
    /// </summary>
    private Position PositionAt(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        int line = _cursorLine;
        int start = _lines.GetLineStart(line);
        if (offset >= start)
        {
            for (int step = 0; step < 4; step++)
            {
                int nextStart = line + 1 < _lines.LineCount ? _lines.GetLineStart(line + 1) : int.MaxValue;
                if (offset < nextStart)
                {
                    _cursorLine = line;
                    return new Position(line, offset - start);
                }

                line++;
                start = nextStart;
            }
        }

        line = _lines.GetLine(offset);
        _cursorLine = line;
        return new Position(line, offset - _lines.GetLineStart(line));
    }

    private int LineAt(int offset) => PositionAt(offset).Line;

    private static ImmutableArray<T> Sorted<T>(ImmutableArray<T>.Builder items, Func<T, Position> key)
    {
        var array = items.ToArray();
        var keys = array.Select(key).ToArray();
        Array.Sort(keys, array);
        return [.. array];
    }

    private sealed record MetadataCandidate(MetadataField Field, bool Plain, bool FooterOnly);

    private sealed record PendingDefinition(string Id, int Start, IdDefinitionKind Kind, string Title, int LineStart, int LineEnd);
}
