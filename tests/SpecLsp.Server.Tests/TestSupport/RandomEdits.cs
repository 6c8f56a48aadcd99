using System.Text;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>
/// Random edits for text-sync tests, with positions computed independently of the server's translator:
/// straight from string offsets, counting LF, CRLF and lone CR as line breaks.
/// </summary>
internal sealed class RandomEdits(int seed, bool utf8)
{
    private static readonly string[] Pieces = ["a", "bc", " ", "é", "😀", "\n", "\r\n", "\r", "# ", "## H😀\n", "FR1", "\t"];

    private readonly Random _random = new(seed);

    /// <summary>A change for <paramref name="text"/> and the text it produces.</summary>
    public (TextDocumentContentChangeEvent Change, string Result) Next(string text)
    {
        if (_random.Next(20) == 0)
        {
            string whole = NewText();
            return (new TextDocumentContentChangeEvent { Text = whole }, whole);
        }

        int a = Boundary(text);
        int b = _random.Next(3) == 0 ? a : Boundary(text);
        (int start, int end) = a <= b ? (a, b) : (b, a);
        string inserted = _random.Next(3) == 0 ? string.Empty : NewText();
        var change = new TextDocumentContentChangeEvent
        {
            Range = new Protocol.Lsp.Range { Start = PositionOf(text, start), End = PositionOf(text, end) },
            Text = inserted,
        };
        return (change, string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(end)));
    }

    public string NewText()
    {
        var builder = new StringBuilder();
        for (int i = _random.Next(4); i >= 0; i--)
        {
            builder.Append(Pieces[_random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private Position PositionOf(string text, int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        string prefix = text[lineStart..offset];
        return new Position { Line = line, Character = utf8 ? Encoding.UTF8.GetByteCount(prefix) : prefix.Length };
    }

    // A random offset a client can name: not inside a surrogate pair, not between the CR and LF of a CRLF.
    private int Boundary(string text)
    {
        while (true)
        {
            int offset = _random.Next(text.Length + 1);
            bool insidePair = offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]);
            bool insideCrLf = offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n';
            if (!insidePair && !insideCrLf)
            {
                return offset;
            }
        }
    }
}
