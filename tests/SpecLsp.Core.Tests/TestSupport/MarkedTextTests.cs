using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.TestSupport;

public class MarkedTextTests
{
    [Fact]
    public void Parse_CaretAndNestedRanges_AreRemovedAndPositioned()
    {
        var marked = MarkedText.Parse("a[|b\r\n[|c$$d|]|]e");

        Assert.Equal("ab\r\ncde", marked.Text);
        Assert.Equal(new Position(1, 1), marked.Caret);
        Assert.Equal([new TextRange(0, 1, 1, 2), new TextRange(1, 0, 1, 2)], marked.Ranges);
    }

    [Fact]
    public void Parse_NoMarkers_KeepsTextAndHasNoCaret()
    {
        var marked = MarkedText.Parse("plain | text ] [ here");

        Assert.Equal("plain | text ] [ here", marked.Text);
        Assert.Null(marked.Caret);
        Assert.Empty(marked.Ranges);
    }

    [Fact]
    public void Parse_UnclosedRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => MarkedText.Parse("[|open"));
    }
}
