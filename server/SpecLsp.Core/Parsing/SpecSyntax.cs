using SpecLsp.Core.Model;

namespace SpecLsp.Core.Parsing;

/// <summary>
/// The syntax a spec adds to Markdown, recognised in the text of one block that <see cref="DocumentBuilder"/> (the
/// Markdig walker) hands over: metadata fields (<c>**Status:** Draft</c>, <c>Created: 2026-01-05</c>), ID labels
/// (<c>**FR1:** title</c>, <c>- [ ] T001 [P] title</c>, <c>#### FR1: title</c>, a table row's first cell) and the
/// ID-shaped words of prose. Knows no Markdig and no positions: offsets into the document's text in, offsets out.
/// </summary>
internal static class SpecSyntax
{
    /// <summary>The longest key of a plain <c>Key: value</c> line.</summary>
    private const int MaxPlainKeyLength = 40;

    /// <summary>
    /// <c>**Key:** value</c> or <c>**Key**: value</c> at <paramref name="start"/> (the label as <see cref="BoldLabel"/>
    /// recognises it), with a key that can be metadata: no bracket or code in it (<c>**[Entity 1]**:</c> is a template's
    /// labelled fill-in, not a field).
    /// </summary>
    public static FieldSyntax? MatchBoldField(string text, int start, int end)
    {
        if (BoldLabel.Match(text.AsSpan(start, end - start)) is not { } label
            || text.AsSpan(start + label.KeyStart, label.KeyLength).IndexOfAny('[', '`') >= 0)
        {
            return null;
        }

        return Field(text, start + label.KeyStart, start + label.KeyEnd, start + label.LabelEnd, end);
    }

    /// <summary><c>Key: value</c>, a footer-style line at <paramref name="start"/>: a short key of at most four words, a colon and a space.</summary>
    public static FieldSyntax? MatchPlainField(string text, int start, int end)
    {
        int colon = text.IndexOf(':', start, end - start);
        if (colon <= start || colon - start > MaxPlainKeyLength || !char.IsLetter(text[start]) || (colon + 1 < end && text[colon + 1] is not (' ' or '\t')))
        {
            return null;
        }

        int words = 1;
        for (int i = start; i < colon; i++)
        {
            char c = text[i];
            if (c == ' ')
            {
                words++;
            }
            else if (!(char.IsLetterOrDigit(c) || c is '-' or '_' or '/' or '(' or ')'))
            {
                return null;
            }
        }

        return words > 4 ? null : Field(text, start, colon, colon + 1, end);
    }

    // The value trimmed; an empty one is an empty range just after the label.
    private static FieldSyntax Field(string text, int keyStart, int keyEnd, int valueFrom, int lineEnd)
    {
        var (valueStart, valueEnd) = Trim(text, valueFrom, lineEnd);
        if (valueStart == valueEnd)
        {
            valueStart = valueEnd = valueFrom;
        }

        return new FieldSyntax(keyStart, keyEnd, valueStart, valueEnd);
    }

    /// <summary>
    /// An ID label at <paramref name="start"/>: <c>**FR1:** title</c>, <c>**FR1**: title</c> or <c>**FR1** - title</c>,
    /// and, where <paramref name="allowPlain"/>, <c>FR1: title</c> (in a task item also a bare <c>T001 title</c>).
    /// </summary>
    public static IdLabelSyntax? MatchIdLabel(string text, int start, int end, IdDefinitionKind kind, bool allowPlain)
    {
        var span = text.AsSpan(0, end);
        int titleFrom;
        int idStart;
        int idLength;
        if (end - start > 4 && text[start] == '*' && text[start + 1] == '*')
        {
            idStart = start + 2;
            idLength = IdSyntax.MatchAt(span, idStart);
            if (idLength == 0)
            {
                return null;
            }

            int after = idStart + idLength;
            var rest = text.AsSpan(after, end - after);
            if (rest.StartsWith(":**", StringComparison.Ordinal) || rest.StartsWith("**:", StringComparison.Ordinal))
            {
                titleFrom = after + 3;
            }
            else if (rest.StartsWith("**", StringComparison.Ordinal) && IsDefinitionSeparator(text, after + 2, end, requireMark: true))
            {
                titleFrom = after + 2;
            }
            else
            {
                return null;
            }
        }
        else if (allowPlain)
        {
            idStart = start;
            idLength = IdSyntax.MatchAt(span, idStart);
            if (idLength == 0)
            {
                return null;
            }

            // A task list names its tasks with a bare leading ID: "- [ ] T001 [P] [US1] Create the model".
            bool bareTask = kind == IdDefinitionKind.TaskItem && idStart + idLength < end && text[idStart + idLength] is ' ' or '\t';
            if (!bareTask && !IsDefinitionSeparator(text, idStart + idLength, end, requireMark: true))
            {
                return null;
            }

            titleFrom = idStart + idLength;
        }
        else
        {
            return null;
        }

        return new IdLabelSyntax(idStart, idLength, StripTaskMarkers(StripSeparator(text[titleFrom..end])));
    }

    /// <summary>
    /// The ID opening a heading whose text is <paramref name="titleStart"/>..<paramref name="titleEnd"/> and reads
    /// <paramref name="title"/> (<c>#### FR1: Name</c>, <c>### US-1 - Name</c>, <c>## FR1</c>); null when there is none.
    /// </summary>
    public static IdLabelSyntax? MatchHeadingId(string text, int titleStart, int titleEnd, string title)
    {
        if (titleEnd <= titleStart)
        {
            return null;
        }

        int idLength = IdSyntax.MatchAt(text.AsSpan(0, titleEnd), titleStart);
        if (idLength == 0 || !IsDefinitionSeparator(text, titleStart + idLength, titleEnd))
        {
            return null;
        }

        return new IdLabelSyntax(titleStart, idLength, StripSeparator(title.Length > idLength ? title[idLength..] : string.Empty));
    }

    /// <summary>The ID a table row's first cell (<paramref name="start"/>..<paramref name="end"/>) holds alone, bold or not (<c>| TS-1 |</c>, <c>| **FR1** |</c>).</summary>
    public static (int Start, int End)? MatchCellId(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        if (end - start > 4 && text.AsSpan(start, 2).SequenceEqual("**") && text.AsSpan(end - 2, 2).SequenceEqual("**"))
        {
            (start, end) = Trim(text, start + 2, end - 2);
        }

        return IdSyntax.IsId(text.AsSpan(start, end - start)) ? (start, end) : null;
    }

    /// <summary>Adds every ID-shaped word of the prose between the offsets to <paramref name="found"/>; which count as mentions is decided once the whole document's prefixes are known.</summary>
    public static void FindIdWords(string text, int start, int end, List<(int Start, int Length)> found)
    {
        var span = text.AsSpan(0, end);
        int i = start;
        while (i < end)
        {
            int next = span[i..].IndexOfAnyInRange('A', 'Z');
            if (next < 0)
            {
                return;
            }

            i += next;
            int length = IdSyntax.MatchAt(span, i);
            if (length > 0)
            {
                found.Add((i, length));
                i += length;
                continue;
            }

            // Skip the rest of this capitalised word: an ID never starts inside one.
            do
            {
                i++;
            }
            while (i < end && char.IsAsciiLetterUpper(span[i]));
        }
    }

    /// <summary>True when what follows an ID at <paramref name="at"/> makes it a label: <c>:</c>, a dash, <c>. </c>, or (unless a mark is required) nothing.</summary>
    public static bool IsDefinitionSeparator(string text, int at, int end, bool requireMark = false)
    {
        if (at >= end)
        {
            return !requireMark;
        }

        char c = text[at];
        if (c == ':')
        {
            return true;
        }

        if (c == '.' && (at + 1 >= end || text[at + 1] is ' ' or '\t'))
        {
            return true;
        }

        int i = at;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i > at && i < end && text[i] is '-' or '–' or '—' or ':' && (i + 1 >= end || text[i + 1] is ' ' or '\t');
    }

    // The short bracketed markers a task list puts before a task's text ("[P] [US1] Create …"): not part of its title.
    private static string StripTaskMarkers(string title)
    {
        var span = title.AsSpan();
        while (span.Length > 2 && span[0] == '[' && span.IndexOf(']') is var close && close is > 1 and <= 8 && !span[1..close].ContainsAny(' ', '[')
            && (close + 1 == span.Length || span[close + 1] == ' '))
        {
            span = span[(close + 1)..].TrimStart();
        }

        return span.Length == title.Length ? title : span.ToString();
    }

    private static string StripSeparator(string rest)
    {
        var span = rest.AsSpan().TrimStart();
        if (span.StartsWith("**", StringComparison.Ordinal))
        {
            span = span[2..].TrimStart();
        }

        if (span.Length > 0 && span[0] is ':' or '-' or '–' or '—' or '.')
        {
            span = span[1..];
        }

        if (span.StartsWith("**", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        return span.Trim().ToString();
    }

    /// <summary><paramref name="start"/>..<paramref name="end"/> without the white space at either end.</summary>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}

/// <summary>A metadata field's offsets: its key, and its trimmed value (an empty range just after the label when there is none).</summary>
internal readonly record struct FieldSyntax(int KeyStart, int KeyEnd, int ValueStart, int ValueEnd);

/// <summary>An ID label's offsets and the title that follows it, separators and task markers removed.</summary>
internal readonly record struct IdLabelSyntax(int IdStart, int IdLength, string Title);
