using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class NodeTests
{
    private static SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));

    [Fact]
    public void Parse_TaskItems_HaveStateTextAndCheckbox()
    {
        var marked = MarkedText.Parse("[|- [|[ ]|] Write tests|]\n[|- [|[x]|] Ship\n  it|]\n");

        var tasks = Parse(marked.Text).TaskItems;

        Assert.Equal([(false, "Write tests"), (true, "Ship")], tasks.Select(t => (t.IsChecked, t.Text)));
        Assert.Equal([marked.Ranges[0], marked.Ranges[2]], tasks.Select(t => t.Range));
        Assert.Equal([marked.Ranges[1], marked.Ranges[3]], tasks.Select(t => t.CheckboxRange));
    }

    [Fact]
    public void Parse_CodeBlocks_HaveInfoContentAndRange()
    {
        var marked = MarkedText.Parse("Text\n\n[|```python\nx = 1\ny = 2\n```|]\n\n[|    indented\n    code|]\n");

        var blocks = Parse(marked.Text).CodeBlocks;

        Assert.Equal([("python", "x = 1\ny = 2", true), (null, "indented\ncode", false)], blocks.Select(b => (b.Info, b.Content, b.IsFenced)));
        Assert.Equal(marked.Ranges, blocks.Select(b => b.Range));
    }

    [Theory]
    [InlineData("# T\n\n[|```\ncode [Feature Name]\n\n## not a heading|]\n")]
    [InlineData("# T\n\n[|```yaml\nkey: value|]")]
    [InlineData("# T\n\n[|```\nlast|]\n\n\n")]
    [InlineData("# T\n\n- item\n\n  [|```\n  nested code\n  more|]")]
    public void Parse_FenceNeverClosed_RunsToTheEnd(string text)
    {
        var marked = MarkedText.Parse(text);

        var block = Assert.Single(Parse(marked.Text).CodeBlocks);

        Assert.Equal(marked.Range, block.Range);
    }

    [Fact]
    public void Parse_HtmlComments_BlockAndInline()
    {
        var marked = MarkedText.Parse("## Purpose\n[|<!-- Brief description\nof the feature -->|]\n\nText [|<!-- inline -->|] more.\n");

        var comments = Parse(marked.Text).HtmlComments;

        Assert.Equal(["Brief description\nof the feature", "inline"], comments.Select(c => c.Content));
        Assert.Equal(marked.Ranges, comments.Select(c => c.Range));
    }

    [Fact]
    public void Parse_UnclosedComment_RunsToTheEnd()
    {
        var marked = MarkedText.Parse("# T\n\n[|<!-- never closed\n\ntext|]");

        var comment = Assert.Single(Parse(marked.Text).HtmlComments);

        Assert.Equal(marked.Range, comment.Range);
    }

    [Fact]
    public void Parse_ExplicitAnchors_IdAndName()
    {
        var marked = MarkedText.Parse("<a id=\"[|top|]\"></a>\n\nText <a name='[|here|]'>x</a> and <!-- <a id=\"no\"> -->.\n");

        var anchors = Parse(marked.Text).ExplicitAnchors;

        Assert.Equal(["top", "here"], anchors.Select(a => a.Name));
        Assert.Equal(marked.Ranges, anchors.Select(a => a.Range));
    }

    [Fact]
    public void Parse_CodeSpans_AreRecorded()
    {
        var marked = MarkedText.Parse("Use [|`speclsp`|] or [|``a ` b``|].\n");

        Assert.Equal(marked.Ranges, Parse(marked.Text).CodeSpans);
    }

    [Fact]
    public void Parse_Blocks_AreListedInDocumentOrder()
    {
        const string text = "Para\n\n- item\n  more\n\n> quote\n\n| a |\n|---|\n| b |\n\n<div>\nx\n</div>\n";

        var dump = SpecDocumentDump.Write(Parse(text), SpecDumpDetail.Blocks);

        Assert.Equal(
            """
            BLOCK Paragraph (0,0)-(0,4)
            BLOCK List (2,0)-(3,6)
            BLOCK ListItem (2,0)-(3,6)
            BLOCK Paragraph (2,2)-(3,6)
            BLOCK BlockQuote (5,0)-(5,7)
            BLOCK Paragraph (5,2)-(5,7)
            BLOCK Table (7,0)-(9,5)
            BLOCK HtmlBlock (11,0)-(13,6)

            """.ReplaceLineEndings("\n"),
            dump);
    }
}
