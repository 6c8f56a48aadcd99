using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using CorePosition = SpecLsp.Core.Text.Position;
using LspPosition = SpecLsp.Protocol.Lsp.Position;
using LspRange = SpecLsp.Protocol.Lsp.Range;

namespace SpecLsp.Server.Conversions;

/// <summary>
/// The one translator between LSP positions in the negotiated encoding and Core's UTF-16 positions.
/// Positions past a line's end clamp to it, lines past the end clamp to the end of the text, and a
/// position inside a character (between a surrogate pair's halves, inside a UTF-8 sequence) snaps to the
/// character's start. Line breaks are whatever the <see cref="SourceText"/> counts (LF, CRLF, lone CR).
/// </summary>
internal sealed class PositionEncoder
{
    public static readonly PositionEncoder Utf16 = new(PositionEncodingKind.UTF16);

    public static readonly PositionEncoder Utf8 = new(PositionEncodingKind.UTF8);

    private readonly bool _utf8;

    private PositionEncoder(string kind)
    {
        Kind = kind;
        _utf8 = kind == PositionEncodingKind.UTF8;
    }

    public string Kind { get; }

    public static PositionEncoder For(string kind) => kind == PositionEncodingKind.UTF8 ? Utf8 : Utf16;

    public CorePosition ToCore(SourceText text, LspPosition position)
    {
        if (position.Line < 0)
        {
            return new CorePosition(0, 0);
        }

        if (position.Line >= text.LineCount)
        {
            return text.GetPosition(text.Length);
        }

        var line = LineSpan(text, position.Line);
        int target = Math.Max(0, position.Character);
        if (!_utf8)
        {
            int character = Math.Min(target, line.Length);
            if (character > 0 && character < line.Length && char.IsLowSurrogate(line[character]) && char.IsHighSurrogate(line[character - 1]))
            {
                character--;
            }

            return new CorePosition(position.Line, character);
        }

        int units = 0;
        int i = 0;
        while (i < line.Length)
        {
            int width = Utf8Width(line, i, out int chars);
            if (units + width > target)
            {
                break;
            }

            units += width;
            i += chars;
        }

        return new CorePosition(position.Line, i);
    }

    public LspPosition ToLsp(SourceText text, CorePosition position)
    {
        if (position.Line >= text.LineCount)
        {
            position = text.GetPosition(text.Length);
        }

        var line = LineSpan(text, Math.Max(0, position.Line));
        int character = Math.Clamp(position.Character, 0, line.Length);
        if (!_utf8)
        {
            return new LspPosition { Line = Math.Max(0, position.Line), Character = character };
        }

        int units = 0;
        int i = 0;
        while (i < character)
        {
            units += Utf8Width(line, i, out int chars);
            i += chars;
        }

        return new LspPosition { Line = Math.Max(0, position.Line), Character = units };
    }

    public TextRange ToCore(SourceText text, LspRange range) => new(ToCore(text, range.Start), ToCore(text, range.End));

    public LspRange ToLsp(SourceText text, TextRange range) => new() { Start = ToLsp(text, range.Start), End = ToLsp(text, range.End) };

    private static ReadOnlySpan<char> LineSpan(SourceText text, int line)
    {
        int start = text.Lines.GetLineStart(line);
        return text.Text.AsSpan(start, text.Lines.GetLineEnd(line, text.Text) - start);
    }

    private static int Utf8Width(ReadOnlySpan<char> line, int index, out int chars)
    {
        char c = line[index];
        chars = 1;
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (char.IsHighSurrogate(c) && index + 1 < line.Length && char.IsLowSurrogate(line[index + 1]))
        {
            chars = 2;
            return 4;
        }

        // A lone surrogate is sent as U+FFFD, three bytes.
        return 3;
    }
}
