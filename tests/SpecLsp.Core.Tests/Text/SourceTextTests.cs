using System.Text;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Text;

public class SourceTextTests
{
    private static readonly string[] Pieces = ["a", "bc", " ", "\n", "\r\n", "\r", "🚀", "✅", "# H", "- [ ] x", "é", "\t", "", "line\r\nnext"];

    /// <summary>Positions computed independently of LineMap: LF, CRLF and lone CR end a line.</summary>
    private static (int Line, int Character)[] ReferencePositions(string text)
    {
        var positions = new (int, int)[text.Length + 1];
        int line = 0;
        int character = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            positions[i] = (line, character);
            if (i == text.Length)
            {
                break;
            }

            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                character = 0;
            }
            else
            {
                character++;
            }
        }

        return positions;
    }

    [Fact]
    public void WithChange_ThousandsOfRandomEditSequences_MatchTheIndependentlyBuiltText()
    {
        var random = new Random(20260105);
        for (int sequence = 0; sequence < 1200; sequence++)
        {
            var expected = new StringBuilder(RandomText(random, random.Next(0, 12)));
            var source = SourceText.From(expected.ToString());
            int edits = random.Next(1, 12);
            for (int e = 0; e < edits; e++)
            {
                string current = expected.ToString();
                var reference = ReferencePositions(current);

                // Never split a CRLF or a surrogate pair: an editor never sends such positions.
                int start = ValidOffset(random, current);
                int end = ValidOffset(random, current);
                if (end < start)
                {
                    (start, end) = (end, start);
                }

                string inserted = RandomText(random, random.Next(0, 4));
                var range = new TextRange(
                    new Position(reference[start].Line, reference[start].Character),
                    new Position(reference[end].Line, reference[end].Character));

                source = random.Next(20) == 0 ? source.WithChange(null, current.Remove(start, end - start).Insert(start, inserted)) : source.WithChange(range, inserted);
                expected.Remove(start, end - start).Insert(start, inserted);

                Assert.Equal(expected.ToString(), source.Text);
            }

            string final = expected.ToString();
            var fresh = SourceText.From(final);
            var positions = ReferencePositions(final);
            Assert.Equal(positions[^1].Line + 1, source.LineCount);
            Assert.Equal(fresh.LineCount, source.LineCount);
            for (int offset = 0; offset <= final.Length; offset++)
            {
                var position = source.GetPosition(offset);
                Assert.Equal(positions[offset], (position.Line, position.Character));
                if (!SplitsPair(final, offset))
                {
                    Assert.Equal(offset, source.GetOffset(position));
                }
            }
        }
    }

    private static string RandomText(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static int ValidOffset(Random random, string text)
    {
        while (true)
        {
            int offset = random.Next(text.Length + 1);
            if (!SplitsPair(text, offset))
            {
                return offset;
            }
        }
    }

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && ((text[offset - 1] == '\r' && text[offset] == '\n') || (char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset])));

    [Theory]
    [InlineData(0, 100, "hello")]
    [InlineData(1, 100, "hello\nworld")]
    [InlineData(2, 0, "hello\nworld\r")]
    [InlineData(2, 1, "hello\nworld\r")]
    [InlineData(3, 2, "hello\nworld\r\rab")]
    [InlineData(4, 0, "hello\nworld\r\rab\r\n")]
    [InlineData(99, 99, "hello\nworld\r\rab\r\n🚀")]
    [InlineData(0, -5, "")]
    [InlineData(-1, 3, "")]
    public void GetOffset_PositionPastLineOrText_Clamps(int line, int character, string expectedPrefix)
    {
        var source = SourceText.From("hello\nworld\r\rab\r\n🚀");

        Assert.Equal(expectedPrefix.Length, source.GetOffset(new Position(line, character)));
    }

    [Fact]
    public void LineMap_MixedLineEndings_StartsAndEnds()
    {
        const string text = "a\r\nb\rc\n\nd";
        var map = LineMap.Create(text);

        Assert.Equal(5, map.LineCount);
        Assert.Equal([0, 3, 5, 7, 8], Enumerable.Range(0, 5).Select(map.GetLineStart));
        Assert.Equal([1, 4, 6, 7, 9], Enumerable.Range(0, 5).Select(l => map.GetLineEnd(l, text)));
        Assert.Equal(0, map.GetLineStart(-3));
        Assert.Equal(text.Length, map.GetLineStart(42));
        Assert.Equal(4, map.GetLine(100));
        Assert.Equal(0, map.GetLine(-1));
    }

    [Fact]
    public void LineMap_TextEndingInLineBreak_CountsTheEmptyLastLine()
    {
        Assert.Equal(2, LineMap.Create("a\n").LineCount);
        Assert.Equal(2, LineMap.Create("a\r").LineCount);
        Assert.Equal(1, LineMap.Create(string.Empty).LineCount);
    }

    [Fact]
    public void GetText_SurrogatePairRange_ReturnsTheEmoji()
    {
        var source = SourceText.From("# 🚀 Go");

        Assert.Equal("🚀", source.GetText(new TextRange(0, 2, 0, 4)));
        Assert.Equal(new Position(0, 7), source.FullRange.End);
    }
}
