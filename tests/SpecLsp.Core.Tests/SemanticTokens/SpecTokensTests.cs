using SpecLsp.Core.Parsing;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.SemanticTokens;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.SemanticTokens;

public class SpecTokensTests
{
    // One token a line: "Type[+def] text".
    private static string Dump(string text, bool placeholders = false)
    {
        var document = SpecParser.Parse(SourceText.From(text));
        var ranges = placeholders ? PlaceholderScanner.Scan(document).Select(p => p.Range) : [];
        return string.Join("\n", SpecTokens.Compute(document, ranges).Select(t =>
            $"{t.Type}{(t.Modifiers.HasFlag(SpecTokenModifiers.Definition) ? "+def" : string.Empty)} {document.Source.GetText(t.Range)}"));
    }

    [Fact]
    public void Compute_Spec_MarksIdsMetadataAndKeywordsInOrder()
    {
        const string text = """
            # Export

            **Status:** Draft

            #### FR-001: Export
            The system MUST export and SHOULD NOT block; it may retry.

            See FR-001.
            """;

        Assert.Equal(
            """
            MetadataKey Status
            MetadataValue Draft
            Id+def FR-001
            Keyword MUST
            Keyword SHOULD NOT
            Id FR-001
            """.ReplaceLineEndings("\n"),
            Dump(text));
    }

    [Fact]
    public void Compute_KeywordsInCodeCommentsAndLinks_AreNotMarked()
    {
        const string text = "# A\n\n`MUST` <!-- MAY --> [SHALL](x.md) MUSTARD NOT RECOMMENDED\n\n```\nMUST\n```\n";

        Assert.Equal("Keyword NOT RECOMMENDED", Dump(text));
    }

    [Fact]
    public void Compute_PlaceholderInMetadataValue_WinsOverTheValue()
    {
        Assert.Equal(
            "MetadataKey Owner\nPlaceholder [Team Name]",
            Dump("# A\n\n**Owner:** [Team Name]\n", placeholders: true));
    }

    [Fact]
    public void Compute_FrontMatterKeys_AreLeftToTheYamlGrammar()
    {
        Assert.Equal(string.Empty, Dump("---\nstatus: Draft\n---\n# A\n"));
    }

    [Fact]
    public void Compute_MultiLineRange_IsOneTokenALine()
    {
        var document = SpecParser.Parse(SourceText.From("# A\n\n[NEEDS CLARIFICATION: which\nformat]\n"));

        var tokens = SpecTokens.Compute(document, [new TextRange(2, 0, 3, 7)]);

        Assert.Equal([new TextRange(2, 0, 2, 27), new TextRange(3, 0, 3, 7)], tokens.Select(t => t.Range));
    }
}
