using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Metadata;

/// <summary>
/// A line that starts with a bold label and a colon, in any of the templates' styles: <c>**Status:** Draft</c>,
/// <c>**Status**: Draft</c>, <c>- **Priority**: High</c>, <c>&gt; **Status**: Draft</c>, <c>1. **Milestone:** …</c>.
/// Metadata blocks are made of them, and so are the labelled fields in a template's body (<c>**Probability:**</c>).
/// The parser finds them (<see cref="SpecDocument.BoldLabels"/>, recognised by <see cref="BoldLabel"/> on each line of a
/// paragraph, as its metadata fields are): Markdown decides what is a list item, a quote or code.
/// </summary>
/// <param name="Key">The label without markup or colon (<c>Status</c>).</param>
/// <param name="Value">The rest of the line, trimmed (may be empty).</param>
/// <param name="KeyRange">The label's text.</param>
/// <param name="LabelRange">The whole label with its asterisks and colon.</param>
/// <param name="ValueRange">The value (an empty range after the label when there is none).</param>
/// <param name="Line">The zero-based line number.</param>
/// <param name="IsListItem">True when the label opens a list item.</param>
/// <param name="ColonInside">True for <c>**Key:**</c>, false for <c>**Key**:</c>.</param>
public sealed record LabeledLine(string Key, string Value, TextRange KeyRange, TextRange LabelRange, TextRange ValueRange, int Line, bool IsListItem, bool ColonInside)
{
    /// <summary>The key normalised for comparison (see <see cref="MetadataKeys.Normalize"/>).</summary>
    public string NormalizedKey => MetadataKeys.Normalize(Key);

    /// <summary>Every labelled line of <paramref name="document"/> outside code, comments and front matter.</summary>
    /// <remarks>Found on each call: <see cref="Analysis.SpecSnapshot.LabeledLines"/> keeps them per version.</remarks>
    public static ImmutableArray<LabeledLine> FindAll(SpecDocument document) => FindAll(document, TextMask.NonProse(document));

    /// <summary>As <see cref="FindAll(SpecDocument)"/>, with the document's non-prose mask already built.</summary>
    public static ImmutableArray<LabeledLine> FindAll(SpecDocument document, TextMask mask)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mask);
        var source = document.Source;
        var result = ImmutableArray.CreateBuilder<LabeledLine>(document.BoldLabels.Length);
        foreach (var label in document.BoldLabels)
        {
            int line = label.LabelRange.Start.Line;
            int lineStart = source.Lines.GetLineStart(line);
            int lineEnd = source.Lines.GetLineEnd(line, source.Text);
            int labelStart = lineStart + label.LabelRange.Start.Character;
            int labelEnd = lineStart + label.LabelRange.End.Character;
            if (lineEnd - lineStart > 2000 || mask.Overlaps(labelStart, labelEnd))
            {
                continue;
            }

            // The value is the rest of the line, trimmed; an empty one is an empty range at the line's end.
            int valueStart = labelEnd;
            while (valueStart < lineEnd && char.IsWhiteSpace(source.Text[valueStart]))
            {
                valueStart++;
            }

            int valueEnd = lineEnd;
            while (valueEnd > valueStart && char.IsWhiteSpace(source.Text[valueEnd - 1]))
            {
                valueEnd--;
            }

            result.Add(new LabeledLine(
                source.GetText(label.KeyRange),
                source.Text[valueStart..valueEnd],
                label.KeyRange,
                label.LabelRange,
                new TextRange(line, valueStart - lineStart, line, valueEnd - lineStart),
                line,
                label.OpensItem,
                label.ColonInside));
        }

        return result.ToImmutable();
    }

    /// <summary>The offsets of a labelled line's parts, relative to the line start.</summary>
    internal readonly record struct Parts(int LabelStart, int LabelEnd, int KeyStart, int KeyLength, int ValueStart, int ValueLength, bool IsListItem, bool ColonInside);

    /// <summary>
    /// Parses one line on its own, without the model (the line being typed at the caret); null when it is not a
    /// labelled line. <see cref="FindAll(SpecDocument, TextMask)"/> reads the parser's <see cref="SpecDocument.BoldLabels"/> instead.
    /// </summary>
    internal static Parts? Parse(ReadOnlySpan<char> line)
    {
        int i = SkipPrefix(line, out bool isListItem);
        if (i < 0)
        {
            return null;
        }

        if (BoldLabel.Match(line[i..]) is not { } label)
        {
            return null;
        }

        int labelStart = i;
        int labelEnd = i + label.LabelEnd;
        int valueStart = labelEnd;
        while (valueStart < line.Length && char.IsWhiteSpace(line[valueStart]))
        {
            valueStart++;
        }

        int valueEnd = line.Length;
        while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }

        return new Parts(labelStart, labelEnd, i + label.KeyStart, label.KeyLength, valueStart, valueEnd - valueStart, isListItem, label.ColonInside);
    }

    /// <summary>Skips indentation, one block-quote marker and one list marker; -1 for a task item, whose box comes first.</summary>
    private static int SkipPrefix(ReadOnlySpan<char> line, out bool isListItem)
    {
        isListItem = false;
        int i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i < line.Length && line[i] == '>')
        {
            i++;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }
        }

        if (i + 1 < line.Length && (line[i] == '-' || line[i] == '+') && line[i + 1] == ' ')
        {
            isListItem = true;
            i += 2;
        }
        else if (i + 1 < line.Length && line[i] == '*' && line[i + 1] == ' ')
        {
            isListItem = true;
            i += 2;
        }
        else
        {
            int digits = 0;
            while (i + digits < line.Length && char.IsAsciiDigit(line[i + digits]) && digits < 9)
            {
                digits++;
            }

            if (digits > 0 && i + digits + 1 < line.Length && (line[i + digits] == '.' || line[i + digits] == ')') && line[i + digits + 1] == ' ')
            {
                isListItem = true;
                i += digits + 2;
            }
        }

        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (isListItem && i + 2 < line.Length && line[i] == '[' && line[i + 2] == ']')
        {
            return -1;
        }

        return i;
    }
}
