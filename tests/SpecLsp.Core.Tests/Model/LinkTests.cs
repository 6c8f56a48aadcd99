using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class LinkTests
{
    private static SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));

    [Theory]
    [InlineData("See [the spec]([|./other.md#goals|]).", LinkKind.Inline, "./other.md#goals", null)]
    [InlineData("See [the spec]([|other.md|] \"Title\").", LinkKind.Inline, "other.md", null)]
    [InlineData("See [text][[|Label|]].\n\n[label]: ./x.md", LinkKind.Reference, null, "Label")]
    [InlineData("See [[|label|]][].\n\n[label]: ./x.md", LinkKind.Reference, null, "label")]
    [InlineData("See [[|label|]].\n\n[label]: ./x.md", LinkKind.Reference, null, "label")]
    [InlineData("See <[|https://example.com/a|]>.", LinkKind.Autolink, "https://example.com/a", null)]
    [InlineData("See <[|ann@example.com|]>.", LinkKind.Autolink, "mailto:ann@example.com", null)]
    [InlineData("See [|www.example.com|] now.", LinkKind.Autolink, "http://www.example.com", null)]
    public void Parse_Link_HasKindAndTargetRange(string fixture, LinkKind kind, string? destination, string? label)
    {
        var marked = MarkedText.Parse(fixture);

        var link = Assert.Single(Parse(marked.Text).Links);

        Assert.Equal((kind, destination, label), (link.Kind, link.Destination, link.Label));
        Assert.Equal(marked.Range, link.TargetRange);
    }

    [Fact]
    public void Parse_Image_IsFlaggedWithItsSource()
    {
        var marked = MarkedText.Parse("[|![A *logo*]([|img/logo.png|])|]\n");

        var link = Assert.Single(Parse(marked.Text).Links);

        Assert.True(link.IsImage);
        Assert.Equal("A logo", link.Text);
        Assert.Equal(marked.Ranges[0], link.Range);
        Assert.Equal(marked.Ranges[1], link.TargetRange);
    }

    [Fact]
    public void Parse_ReferenceDefinition_HasLabelAndDestinationRanges()
    {
        var marked = MarkedText.Parse("Text [Spec].\n\n[|[[|Spec|]]: [|./spec.md#top|] \"T\"|]\n");

        var definition = Assert.Single(Parse(marked.Text).ReferenceDefinitions);

        Assert.Equal(("Spec", "./spec.md#top"), (definition.Label, definition.Destination));
        Assert.Equal(marked.Ranges[0], definition.Range);
        Assert.Equal(marked.Ranges[1], definition.LabelRange);
        Assert.Equal(marked.Ranges[2], definition.DestinationRange);
    }

    [Fact]
    public void Parse_LinksInCode_AreNotLinks()
    {
        var document = Parse("`[a](b.md)`\n\n```\n[c](d.md)\n```\n");

        Assert.Empty(document.Links);
        Assert.Single(document.CodeSpans);
        Assert.Single(document.CodeBlocks);
    }

    [Fact]
    public void Parse_EmptyDestination_IsAnEmptyTargetRange()
    {
        var marked = MarkedText.Parse("[text]([||])\n");

        var link = Assert.Single(Parse(marked.Text).Links);

        Assert.Equal(string.Empty, link.Destination);
        Assert.Equal(marked.Range, link.TargetRange);
    }

    [Fact]
    public void Parse_ReferenceWithoutDefinition_IsAnUndefinedLink()
    {
        var marked = MarkedText.Parse("See [|[the spec][[|spec-1|]]|] and [|[[|Other|]][]|] and [ok][].\n\n[ok]: ./ok.md\n");

        var links = Parse(marked.Text).Links;

        Assert.Equal([("spec-1", true), ("Other", true), ("ok", false)], links.Select(l => (l.Label, l.IsUndefined)));
        Assert.Equal([marked.Ranges[0], marked.Ranges[2]], links.Where(l => l.IsUndefined).Select(l => l.Range));
        Assert.Equal([marked.Ranges[1], marked.Ranges[3]], links.Where(l => l.IsUndefined).Select(l => l.TargetRange));
    }

    [Theory]
    [InlineData("**Author:** [Your Name] - [Date]\n")]
    [InlineData("`[a][b]` in code\n")]
    [InlineData("\\[a][b] escaped\n")]
    [InlineData("<div>\n[a][b]\n</div>\n")]
    [InlineData("[Feature Name]\n")]
    public void Parse_BracketsThatAreNotReferences_AreNoLinks(string text)
    {
        Assert.Empty(Parse(text).Links);
    }
}
