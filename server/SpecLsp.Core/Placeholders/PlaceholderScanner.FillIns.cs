using System.Collections.Immutable;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

// Empty fill-ins, read from the model's structure: an empty list item, a label item with no value, the rows of an
// empty table, and the full Low/Medium/High scale in a table cell.
public static partial class PlaceholderScanner
{
    private static void ScanEmptyFillIn(SpecDocument document, Structure structure, int line, LabeledLine? label, List<Placeholder> found)
    {
        if (!structure.ItemsByLine.TryGetValue(line, out var item))
        {
            return;
        }

        if (label is { IsListItem: true, Value.Length: 0 })
        {
            if (EndsItem(document.Source, structure, item))
            {
                found.Add(new Placeholder(label.LabelRange, PlaceholderKind.EmptyLabel, document.Source.GetText(label.LabelRange)) { Key = label.Key });
            }

            return;
        }

        if (item.IsEmpty && EndsItem(document.Source, structure, item))
        {
            found.Add(new Placeholder(item.MarkerRange, PlaceholderKind.EmptyListItem, document.Source.GetText(item.MarkerRange)));
        }
    }

    /// <summary>
    /// True when nothing after the first line of <paramref name="item"/> belongs to it (no nested or continuation line)
    /// and what comes next shows it ended: a list item or a heading on the next line with text, or the end. After a
    /// blank line, anything else (a code block, a paragraph) may be what the label introduces. A next line indented
    /// deeper than the item's marker is meant as its content even where Markdown reads it as a sibling
    /// (<c>*   **Label**:</c> over <c>  * detail</c>).
    /// </summary>
    private static bool EndsItem(SourceText source, Structure structure, ListItemNode item)
    {
        int line = item.Range.Start.Line;
        if (item.Range.End.Line > line)
        {
            return false;
        }

        int next = line + 1;
        while (next < source.LineCount && string.IsNullOrWhiteSpace(source.GetLineText(next)))
        {
            next++;
        }

        if (next >= source.LineCount)
        {
            return true;
        }

        bool deeper = Indent(source.GetLineText(next)) > Indent(source.GetLineText(line));
        return !deeper && (structure.ItemsByLine.ContainsKey(next) || structure.HeadingLines.Contains(next));
    }

    private static int Indent(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static void ScanTables(SpecDocument document, TextMask nonProse, List<Placeholder> found)
    {
        var source = document.Source;
        var rows = document.TableRows;
        for (int first = 0; first < rows.Length;)
        {
            // One table's rows; only its body rows are fill-ins (the header is structure).
            int end = first;
            bool allEmpty = true;
            while (end < rows.Length && rows[end].TableRange == rows[first].TableRange)
            {
                allEmpty &= rows[end].IsHeader || rows[end].Cells.IsEmpty;
                end++;
            }

            for (int r = first; r < end; r++)
            {
                var row = rows[r];
                if (row.IsHeader || row.Range.IsEmpty || nonProse.Overlaps(source.GetOffset(row.Range.Start), source.GetOffset(row.Range.End)))
                {
                    continue;
                }

                if (row.Cells.IsEmpty)
                {
                    // An empty row in a filled table is often layout; in a table with no content at all it is the template's.
                    if (allEmpty)
                    {
                        found.Add(new Placeholder(row.Range, PlaceholderKind.EmptyTableRow, source.GetText(row.Range)));
                    }

                    continue;
                }

                foreach (var cell in row.Cells)
                {
                    var text = source.GetText(cell);
                    if (IsFullScale(text))
                    {
                        found.Add(new Placeholder(cell, PlaceholderKind.OptionList, text) { Options = ScaleOptions(text) });
                    }
                }
            }

            first = end;
        }
    }

    /// <summary>What the fill-in rules read of the model's structure, by line: the innermost list item starting on each line, and the heading lines.</summary>
    private sealed class Structure(SpecDocument document)
    {
        public Dictionary<int, ListItemNode> ItemsByLine { get; } = ByLine(document.ListItems);

        public HashSet<int> HeadingLines { get; } = HeadingLinesOf(document);

        // Items come in document order, an outer one before the ones nested in it: the last on a line is the innermost.
        private static Dictionary<int, ListItemNode> ByLine(ImmutableArray<ListItemNode> items)
        {
            var result = new Dictionary<int, ListItemNode>();
            foreach (var item in items)
            {
                result[item.Range.Start.Line] = item;
            }

            return result;
        }
    }

    private static HashSet<int> HeadingLinesOf(SpecDocument document)
    {
        var lines = new HashSet<int>();
        foreach (var section in document.AllSections)
        {
            for (int l = section.HeadingRange.Start.Line; l <= section.HeadingRange.End.Line; l++)
            {
                lines.Add(l);
            }
        }

        return lines;
    }
}
