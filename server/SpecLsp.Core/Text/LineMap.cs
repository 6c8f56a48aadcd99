using System.Collections.Immutable;

namespace SpecLsp.Core.Text;

/// <summary>
/// Maps between string offsets and <see cref="Position"/>s. Line breaks are LF, CRLF and lone CR, as LSP
/// defines them. Immutable; built once per text.
/// </summary>
public sealed class LineMap
{
    private readonly ImmutableArray<int> _lineStarts;
    private readonly int _length;

    private LineMap(ImmutableArray<int> lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    /// <summary>The number of lines; an empty text and a text ending in a line break count their last, empty line.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Builds the map of <paramref name="text"/>.</summary>
    public static LineMap Create(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>(Math.Max(16, text.Length / 32));
        starts.Add(0);
        var span = text.AsSpan();
        int i = 0;
        while (i < span.Length)
        {
            int next = span[i..].IndexOfAny('\r', '\n');
            if (next < 0)
            {
                break;
            }

            i += next;
            i += span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1;
            starts.Add(i);
        }

        return new LineMap(starts.ToImmutable(), text.Length);
    }

    /// <summary>The offset at which <paramref name="line"/> starts (clamped to the text).</summary>
    public int GetLineStart(int line) => line < 0 ? 0 : line >= _lineStarts.Length ? _length : _lineStarts[line];

    /// <summary>The offset just past the last character of <paramref name="line"/>, before its line break.</summary>
    public int GetLineEnd(int line, string text)
    {
        if (line < 0)
        {
            return 0;
        }

        if (line >= _lineStarts.Length - 1)
        {
            return _length;
        }

        int end = _lineStarts[line + 1];
        if (end > 0 && text[end - 1] == '\n')
        {
            end--;
        }

        if (end > _lineStarts[line] && text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    /// <summary>The line that holds <paramref name="offset"/> (binary search).</summary>
    public int GetLine(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
