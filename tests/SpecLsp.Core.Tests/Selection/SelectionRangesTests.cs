using SpecLsp.Core.Parsing;
using SpecLsp.Core.Selection;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Selection;

public class SelectionRangesTests
{
    // Each range of the chain as the text it covers, line breaks as ⏎, one a line, innermost first.
    private static string Dump(string marked)
    {
        var fixture = MarkedText.Parse(marked);
        var source = SourceText.From(fixture.Text);
        var chain = SelectionRanges.Compute(SpecParser.Parse(source), fixture.CaretPosition);
        return string.Join("\n", chain.Select(r => source.GetText(r).ReplaceLineEndings("⏎")));
    }

    [Fact]
    public void Compute_InHeading_GoesTitleHeadingSectionParentDocument()
    {
        const string text = "# Spec\n\n## Requirements\n\n### Exp$$ort\n\nText.\n\n## Risks\n";

        Assert.Equal(
            """
            Export
            ### Export
            ### Export⏎⏎Text.⏎⏎
            ## Requirements⏎⏎### Export⏎⏎Text.⏎⏎
            # Spec⏎⏎## Requirements⏎⏎### Export⏎⏎Text.⏎⏎## Risks⏎
            """.ReplaceLineEndings("\n"),
            Dump(text));
    }

    [Fact]
    public void Compute_InNestedListItem_GoesItemListParentItemList()
    {
        const string text = "# Spec\n\n- one\n- two\n  - inner a$$b\n  - inner c\n";

        Assert.Equal(
            """
            ab
            inner ab
            - inner ab
            - inner ab⏎  - inner c
            - two⏎  - inner ab⏎  - inner c
            - one⏎- two⏎  - inner ab⏎  - inner c
            # Spec⏎⏎- one⏎- two⏎  - inner ab⏎  - inner c⏎
            """.ReplaceLineEndings("\n"),
            Dump(text));
    }

    [Fact]
    public void Compute_InTableCell_GoesCellRowTable()
    {
        const string text = "# Spec\n\n| ID | Name |\n|----|------|\n| FR1 | Ex$$port `a|b` |\n";

        Assert.Equal(
            """
            Export
            Export `a|b`
             Export `a|b` 
            | FR1 | Export `a|b` |
            | ID | Name |⏎|----|------|⏎| FR1 | Export `a|b` |
            # Spec⏎⏎| ID | Name |⏎|----|------|⏎| FR1 | Export `a|b` |⏎
            """.ReplaceLineEndings("\n"),
            Dump(text));
    }

    [Fact]
    public void Compute_OnIdAndLink_SelectsTokenFirst()
    {
        Assert.StartsWith("001\nFR-001\nSee FR-001 and [the design](design.md#api).\n", Dump("# Spec\n\n- **FR-001:** Export\n\nSee FR-0$$01 and [the design](design.md#api).\n"));
        Assert.StartsWith(
            "design\ndesign.md#api\n[the design](design.md#api)\n",
            Dump("# Spec\n\nSee FR-001 and [the design](des$$ign.md#api).\n"));
    }

    [Fact]
    public void Compute_OnMetadataValue_GoesValueLineBlock()
    {
        Assert.StartsWith("Draft\n**Status:** Draft\n", Dump("# Spec\n\n**Status:** Dr$$aft\n"));
    }

    [Fact]
    public void Compute_AtStartOfNextHeading_BelongsToThatSection()
    {
        var chain = Dump("# Spec\n\n## A\n\ntext\n\n$$## B\n\nmore\n");

        Assert.DoesNotContain(chain.Split('\n'), r => r.StartsWith("## A", StringComparison.Ordinal));
        Assert.Contains("## B⏎⏎more⏎", chain.Split('\n'));
    }

    [Fact]
    public void Compute_EmptyDocumentOrPastTheEnd_StillAnswers()
    {
        Assert.Equal(string.Empty, Dump("$$"));
        var fixture = MarkedText.Parse("# A\n$$");

        var chain = SelectionRanges.Compute(SpecParser.Parse(SourceText.From(fixture.Text)), new Position(40, 3));

        Assert.Single(chain);
    }

    [Theory]
    [InlineData("Templates/list-metadata.md")]
    [InlineData("Templates/html-comment-prompts.md")]
    [InlineData("Templates/blockquote-metadata.md")]
    public void Compute_EveryPositionOfASpec_ChainIsNestedAndGrowing(string fixture)
    {
        var source = SourceText.From(Fixtures.Read(fixture));
        var document = SpecParser.Parse(source);
        for (int line = 0; line < source.LineCount; line++)
        {
            for (int character = 0; character <= source.GetLineText(line).Length; character += 3)
            {
                var chain = SelectionRanges.Compute(document, new Position(line, character));
                Assert.NotEmpty(chain);
                for (int i = 1; i < chain.Length; i++)
                {
                    Assert.True(chain[i].Contains(chain[i - 1]) && chain[i] != chain[i - 1], $"at ({line},{character}): {chain[i]} after {chain[i - 1]}");
                }

                Assert.Equal(source.FullRange, chain[^1]);
            }
        }
    }
}
