using SpecLsp.Core.Folding;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Folding;

public class FoldingRangesTests
{
    private static string Dump(string text) =>
        string.Join("\n", FoldingRanges.Compute(SpecParser.Parse(SourceText.From(text))).Select(r => $"{r.StartLine}-{r.EndLine} {r.Kind}"));

    [Fact]
    public void Compute_Spec_FoldsEveryKindOfRegion()
    {
        const string text = """
            ---
            title: Export
            ---
            # Export

            ## Design

            ```python
            x = 1
            ```

            | a | b |
            |---|---|
            | 1 | 2 |

            <!-- a prompt
            over two lines -->

            - one line item
            - item over
              two lines

            > quote
            > more

            ## Empty

            """;

        Assert.Equal(
            """
            0-2 FrontMatter
            3-25 Section
            5-23 Section
            7-9 CodeBlock
            11-13 Table
            15-16 Comment
            19-20 ListItem
            22-23 BlockQuote
            """.ReplaceLineEndings("\n"),
            Dump(text.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Compute_SingleLineRegions_AreLeftOut()
    {
        Assert.Equal("1-3 Section", Dump("## A\n## B\n- x\n- y\n"));
    }

    [Fact]
    public void Compute_SectionEnd_ExcludesTrailingBlankLines()
    {
        Assert.Equal("0-1 Section", Dump("## A\ntext\n\n\n## B\n"));
    }

    [Theory]
    [InlineData("bold-metadata")]
    [InlineData("emoji-status")]
    public void Compute_Template_IsSortedAndWithinTheDocument(string name)
    {
        var document = SpecParser.Parse(SourceText.From(Fixtures.Read($"Templates/{name}.md")));

        var regions = FoldingRanges.Compute(document);

        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.True(r.StartLine < r.EndLine && r.EndLine < document.Source.LineCount));
        Assert.Equal(regions.OrderBy(r => r.StartLine).ThenByDescending(r => r.EndLine).ThenBy(r => r.Kind), regions);
    }
}
