using SpecLsp.Core.Completion;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Metadata;

public class MetadataCompletionTests
{
    private static (MarkedText Fixture, IReadOnlyList<SpecCompletionItem> Items) Complete(string marked, string template)
    {
        var fixture = MarkedText.Parse(marked);
        var document = SpecParser.Parse(SourceText.From(fixture.Text));
        return (fixture, MetadataCompletion.Complete(document, fixture.CaretPosition, Template(template).Metadata, Today));
    }

    [Theory]
    [InlineData("# T\n\n**Status:** $$\n", "detailed")]
    [InlineData("# T\n\n**Status:** [|In$$ Dev|]\n", "detailed")]
    public void Value_AfterStatusKey_OffersTemplateOptionsInOrder(string marked, string template)
    {
        var (fixture, items) = Complete(marked, template);
        Assert.Equal(["Draft", "In Development", "Staging", "Production"], items.Select(i => i.Label));
        if (fixture.Ranges.Count == 1)
        {
            Assert.All(items, i => Assert.Equal(fixture.Range, i.ReplaceRange));
        }
    }

    [Fact]
    public void Value_ListAndQuoteStyles_OfferOptions()
    {
        var (_, quote) = Complete("# T\n\n> **Status**: $$\n", "product");
        Assert.Equal(["Draft", "In Review", "Approved", "In Development", "Completed"], quote.Select(i => i.Label));
        var (_, emoji) = Complete("# T\n\n**Status:** $$\n", "package");
        Assert.Equal(["📋 Planned", "🚧 In Progress", "✅ Implemented"], emoji.Select(i => i.Label));
        Assert.Equal("Planned", emoji[0].FilterText);
    }

    [Fact]
    public void Value_AfterDateKey_OffersToday()
    {
        var (_, items) = Complete("# T\n\n## Metadata\n- **Created**: $$\n", "proposal");
        var item = Assert.Single(items);
        Assert.Equal("2026-11-21", item.PlainText);
        Assert.Equal(SpecCompletionKind.Date, item.Kind);
    }

    [Fact]
    public void Value_RightAfterColonWithoutSpace_InsertsTheSpace()
    {
        var (_, items) = Complete("# T\n\n**Priority:**$$\n", "detailed");
        Assert.Equal([" High", " Medium", " Low"], items.Select(i => i.PlainText));
    }

    [Fact]
    public void Value_KeyWithoutOptions_OffersNothing()
    {
        var (_, items) = Complete("# T\n\n**Author:** $$\n", "detailed");
        Assert.Empty(items);
    }

    [Fact]
    public void Key_AfterStarsInMetadataBlock_OffersMissingKeysInTemplateStyle()
    {
        var (fixture, items) = Complete("# T\n\n**Author:** Priya\n**Status:** Draft\n**[|$$|]\n\n## Overview\n", "detailed");
        Assert.Equal(["Feature ID", "Component", "Created", "Last Updated", "Priority"], items.Select(i => i.Label));
        Assert.Equal("Created:** ", items[2].PlainText);
        Assert.All(items, i => Assert.Equal(fixture.Range, i.ReplaceRange));
    }

    [Fact]
    public void Key_ListStyleTemplate_InsertsColonAfterStars()
    {
        var (_, items) = Complete("# T\n\n## Metadata\n- **Spec ID**: SPEC-2026-01-01-001\n- **$$\n\n## Executive Summary\n", "proposal");
        Assert.Equal("Status**: ", items[0].PlainText);
        Assert.DoesNotContain(items, i => i.Label == "Spec ID");
    }

    [Fact]
    public void Key_OutsideMetadataBlock_OffersNothing()
    {
        var (_, items) = Complete("# T\n\n## Overview\n**$$\n", "detailed");
        Assert.Empty(items);
    }
}
