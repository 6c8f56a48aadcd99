namespace SpecLsp.Core.Text;

/// <summary>
/// An immutable document text with its <see cref="LineMap"/>. Edits return a new value.
/// </summary>
public sealed class SourceText
{
    private SourceText(string text)
    {
        Text = text;
        Lines = LineMap.Create(text);
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The map between offsets and positions.</summary>
    public LineMap Lines { get; }

    /// <summary>The number of lines.</summary>
    public int LineCount => Lines.LineCount;

    /// <summary>The length in UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>Wraps <paramref name="text"/>.</summary>
    public static SourceText From(string text) => new(text ?? string.Empty);

    /// <summary>
    /// The offset of <paramref name="position"/>. A line past the end clamps to the end of the text and a
    /// character past the end of its line clamps to the line end, as LSP asks.
    /// </summary>
    public int GetOffset(Position position)
    {
        if (position.Line >= Lines.LineCount)
        {
            return Text.Length;
        }

        int start = Lines.GetLineStart(position.Line);
        int end = Lines.GetLineEnd(position.Line, Text);
        return Math.Clamp(start + Math.Max(0, position.Character), start, end);
    }

    /// <summary>The position of <paramref name="offset"/>.</summary>
    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = Lines.GetLine(offset);
        return new Position(line, offset - Lines.GetLineStart(line));
    }

    /// <summary>The range covering the offsets [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public TextRange GetRange(int start, int end) => new(GetPosition(start), GetPosition(end));

    /// <summary>The text of <paramref name="line"/> without its line break.</summary>
    public string GetLineText(int line)
    {
        if (line < 0 || line >= Lines.LineCount)
        {
            return string.Empty;
        }

        int start = Lines.GetLineStart(line);
        return Text[start..Lines.GetLineEnd(line, Text)];
    }

    /// <summary>The text inside <paramref name="range"/>.</summary>
    public string GetText(TextRange range)
    {
        int start = GetOffset(range.Start);
        int end = GetOffset(range.End);
        return end > start ? Text[start..end] : string.Empty;
    }

    /// <summary>The range of the whole text.</summary>
    public TextRange FullRange => new(new Position(0, 0), GetPosition(Text.Length));

    /// <summary>
    /// Applies one change: <paramref name="range"/> null replaces the whole text, as LSP full sync does.
    /// </summary>
    public SourceText WithChange(TextRange? range, string newText)
    {
        if (range is not { } r)
        {
            return From(newText);
        }

        int start = GetOffset(r.Start);
        int end = GetOffset(r.End);
        if (end < start)
        {
            (start, end) = (end, start);
        }

        return From(string.Concat(Text.AsSpan(0, start), newText, Text.AsSpan(end)));
    }
}
