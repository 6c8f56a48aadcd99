using SpecLsp.Core.Parsing;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Placeholders;

/// <summary>The fill-in rules that read lists and tables from the model: empty items, empty labels, empty rows, the full scale in a cell.</summary>
public class PlaceholderStructureTests
{
    private static (List<(TextRange Range, PlaceholderKind Kind)> Found, MarkedText Marked) Scan(string fixture, params PlaceholderKind[] kinds)
    {
        var marked = MarkedText.Parse(fixture);
        var document = SpecParser.Parse(SourceText.From(marked.Text));
        var found = PlaceholderScanner.Scan(document).Where(p => kinds.Contains(p.Kind)).Select(p => (p.Range, p.Kind)).ToList();
        return (found, marked);
    }

    [Fact]
    public void Scan_ListItemWithOnlyItsMarker_IsAnEmptyItem()
    {
        var (found, marked) = Scan("# T\n\n1. First\n[|2.|]\n3. Third\n", PlaceholderKind.EmptyListItem);

        Assert.Equal([(marked.Ranges[0], PlaceholderKind.EmptyListItem)], found);
    }

    [Fact]
    public void Scan_ItemHoldingAReferenceDefinition_IsNotEmpty()
    {
        // Markdig takes "[A]: [B]" out of the item as a definition; the item still has text.
        var (found, _) = Scan("# T\n\n- [DECISION_1]: [RATIONALE]\n- [DECISION_2]: [RATIONALE]\n", PlaceholderKind.EmptyListItem);

        Assert.Empty(found);
    }

    [Fact]
    public void Scan_LabelItemFollowedBySibling_IsAnEmptyLabel()
    {
        var (found, marked) = Scan("# T\n\n- [|**Accessibility**:|]\n- **Security**: reviewed\n", PlaceholderKind.EmptyLabel);

        Assert.Equal([(marked.Ranges[0], PlaceholderKind.EmptyLabel)], found);
    }

    [Theory]
    [InlineData("# T\n\n*   **Pod Level**:\n  * cpu weight from requests\n")] // a sibling to Markdown, meant as nested
    [InlineData("# T\n\n- **Steps**:\n  - build\n")]
    [InlineData("# T\n\n- **Steps**:\n\n  Build it first.\n")]
    [InlineData("# T\n\n- **Example**:\n\n```sh\nmake\n```\n")]
    public void Scan_LabelItemWithContentAfterIt_IsNoEmptyLabel(string text)
    {
        var (found, _) = Scan(text, PlaceholderKind.EmptyLabel);

        Assert.Empty(found);
    }

    [Fact]
    public void Scan_TableWithOnlyEmptyBodyRows_EachRowIsAFillIn()
    {
        var (found, marked) = Scan("# T\n\n| Name | Role |\n|------|------|\n[||      |      ||]\n[||      |      ||]\n", PlaceholderKind.EmptyTableRow);

        Assert.Equal([(marked.Ranges[0], PlaceholderKind.EmptyTableRow), (marked.Ranges[1], PlaceholderKind.EmptyTableRow)], found);
    }

    [Fact]
    public void Scan_EmptyRowInAFilledTable_IsLayout()
    {
        var (found, _) = Scan("# T\n\n| Name | Role |\n|------|------|\n| Ann | lead |\n|      |      |\n", PlaceholderKind.EmptyTableRow);

        Assert.Empty(found);
    }

    [Fact]
    public void Scan_FullScaleInACell_IsAnOptionList()
    {
        var (found, marked) = Scan("# T\n\n| Risk | Impact |\n|---|---|\n| Outage | [|Low/Medium/High|] |\n| Drift | Medium/High |\n", PlaceholderKind.OptionList);

        Assert.Equal([(marked.Ranges[0], PlaceholderKind.OptionList)], found);
    }
}
