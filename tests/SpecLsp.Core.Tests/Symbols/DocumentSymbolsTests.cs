using SpecLsp.Core.Model;
using System.Text;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Symbols;

public class DocumentSymbolsTests
{
    private static string Dump(IEnumerable<SymbolNode> nodes, int depth = 0)
    {
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            builder.Append(' ', depth * 2).Append($"{node.Kind} {node.Name}{(node.Detail is null ? string.Empty : " — " + node.Detail)} {node.Range} sel {node.SelectionRange}\n");
            builder.Append(Dump(node.Children, depth + 1));
        }

        return builder.ToString();
    }

    [Fact]
    public void Compute_Spec_GivesSectionTreeWithIdsUnderTheirSections_AndAHeadingIdOnlyAsItsHeading()
    {
        const string text = "- **C0:** Before any heading\n# Export\n\n## Requirements\n\n- **FR1:** Export CSV\n- **FR2:** Export JSON\n\n### Details\n\n#### FR3: Streaming\n";

        var symbols = DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(text)));

        Assert.Equal(
            """
            Id C0 — Before any heading (0,0)-(0,28) sel (0,4)-(0,6)
            Title Export (1,0)-(11,0) sel (1,2)-(1,8)
              Section Requirements (3,0)-(11,0) sel (3,3)-(3,15)
                Id FR1 — Export CSV (5,0)-(5,21) sel (5,4)-(5,7)
                Id FR2 — Export JSON (6,0)-(6,22) sel (6,4)-(6,7)
                Section Details (8,0)-(11,0) sel (8,4)-(8,11)
                  Section FR3: Streaming (10,0)-(11,0) sel (10,5)-(10,19)

            """.ReplaceLineEndings("\n"),
            Dump(symbols));
    }

    [Fact]
    public void Compute_EmptyHeading_HasANonEmptyNameAndSelectionInsideRange()
    {
        var symbols = DocumentSymbols.Compute(SpecParser.Parse(SourceText.From("#\n\ntext\n")));

        var node = Assert.Single(symbols);
        Assert.Equal(DocumentSymbols.EmptyHeadingName, node.Name);
        Assert.True(node.Range.Contains(node.SelectionRange));
    }

    [Theory]
    [InlineData("bold-metadata")]
    [InlineData("blockquote-metadata")]
    [InlineData("list-metadata")]
    [InlineData("html-comment-prompts")]
    [InlineData("emoji-status")]
    public void Compute_Template_EverySelectionRangeIsInsideItsRangeAndChildrenInsideParents(string name)
    {
        var symbols = DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(Fixtures.Read($"Templates/{name}.md"))));
        var stack = new Stack<(SymbolNode Node, SymbolNode? Parent)>(symbols.Select(s => (s, (SymbolNode?)null)));
        int count = 0;

        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            count++;
            Assert.True(node.Range.Contains(node.SelectionRange), node.Name);
            Assert.True(parent is null || parent.Range.Contains(node.Range), node.Name);
            Assert.False(string.IsNullOrWhiteSpace(node.Name));
            foreach (var child in node.Children)
            {
                stack.Push((child, node));
            }
        }

        Assert.True(count > 10);
    }

    [Fact]
    public void Compute_RandomDocuments_PutsEachIdUnderTheSectionFindSectionNames()
    {
        string[] pieces = ["# T\n", "## A\n", "### B\n", "#### FR1: x\n", "- **FR2:** y\n", "| TS-1 | z |\n|---|---|\n", "text FR1\n", "\n", "B\n---\n", "> ## Q\n", "- ## L\n", "- [ ] US-1: s\n"];
        var random = new Random(7);
        for (int round = 0; round < 500; round++)
        {
            var text = new StringBuilder();
            for (int i = random.Next(1, 30); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var document = SpecParser.Parse(SourceText.From(text.ToString()));
            var symbols = DocumentSymbols.Compute(document);

            foreach (var definition in document.IdDefinitions)
            {
                if (definition.Kind == IdDefinitionKind.Heading)
                {
                    // That heading's section is its symbol; no second symbol for the ID.
                    Assert.Null(ParentOfId(symbols, null, definition.Range));
                    continue;
                }

                var expected = document.FindSection(definition.Range.Start);
                var parent = ParentOfId(symbols, null, definition.Range);
                Assert.True(
                    expected is null ? parent is null : parent is not null && parent.Range == expected.Range && parent.Kind != SpecSymbolKind.Id,
                    $"{definition.Id} at {definition.Range.Start} in:\n{text}");
            }
        }
    }

    private static SymbolNode? ParentOfId(IEnumerable<SymbolNode> level, SymbolNode? parent, TextRange idRange)
    {
        foreach (var node in level)
        {
            if (node.Kind == SpecSymbolKind.Id && node.SelectionRange == idRange)
            {
                return parent;
            }

            if (ParentOfId(node.Children, node, idRange) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
