using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Selection;

/// <summary>
/// Smart selection (expand/shrink): for a caret, the chain of ever larger ranges around it — the word, the ID, link
/// or metadata value, the table cell, row and table, the list item and its list, the block, the heading line, its
/// section and each parent section, the whole document.
/// </summary>
public static class SelectionRanges
{
    /// <summary>The ranges around <paramref name="position"/>, innermost first; each holds the one before it and is larger.</summary>
    public static ImmutableArray<TextRange> Compute(SpecDocument document, Position position)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Source;
        var candidates = new List<TextRange>();

        void AddToken(TextRange range)
        {
            // A caret just after a token (at its end) is on it, as editors place it after a double-click.
            if (range.Contains(position) && !range.IsEmpty)
            {
                candidates.Add(range);
            }
        }

        void AddBlock(TextRange range)
        {
            if (HoldsCaret(range, position))
            {
                candidates.Add(range);
            }
        }

        AddWord(source, position, candidates);
        foreach (var id in document.IdMentions)
        {
            AddToken(id.Range);
        }

        foreach (var id in document.IdDefinitions)
        {
            AddToken(id.Range);
            AddBlock(id.LineRange);
        }

        foreach (var link in document.Links)
        {
            AddToken(link.TargetRange);
            AddToken(link.Range);
        }

        foreach (var definition in document.ReferenceDefinitions)
        {
            AddToken(definition.LabelRange);
            AddToken(definition.DestinationRange);
            AddBlock(definition.Range);
        }

        foreach (var field in document.Metadata)
        {
            AddToken(field.KeyRange);
            AddToken(field.ValueRange);
            AddBlock(field.LineRange);
        }

        foreach (var span in document.CodeSpans)
        {
            AddToken(span);
        }

        foreach (var comment in document.HtmlComments)
        {
            AddBlock(comment.Range);
        }

        foreach (var code in document.CodeBlocks)
        {
            AddBlock(code.Range);
        }

        foreach (var task in document.TaskItems)
        {
            AddToken(task.CheckboxRange);
        }

        foreach (var block in document.Blocks)
        {
            if (!HoldsCaret(block.Range, position))
            {
                continue;
            }

            candidates.Add(block.Range);
            if (block.Kind == BlockKind.Table)
            {
                AddTableCell(source, block.Range, position, candidates);
            }
        }

        if (document.FrontMatter is { } frontMatter)
        {
            AddBlock(frontMatter.Range);
        }

        foreach (var section in document.FindSectionPath(position))
        {
            AddToken(section.TitleRange);
            AddBlock(section.HeadingRange);
            candidates.Add(section.Range);
        }

        candidates.Add(source.FullRange);
        return Nest(source, candidates);
    }

    // Blocks and sections are half-open: a caret at column 0 of the line after one belongs to what follows.
    private static bool HoldsCaret(TextRange range, Position position) =>
        range.Start <= position && (position < range.End || (position == range.End && (range.End.Character > 0 || range.IsEmpty)));

    // Smallest first; a range that does not hold the one before it (two that overlap) is left out, and so is a repeat.
    private static ImmutableArray<TextRange> Nest(SourceText source, List<TextRange> candidates)
    {
        var sized = candidates.Select(r => (Range: r, Length: source.GetOffset(r.End) - source.GetOffset(r.Start)))
            .OrderBy(c => c.Length)
            .ThenBy(c => c.Range.Start);
        var result = ImmutableArray.CreateBuilder<TextRange>();
        foreach (var (range, _) in sized)
        {
            if (result.Count == 0 || (range != result[^1] && range.Contains(result[^1])))
            {
                result.Add(range);
            }
        }

        return result.ToImmutable();
    }

    private static void AddWord(SourceText source, Position position, List<TextRange> candidates)
    {
        if (position.Line >= source.LineCount)
        {
            return;
        }

        var line = source.GetLineText(position.Line);
        int caret = Math.Min(position.Character, line.Length);
        int start = caret;
        while (start > 0 && IsWordChar(line[start - 1]))
        {
            start--;
        }

        int end = caret;
        while (end < line.Length && IsWordChar(line[end]))
        {
            end++;
        }

        if (end > start)
        {
            candidates.Add(new TextRange(position.Line, start, position.Line, end));
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    // A table row is one line: its cell is the text between the unescaped pipes around the caret (pipes inside a code
    // span do not count), trimmed when the caret is on the text, whole when it is on the padding.
    private static void AddTableCell(SourceText source, TextRange table, Position position, List<TextRange> candidates)
    {
        var line = source.GetLineText(position.Line);
        int first = position.Line == table.Start.Line ? table.Start.Character : 0;
        int last = position.Line == table.End.Line ? Math.Min(table.End.Character, line.Length) : line.Length;
        int rowStart = first;
        while (rowStart < last && char.IsWhiteSpace(line[rowStart]))
        {
            rowStart++;
        }

        int rowEnd = last;
        while (rowEnd > rowStart && char.IsWhiteSpace(line[rowEnd - 1]))
        {
            rowEnd--;
        }

        if (rowEnd <= rowStart)
        {
            return;
        }

        candidates.Add(new TextRange(position.Line, rowStart, position.Line, rowEnd));
        var pipes = new List<int>();
        bool inCode = false;
        for (int i = rowStart; i < rowEnd; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '`')
            {
                inCode = !inCode;
            }
            else if (line[i] == '|' && !inCode)
            {
                pipes.Add(i);
            }
        }

        int caret = position.Character;
        int cellStart = rowStart;
        int cellEnd = rowEnd;
        foreach (int pipe in pipes)
        {
            if (pipe < caret)
            {
                cellStart = pipe + 1;
            }
            else
            {
                cellEnd = pipe;
                break;
            }
        }

        if (cellEnd <= cellStart || (cellStart == rowStart && cellEnd == rowEnd && pipes.Count == 0))
        {
            return;
        }

        int textStart = cellStart;
        int textEnd = cellEnd;
        while (textStart < textEnd && char.IsWhiteSpace(line[textStart]))
        {
            textStart++;
        }

        while (textEnd > textStart && char.IsWhiteSpace(line[textEnd - 1]))
        {
            textEnd--;
        }

        candidates.Add(new TextRange(position.Line, cellStart, position.Line, cellEnd));
        if (textEnd > textStart && caret >= textStart && caret <= textEnd)
        {
            candidates.Add(new TextRange(position.Line, textStart, position.Line, textEnd));
        }
    }
}
