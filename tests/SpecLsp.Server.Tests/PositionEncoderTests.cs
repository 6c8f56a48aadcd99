using SpecLsp.Core.Text;
using SpecLsp.Server.Conversions;
using LspPosition = SpecLsp.Protocol.Lsp.Position;

namespace SpecLsp.Server.Tests;

public sealed class PositionEncoderTests
{
    // Line 0: "# A😀b" — the emoji is 2 UTF-16 units and 4 UTF-8 bytes.
    private static readonly SourceText Text = SourceText.From("# A😀b\r\nx\ry\nzé\n");

    [Theory]
    [InlineData(0, 5, 0, 5)]
    [InlineData(0, 6, 0, 6)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(2, 0, 2, 0)]
    [InlineData(3, 2, 3, 2)]
    public void Utf16_PositionsInsideLines_Unchanged(int line, int character, int coreLine, int coreCharacter)
    {
        Assert.Equal(new Position(coreLine, coreCharacter), PositionEncoder.Utf16.ToCore(Text, Lsp(line, character)));
    }

    [Theory]
    [InlineData(0, 99, 0, 6)]
    [InlineData(1, 5, 1, 1)]
    [InlineData(9, 3, 4, 0)]
    [InlineData(-1, 0, 0, 0)]
    public void Utf16_PastLineOrTextEnd_Clamps(int line, int character, int coreLine, int coreCharacter)
    {
        Assert.Equal(new Position(coreLine, coreCharacter), PositionEncoder.Utf16.ToCore(Text, Lsp(line, character)));
    }

    [Fact]
    public void Utf16_InsideSurrogatePair_SnapsToCharacterStart()
    {
        Assert.Equal(new Position(0, 3), PositionEncoder.Utf16.ToCore(Text, Lsp(0, 4)));
    }

    [Theory]
    [InlineData(0, 3, 0, 3)]
    [InlineData(0, 7, 0, 5)]
    [InlineData(0, 8, 0, 6)]
    [InlineData(0, 5, 0, 3)]
    [InlineData(3, 3, 3, 2)]
    [InlineData(3, 2, 3, 1)]
    [InlineData(0, 50, 0, 6)]
    public void Utf8_ToCore_CountsBytes(int line, int character, int coreLine, int coreCharacter)
    {
        Assert.Equal(new Position(coreLine, coreCharacter), PositionEncoder.Utf8.ToCore(Text, Lsp(line, character)));
    }

    [Theory]
    [InlineData(0, 5, 7)]
    [InlineData(0, 6, 8)]
    [InlineData(3, 2, 3)]
    [InlineData(0, 40, 8)]
    public void Utf8_ToLsp_CountsBytes(int line, int coreCharacter, int character)
    {
        Assert.Equal(Lsp(line, character), PositionEncoder.Utf8.ToLsp(Text, new Position(line, coreCharacter)));
    }

    [Fact]
    public void EveryEncoding_EveryCharacterBoundary_RoundTrips()
    {
        foreach (var encoder in new[] { PositionEncoder.Utf16, PositionEncoder.Utf8 })
        {
            for (int offset = 0; offset <= Text.Length; offset++)
            {
                if (offset < Text.Length && char.IsLowSurrogate(Text.Text[offset]))
                {
                    continue;
                }

                var position = Text.GetPosition(offset);
                if (position.Character > Text.GetLineText(position.Line).Length)
                {
                    continue; // between the CR and LF of a CRLF: not a position a client can name
                }

                Assert.Equal(position, encoder.ToCore(Text, encoder.ToLsp(Text, position)));
            }
        }
    }

    private static LspPosition Lsp(int line, int character) => new() { Line = line, Character = character };
}
