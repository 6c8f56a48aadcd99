using Markdig;
using Markdig.Syntax;
using SpecLsp.Core.Parsing;

namespace SpecLsp.Core.Tests.Parsing;

/// <summary>
/// Which paragraphs and headings the index parse leaves to the builder (<see cref="PlainLeavesExtension"/>): only those
/// whose text no inline parser can make anything of but literals, emphasis with <c>*</c> in a paragraph and a leading
/// task box in a list item. <c>IndexParseTests</c> prove the entries made from them equal a full parse's.
/// </summary>
public class PlainLeavesTests
{
    [Theory]
    [InlineData("Plain words about FR1 and SPEC-2026-01-05-001.", true)]
    [InlineData("**Description:** the system shall, with *stress*, do FR-2.", true)]
    [InlineData("Two lines\nof plain text!", true)]
    [InlineData("A hard break  \nand on.", true)]
    [InlineData("_FR1_ closes emphasis with an underscore", false)]
    [InlineData("snake_case", false)]
    [InlineData("a `code` span", false)]
    [InlineData("a [link](./x.md)", false)]
    [InlineData("an ] alone", false)]
    [InlineData("<b>html</b>", false)]
    [InlineData("an &amp; entity", false)]
    [InlineData("an \\* escape", false)]
    [InlineData("a | pipe", false)]
    [InlineData("see http://example.com", false)]
    [InlineData("see www.example.com", false)]
    [InlineData("write to mailto:a@b.c", false)]
    [InlineData("- [ ] FR3: a task", true)]
    [InlineData("- [x] a done task", true)]
    [InlineData("- [X] a done task", true)]
    [InlineData("- [ ] a task with [a link](./x.md)", false)]
    [InlineData("- [\t] a tab is no task box", false)]
    [InlineData("[ ] no box outside a list item", false)]
    [InlineData("- a list item, no box", true)]
    [InlineData("> a quoted line about US-1", true)]
    public void Paragraph_IsPlainOnlyWhenItsTextIsLiteral(string text, bool plain)
    {
        var paragraph = Parse(text).Descendants<ParagraphBlock>().Single();

        Assert.Equal(!plain, paragraph.ProcessInlines);
    }

    [Theory]
    [InlineData("## FR1: Export the rows", true)]
    [InlineData("## Title with a closing sequence ##", true)]
    [InlineData("#", true)]
    [InlineData("## **Bold** title", false)]
    [InlineData("## *Emphasis* changes the title", false)]
    [InlineData("## a `code` title", false)]
    [InlineData("## snake_case", false)]
    [InlineData("## see http://example.com", false)]
    [InlineData("Setext title\n===", false)]
    public void Heading_IsPlainOnlyWhenItsTextIsLiteral(string text, bool plain)
    {
        var heading = Parse(text).Descendants<HeadingBlock>().Single();

        Assert.Equal(!plain, heading.ProcessInlines);
    }

    [Fact]
    public void FullParse_LeavesNoBlockPlain()
    {
        const string text = "## FR1: Plain\n\nPlain words.\n";
        var document = Markdown.Parse(text, SpecParser.PipelineFor(text));

        Assert.All(document.Descendants<LeafBlock>().Where(b => b is ParagraphBlock or HeadingBlock), b => Assert.True(b.ProcessInlines));
    }

    // The pipeline the index parse picks for the whole text, which names a URL and a pipe only where a case needs them.
    private static MarkdownDocument Parse(string text) => Markdown.Parse(text, SpecParser.IndexPipelineFor(text));
}
