using System.Text;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Symbols;

public class LargeDocumentSymbolsTests
{
    [Fact]
    public async Task Compute_ThreeThousandNestedListLevels_Answers()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            builder.Append(' ', 2 * i).Append("- item\n");
        }

        var text = builder.ToString();
        var work = Task.Run(() => DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(text))));

        // A generous bound: the point is that it answers at all, not how fast.
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.Same(work, finished);
        Assert.Empty(await work);
    }
}
