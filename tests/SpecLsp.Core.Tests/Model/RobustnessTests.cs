using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class RobustnessTests
{
    public static TheoryData<string, string> HostileInputs => new()
    {
        { "nul bytes", "\0# \0Title\0\n\0- [ ] FR1: \0x\n| \0 |\n|---|\n" },
        { "one megabyte line", "# T\n" + new string('x', 1_000_000) + "\n" },
        { "10,000 nested lists", string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n" },
        { "10,000 nested quotes", new string('>', 10_000) + " # deep\n" },
        { "unbalanced brackets", new string('[', 50_000) + "x" + new string(')', 50_000) },
        { "unclosed link openers", string.Concat(Enumerable.Repeat("[a](", 5_000)) },
        { "unclosed fence", "# T\n```\n# not a heading\n" },
        { "emphasis soup", string.Concat(Enumerable.Repeat("*a **b _c ", 5_000)) },
        { "lone surrogates", "# \uD800 title \uDC00\n\n- **FR1:** \uD83D\n" },
        { "front matter only fence", "---\n" },
        { "unclosed front matter", "---\ntitle: x\n# T\n" },
        { "html soup", string.Concat(Enumerable.Repeat("<a id='", 5_000)) + "<!--" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Parse_HostileInput_NeverThrowsAndKeepsRangesInTheText(string name, string text)
    {
        var document = SpecParser.Parse(SourceText.From(text));

        var end = document.Source.FullRange.End;
        Assert.All(document.AllSections, s => Assert.True(s.Range.End <= end && s.TitleRange.Start <= s.TitleRange.End, name));
        Assert.All(document.Links, l => Assert.True(l.Range.End <= end, name));
        Assert.NotNull(SpecDocumentDump.Write(document, SpecDumpDetail.All | SpecDumpDetail.Blocks));
    }

    [Fact]
    public void Parse_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => SpecParser.Parse(SourceText.From("# T\n"), cancellation.Token));
    }

    [Fact]
    public void Parse_SameText_GivesEqualDumps()
    {
        const string text = "# T\n\n**Status:** Draft\n\n## A\n- **FR1:** x, see FR1\n";

        Assert.Equal(
            SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(text)), SpecDumpDetail.All),
            SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(text)), SpecDumpDetail.All));
    }
}

public class ParallelParseTests
{
    [Fact]
    public void Parse_ManyThreadsAtOnce_GiveTheSameModels()
    {
        string[] names = ["bold-metadata", "blockquote-metadata", "list-metadata", "html-comment-prompts", "emoji-status"];
        var texts = names.Select(n => TestSupport.Fixtures.Read($"Templates/{n}.md")).ToArray();
        var expected = texts.Select(t => SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(t)), SpecDumpDetail.All)).ToArray();

        var actual = new string[40];
        Parallel.For(0, actual.Length, i => actual[i] = SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(texts[i % texts.Length])), SpecDumpDetail.All));

        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }
}
