using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class StructureNodeTests
{
    [Fact]
    public void Parse_ListItems_RangeMarkerAndEmptiness()
    {
        var marked = MarkedText.Parse("# T\n\n[|[|-|] a\n  [|[|*|] nested|]|]\n\n[|[|3.|]|]\n[|[|4.|] [x]: y|]\n");

        var items = SpecParser.Parse(SourceText.From(marked.Text)).ListItems.Select(i => (i.Range, i.MarkerRange, i.IsEmpty)).ToList();

        Assert.Equal(
            [
                (marked.Ranges[0], marked.Ranges[1], false),
                (marked.Ranges[2], marked.Ranges[3], false),
                (marked.Ranges[4], marked.Ranges[5], true),
                (marked.Ranges[6], marked.Ranges[7], false),
            ],
            items);
    }

    [Fact]
    public void Parse_TableRows_LinesAndNonEmptyCells()
    {
        var marked = MarkedText.Parse("# T\n\n[|| [|Name|] | [|Role|] ||]\n|---|---|\n[|| [|Ann|] |   ||]\n[||   |   ||]\n");

        var rows = SpecParser.Parse(SourceText.From(marked.Text)).TableRows;

        Assert.Equal(3, rows.Length);
        Assert.Equal([(marked.Ranges[0], true), (marked.Ranges[3], false), (marked.Ranges[5], false)], rows.Select(r => (r.Range, r.IsHeader)));
        Assert.Equal(new[] { marked.Ranges[1], marked.Ranges[2] }, rows[0].Cells.ToArray());
        Assert.Equal(new[] { marked.Ranges[4] }, rows[1].Cells.ToArray());
        Assert.Empty(rows[2].Cells);
        Assert.All(rows, r => Assert.Equal(rows[0].TableRange, r.TableRange));
    }
}
