using System.Text;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Folding;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class FuzzTests
{
    internal static readonly string[] Fragments =
    [
        "# ", "## ", "#### FR1: ", "Title", "\n", "\r\n", "\r", "\n\n", "---", "===", "- ", "  - ", "1. ", "> ", "> > ",
        "- [ ] ", "- [x] ", "**", "**FR2:**", "**Status:** ", "Created: ", "`", "```", "~~~", "    ", "\t", "|", "| TS-1 | x |",
        "|---|", "[", "]", "(", ")", "[a](", "./x.md#y", "<", ">", "<!--", "-->", "<a id=\"", "\"", "'", "![", "][", "[]",
        "US-1", "SPEC-2026-01-05-001", "🚀", "✅", "\0", "\\", "*", "_", "&amp;", "https://example.com", "www.x.io", ":",
        "[ref]: ./r.md", "---\ntitle: x\n---\n", "{", "}", "&", "é", "\uD83D", " ",
    ];

    [Fact]
    public void Parse_RandomMarkdownSoup_NeverFailsAndKeepsRangesInOrder()
    {
        var random = new Random(42);
        for (int round = 0; round < 1500; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 60);
            for (int i = 0; i < count; i++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
            }

            string text = builder.ToString();
            var document = SpecParser.Parse(SourceText.From(text));

            Assert.DoesNotContain(document.ParseDiagnostics, d => d.Code == DiagnosticCodes.UnreadableFile);
            var end = document.Source.FullRange.End;
            foreach (var section in document.AllSections)
            {
                Assert.True(section.Range.Start <= section.HeadingRange.End && section.Range.End <= end, text);
                Assert.True(section.Range.Contains(section.BodyRange), text);
                Assert.Equal(section.RawTitle, document.Source.GetText(section.TitleRange));
            }

            Assert.All(document.IdDefinitions, d => Assert.Equal(d.Id, document.Source.GetText(d.Range)));
            Assert.All(document.IdMentions, m => Assert.Equal(m.Id, document.Source.GetText(m.Range)));
            Assert.All(document.Links, l => Assert.True(l.Range.Contains(l.TargetRange) && l.Range.End <= end, text));
            Assert.All(DocumentSymbols.Compute(document), s => Assert.True(s.Range.Contains(s.SelectionRange), text));
            Assert.All(FoldingRanges.Compute(document), f => Assert.True(f.StartLine < f.EndLine && f.EndLine < document.Source.LineCount, text));
            Assert.NotNull(SpecDocumentDump.Write(document, SpecDumpDetail.All | SpecDumpDetail.Blocks));
            AssertInDocumentOrder(document.IdDefinitions.Select(d => d.Range.Start), text);
            AssertInDocumentOrder(document.IdMentions.Select(m => m.Range.Start), text);
            AssertInDocumentOrder(document.Links.Select(l => l.Range.Start), text);
            AssertInDocumentOrder(document.TaskItems.Select(t => t.Range.Start), text);
            AssertInDocumentOrder(document.HtmlComments.Select(c => c.Range.Start), text);
            AssertInDocumentOrder(document.AllSections.Select(s => s.Range.Start), text);
        }
    }

    private static void AssertInDocumentOrder(IEnumerable<Position> positions, string text)
    {
        var list = positions.ToList();
        for (int i = 1; i < list.Count; i++)
        {
            Assert.True(list[i - 1] <= list[i], text);
        }
    }
}
