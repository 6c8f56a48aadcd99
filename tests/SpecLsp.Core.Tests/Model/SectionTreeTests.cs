using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class SectionTreeTests
{
    private static SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));

    private static string Outline(string text) => SpecDocumentDump.Write(Parse(text));

    [Fact]
    public void Parse_EmptyText_HasNoSections()
    {
        var document = Parse(string.Empty);

        Assert.Empty(document.Sections);
        Assert.Null(document.Title);
        Assert.Equal(string.Empty, SpecDocumentDump.Write(document));
    }

    [Fact]
    public void Parse_NestedHeadings_BuildsTreeWithSectionRanges()
    {
        const string text = "# Title\n\nintro\n\n## A\n\ntext a\n\n### A.1\n\nx\n\n## B\n\ny\n";

        Assert.Equal(
            """
            H1 "Title" (0,0)-(15,0) #title
              H2 "A" (4,0)-(12,0) #a
                H3 "A.1" (8,0)-(12,0) #a1
              H2 "B" (12,0)-(15,0) #b

            """.ReplaceLineEndings("\n"),
            Outline(text));
    }

    [Fact]
    public void Parse_Heading_RangesAreMarked()
    {
        var marked = MarkedText.Parse("intro\n[|## [|Over *view*|] ##|]\nbody\n");

        var section = Assert.Single(Parse(marked.Text).Sections);

        Assert.Equal(marked.Ranges[0], section.HeadingRange);
        Assert.Equal(marked.Ranges[1], section.TitleRange);
        Assert.Equal("Over view", section.Title);
        Assert.Equal("Over *view*", section.RawTitle);
        Assert.Equal(new TextRange(2, 0, 3, 0), section.BodyRange);
    }

    [Fact]
    public void Parse_SetextHeadings_AreSectionsWithBothLines()
    {
        var marked = MarkedText.Parse("[|[|Title|]\n=====|]\n\ntext\n\n[|[|Part|]\n----|]\nmore\n");

        var document = Parse(marked.Text);

        var title = Assert.Single(document.Sections);
        Assert.True(title.IsSetext);
        Assert.Equal(1, title.Level);
        Assert.Equal(marked.Ranges[0], title.HeadingRange);
        Assert.Equal(marked.Ranges[1], title.TitleRange);
        var part = Assert.Single(title.Children);
        Assert.Equal(2, part.Level);
        Assert.Equal(marked.Ranges[2], part.HeadingRange);
        Assert.Equal(marked.Ranges[3], part.TitleRange);
    }

    [Fact]
    public void Parse_HeadingsInCode_AreNotSections()
    {
        const string text = "# Real\n\n```md\n# Not a heading\n## Nor this\n```\n\n    # indented code\n\n~~~\n## fenced\n~~~\n";

        Assert.Equal("H1 \"Real\" (0,0)-(12,0) #real\n", Outline(text));
    }

    [Fact]
    public void Parse_NoTitleAndSkippedLevels_GivesSensibleTree()
    {
        const string text = "### Deep first\n## Second\n#### Skipped to four\n## Third\n";

        Assert.Equal(
            """
            H3 "Deep first" (0,0)-(1,0) #deep-first
            H2 "Second" (1,0)-(3,0) #second
              H4 "Skipped to four" (2,0)-(3,0) #skipped-to-four
            H2 "Third" (3,0)-(4,0) #third

            """.ReplaceLineEndings("\n"),
            Outline(text));
        Assert.Null(Parse(text).Title);
    }

    [Fact]
    public void Parse_CrlfAndLoneCr_CountLinesAsLsp()
    {
        var crlf = Parse("# A\r\ntext\r\n## B\r\n");
        var cr = Parse("# A\rtext\r## B\r");

        Assert.Equal(SpecDocumentDump.Write(crlf), SpecDocumentDump.Write(cr));
        Assert.Equal(new TextRange(2, 0, 2, 4), crlf.AllSections[1].HeadingRange);
        Assert.Equal(new TextRange(2, 3, 2, 4), cr.AllSections[1].TitleRange);
    }

    [Fact]
    public void Parse_EmojiInHeading_CountsUtf16CodeUnits()
    {
        var marked = MarkedText.Parse("## [|🚀 Launch ✅|]\n\ntext\n");
        var section = Assert.Single(Parse(marked.Text).Sections);

        Assert.Equal(new TextRange(0, 3, 0, 14), section.TitleRange);
        Assert.Equal("-launch-", section.Anchor);
        Assert.Equal(marked.Ranges[0], section.TitleRange);
    }

    [Fact]
    public void Parse_FiveThousandHeadings_KeepsEveryOneInOrder()
    {
        var builder = new System.Text.StringBuilder("# Big\n");
        for (int i = 0; i < 5000; i++)
        {
            builder.Append(i % 3 == 0 ? "## Part " : "### Item ").Append(i).Append("\n\ntext\n\n");
        }

        var document = Parse(builder.ToString());

        Assert.Equal(5001, document.AllSections.Length);
        Assert.Equal(1667, Assert.Single(document.Sections).Children.Length);
        Assert.Equal("item-4999", document.AllSections[^1].Anchor);
        Assert.Equal(document.Source.FullRange.End, document.AllSections[^1].Range.End);
        for (int i = 1; i < document.AllSections.Length; i++)
        {
            Assert.True(document.AllSections[i - 1].HeadingRange.Start < document.AllSections[i].HeadingRange.Start);
        }
    }

    [Fact]
    public void FindSection_CaretInSubsection_ReturnsDeepestSection()
    {
        var marked = MarkedText.Parse("# T\n## A\n### B\ntext $$here\n## C\n");
        var document = Parse(marked.Text);

        var path = document.FindSectionPath(marked.CaretPosition);

        Assert.Equal(["T", "A", "B"], path.Select(s => s.Title));
        Assert.Equal("B", document.FindSection(marked.CaretPosition)?.Title);
    }

    [Fact]
    public void Parse_HeadingInBlockQuoteAndList_IsASection()
    {
        var document = Parse("# T\n\n> ## Quoted\n\n- ## Listed\n");

        Assert.Equal(["T", "Quoted", "Listed"], document.AllSections.Select(s => s.Title));
    }
}
