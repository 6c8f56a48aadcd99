using System.Buffers;
using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Parsing;

/// <summary>The walk over a block's inlines: links, code spans, inline HTML, ID-shaped words, and plain text for titles and anchors.</summary>
internal sealed partial class DocumentBuilder
{
    private void WalkInlines(ContainerInline? root, bool collectMentions)
    {
        if (root is null)
        {
            return;
        }

        _inlineStack.Clear();
        _opaque.Clear();
        PushChildren(root);
        while (_inlineStack.Count > 0)
        {
            var inline = _inlineStack.Pop();
            switch (inline)
            {
                case LiteralInline literal:
                    if (collectMentions && TryGetSpan(literal, out int start, out int end))
                    {
                        SpecSyntax.FindIdWords(_text, start, end, _mentionCandidates);
                    }

                    break;
                case CodeInline code:
                    if (TryGetSpan(code, out int codeStart, out int codeEnd))
                    {
                        if (!_indexOnly)
                        {
                            _codeSpans.Add(Range(codeStart, codeEnd));
                        }

                        _opaque.Add((codeStart, codeEnd));
                    }

                    break;
                case AutolinkInline autolink:
                    AddAutolink(autolink);
                    break;
                case LinkInline link:
                    AddLink(link);
                    if (!link.IsAutoLink)
                    {
                        PushChildren(link);
                    }

                    break;
                case HtmlInline html:
                    if (TryGetSpan(html, out int htmlStart, out int htmlEnd))
                    {
                        _opaque.Add((htmlStart, htmlEnd));
                        ScanHtml(htmlStart, htmlEnd);
                    }

                    break;
                case ContainerInline container:
                    PushChildren(container);
                    break;
            }
        }
    }

    /// <summary>
    /// The walk over a paragraph's or heading's inlines, or over its lines when the index parse left it plain (see
    /// <see cref="PlainLeavesExtension"/>): its literal text is its lines, less a leading task box.
    /// </summary>
    private void WalkLeaf(LeafBlock leaf)
    {
        if (leaf.ProcessInlines)
        {
            WalkInlines(leaf.Inline, collectMentions: true);
            return;
        }

        _opaque.Clear();
        var lines = leaf.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            int start = slice.Start + _baseOffset + (i == 0 && leaf is ParagraphBlock paragraph && PlainLeavesExtension.StartsWithTaskBox(paragraph) ? 3 : 0);
            int end = Math.Min(slice.End + 1 + _baseOffset, _text.Length);
            if (start < end)
            {
                SpecSyntax.FindIdWords(_text, start, end, _mentionCandidates);
            }
        }
    }

    /// <summary>A plain heading's title and anchor text (see <see cref="PlainText"/>): its one line is one literal.</summary>
    private (string Title, string AnchorText) PlainLeafText(HeadingBlock heading)
    {
        if (heading.Lines.Count == 0)
        {
            return (string.Empty, string.Empty);
        }

        var slice = heading.Lines.Lines[0].Slice;
        var title = _titleBuffer.Clear().Append(slice.AsSpan());
        return (CollapseWhiteSpace(title), slice.ToString());
    }

    /// <summary>
    /// Whether a paragraph opens with a task box: Markdig's task-list inline, or in a plain paragraph (see
    /// <see cref="PlainLeavesExtension"/>) the three characters the task-list parser would have taken. Its offsets are
    /// -1 when it has no place in the text.
    /// </summary>
    private bool HasTaskBox(ParagraphBlock paragraph, out int start, out int end, out bool isChecked)
    {
        start = end = -1;
        if (paragraph.ProcessInlines)
        {
            var task = paragraph.Inline?.FirstChild as TaskList;
            isChecked = task?.Checked ?? false;
            if (task is not null && !TryGetSpan(task, out start, out end))
            {
                start = end = -1;
            }

            return task is not null;
        }

        isChecked = false;
        if (!PlainLeavesExtension.StartsWithTaskBox(paragraph))
        {
            return false;
        }

        var slice = paragraph.Lines.Lines[0].Slice;
        isChecked = slice.Text[slice.Start + 1] != ' ';
        if (slice.Start + _baseOffset + 3 <= _text.Length)
        {
            start = slice.Start + _baseOffset;
            end = start + 3;
        }

        return true;
    }

    /// <summary>Pushes the children last first, so that they pop in document order.</summary>
    private void PushChildren(ContainerInline container)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
        {
            _inlineStack.Push(child);
        }
    }

    /// <summary>
    /// Finds <c>[text][label]</c> and <c>[label][]</c> that Markdig left as text because the label is not defined,
    /// outside the code spans, links and HTML of the block just walked.
    /// </summary>
    private void ScanUndefinedReferences(int start, int end)
    {
        int p = start;
        while (p < end - 1)
        {
            int joint = _text.IndexOf("][", p, end - p, StringComparison.Ordinal);
            if (joint < 0)
            {
                return;
            }

            p = joint + 1;
            int labelEnd = _text.IndexOfAny(['[', ']'], joint + 2, Math.Min(end, joint + 2 + 1000) - joint - 2);
            if (labelEnd < 0 || _text[labelEnd] != ']')
            {
                continue;
            }

            int open = joint - 1;
            while (open >= start && _text[open] is not ('[' or ']'))
            {
                open--;
            }

            if (open < start || _text[open] != '[' || (open > start && _text[open - 1] == '\\'))
            {
                continue;
            }

            bool image = open > start && _text[open - 1] == '!';
            int linkStart = image ? open - 1 : open;
            int linkEnd = labelEnd + 1;
            if (_opaque.Exists(o => o.Start < linkEnd && linkStart < o.End))
            {
                continue;
            }

            bool collapsed = labelEnd == joint + 2;
            var (labelStart, labelStop) = collapsed ? (open + 1, joint) : (joint + 2, labelEnd);
            if (string.IsNullOrWhiteSpace(_text[labelStart..labelStop]))
            {
                continue;
            }

            _links.Add(new LinkNode(LinkKind.Reference, _text[(open + 1)..joint].Trim(), null, _text[labelStart..labelStop], Range(linkStart, linkEnd), Range(labelStart, labelStop), image) { IsUndefined = true });
            p = linkEnd;
        }
    }

    private void AddLink(LinkInline link)
    {
        if (!TryGetSpan(link, out int start, out int end) || (start >= _recovered.Start && end <= _recovered.End))
        {
            return;
        }

        _opaque.Add((start, end));

        if (link.IsAutoLink)
        {
            _links.Add(new LinkNode(LinkKind.Autolink, _indexOnly ? string.Empty : _text[start..end], link.Url ?? _text[start..end], null, Range(start, end), Range(start, end), false));
            return;
        }

        // The index keeps no link text (FileIndex.Create drops it): it is not composed for the index.
        string text = _indexOnly ? string.Empty : PlainText(link).Title;
        int textStart = start + (link.IsImage ? 2 : 1);
        if (link.Reference is not null)
        {
            int labelStart;
            int labelEnd;
            if (link.LabelSpan.Length > 0 && link.LabelSpan.Start + _baseOffset >= start && link.LabelSpan.End + _baseOffset < end)
            {
                labelStart = link.LabelSpan.Start + _baseOffset;
                labelEnd = link.LabelSpan.End + 1 + _baseOffset;
            }
            else
            {
                // Shortcut [label]: the label is the text between the brackets.
                labelStart = Math.Min(textStart, end);
                labelEnd = Math.Max(labelStart, end - 1);
            }

            _links.Add(new LinkNode(LinkKind.Reference, text, null, _text[labelStart..labelEnd], Range(start, end), Range(labelStart, labelEnd), link.IsImage));
            return;
        }

        int urlStart;
        int urlEnd;
        if (link.UrlSpan.Length > 0 && link.UrlSpan.Start + _baseOffset >= start && link.UrlSpan.End + _baseOffset < end)
        {
            urlStart = link.UrlSpan.Start + _baseOffset;
            urlEnd = link.UrlSpan.End + 1 + _baseOffset;
        }
        else
        {
            // Empty destination, as in [text]() : an empty range just after the parenthesis.
            int paren = _text.LastIndexOf("](", end - 1, end - start, StringComparison.Ordinal);
            urlStart = urlEnd = paren >= start ? paren + 2 : end;
        }

        _links.Add(new LinkNode(LinkKind.Inline, text, _text[urlStart..urlEnd], null, Range(start, end), Range(urlStart, urlEnd), link.IsImage));
    }

    private void AddAutolink(AutolinkInline autolink)
    {
        if (!TryGetSpan(autolink, out int start, out int end) || (start >= _recovered.Start && end <= _recovered.End))
        {
            return;
        }

        _opaque.Add((start, end));

        int targetStart = Math.Min(start + 1, end);
        int targetEnd = Math.Max(targetStart, end - 1);
        string url = _text[targetStart..targetEnd];
        string destination = autolink.IsEmail && !url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "mailto:" + url : url;
        _links.Add(new LinkNode(LinkKind.Autolink, _indexOnly ? string.Empty : url, destination, null, Range(start, end), Range(targetStart, targetEnd), false));
    }

    /// <summary>
    /// The text a reader sees (<paramref name="container"/>'s literals, code and link texts, white space collapsed)
    /// and the rendered text GitHub makes the heading anchor from (the same without image descriptions, white space
    /// as rendered, line breaks as <c>\n</c>).
    /// </summary>
    private (string Title, string AnchorText) PlainText(ContainerInline? container)
    {
        if (container is null)
        {
            return (string.Empty, string.Empty);
        }

        var title = _titleBuffer.Clear();
        var anchor = _anchorBuffer.Clear();
        var stack = _plainStack;
        stack.Clear();
        PushChildren(stack, container, inImage: false);
        while (stack.Count > 0)
        {
            var (inline, inImage) = stack.Pop();

            // Literal text is appended from the parser's buffer: no string a piece.
            ReadOnlySpan<char> piece = inline switch
            {
                LiteralInline literal => literal.Content.AsSpan(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.AsSpan(),
                AutolinkInline autolink => autolink.Url,
                _ => default,
            };

            if (inline is LineBreakInline)
            {
                // The rendered text has a line break there: a space to a reader, nothing in the anchor.
                title.Append(' ');
                anchor.Append('\n');
            }
            else if (inline is LiteralInline or CodeInline or HtmlEntityInline or AutolinkInline)
            {
                title.Append(piece);
                if (!inImage)
                {
                    anchor.Append(piece);
                }
            }
            else if (inline is ContainerInline child and not LinkInline { IsAutoLink: true })
            {
                PushChildren(stack, child, inImage || inline is LinkInline { IsImage: true });
            }
            else if (inline is LinkInline { IsAutoLink: true } auto)
            {
                var text = auto.FirstChild is LiteralInline l ? l.Content.AsSpan() : (auto.Url ?? string.Empty).AsSpan();
                title.Append(text);
                anchor.Append(text);
            }
        }

        // GitHub slugs the rendered text as it is: runs of spaces and a space left before a comment or an image count.
        return (CollapseWhiteSpace(title), anchor.ToString());
    }

    private static void PushChildren(Stack<(Inline Inline, bool InImage)> stack, ContainerInline parent, bool inImage)
    {
        for (var child = parent.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push((child, inImage));
        }
    }

    /// <summary>
    /// Every character <see cref="char.IsWhiteSpace(char)"/> is true of: Unicode's White_Space (tab to carriage return,
    /// space, next line, no-break space, Ogham space mark, the typographic spaces, line and paragraph separators,
    /// narrow no-break, medium mathematical and ideographic spaces).
    /// </summary>
    internal static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    // Runs of white space become one space, none at either end; the runs between are copied whole, chunk by chunk.
    private string CollapseWhiteSpace(StringBuilder text)
    {
        var result = _collapseBuffer.Clear();
        bool space = false;
        foreach (var chunk in text.GetChunks())
        {
            var rest = chunk.Span;
            while (!rest.IsEmpty)
            {
                int white = rest.IndexOfAny(WhiteSpace);
                var run = white < 0 ? rest : rest[..white];
                if (!run.IsEmpty)
                {
                    if (space)
                    {
                        result.Append(' ');
                        space = false;
                    }

                    result.Append(run);
                }

                if (white < 0)
                {
                    break;
                }

                space = result.Length > 0;
                rest = rest[(white + 1)..];
            }
        }

        return result.ToString();
    }
}
