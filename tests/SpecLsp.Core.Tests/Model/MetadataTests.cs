using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class MetadataTests
{
    private static SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));

    [Theory]
    [InlineData("# T\n\n**[|Status|]:** [|Draft|]\n", MetadataStyle.BoldLine)]
    [InlineData("# T\n\n**[|Status|]**: [|Draft|]\n", MetadataStyle.BoldLine)]
    [InlineData("# T\n\n> **[|Status|]**: [|Draft|]\n", MetadataStyle.BlockQuote)]
    [InlineData("# T\n\n## Metadata\n- **[|Status|]**: [|Draft|]\n", MetadataStyle.ListItem)]
    [InlineData("# T\n\n## Notes\n\n---\n[|Status|]: [|Draft|]\n", MetadataStyle.PlainLine)]
    [InlineData("---\n[|Status|]: [|Draft|]\n---\n# T\n", MetadataStyle.FrontMatter)]
    public void Parse_MetadataStyle_KeyAndValueRanges(string fixture, MetadataStyle style)
    {
        var marked = MarkedText.Parse(fixture);

        var field = Assert.Single(Parse(marked.Text).Metadata);

        Assert.Equal(("Status", "Draft", style), (field.Key, field.Value, field.Style));
        Assert.Equal(marked.Ranges[0], field.KeyRange);
        Assert.Equal(marked.Ranges[1], field.ValueRange);
    }

    [Fact]
    public void Parse_BoldLinesInOneParagraph_AreEachAField()
    {
        var document = Parse("# T\n\n**Status:** Draft\n**Author:** Ann  \n**Created:** 2026-01-05\n\n## Overview\n");

        Assert.Equal(
            """
            META Status = "Draft" (2,2)-(2,8) (2,12)-(2,17) BoldLine
            META Author = "Ann" (3,2)-(3,8) (3,12)-(3,15) BoldLine
            META Created = "2026-01-05" (4,2)-(4,9) (4,13)-(4,23) BoldLine
            """.ReplaceLineEndings("\n"),
            string.Join("\n", SpecDocumentDump.Write(document).Split('\n').Where(l => l.TrimStart().StartsWith("META", StringComparison.Ordinal)).Select(l => l.Trim())));
    }

    [Fact]
    public void Parse_EmptyValue_IsAnEmptyRangeAfterTheKey()
    {
        var marked = MarkedText.Parse("# T\n\n- **Milestones**:[||]\n  - Phase 1: [Date]\n");

        var field = Assert.Single(Parse(marked.Text).Metadata);

        Assert.Equal(string.Empty, field.Value);
        Assert.Equal(marked.Range, field.ValueRange);
    }

    [Fact]
    public void Parse_BoldFieldsInsideRequirementSections_AreNotMetadata()
    {
        var document = Parse("# T\n\n**Status:** Draft\n\n## Requirements\n\n#### FR1: Export\n**Description:** Lets users export.\n**User Impact:** High\n");

        Assert.Equal(["Status"], document.Metadata.Select(m => m.Key));
    }

    [Fact]
    public void Parse_FooterWithPlainLines_IsMetadataButProseIsNot()
    {
        var document = Parse("# T\n\n## Changelog\n\nNote: this is prose, not a field\nand it goes on.\n\n---\nCreated: 2026-01-05\nLast Updated: 2026-01-06\nOwner: Ann\n");

        Assert.Equal(["Created", "Last Updated", "Owner"], document.Metadata.Select(m => m.Key));
        Assert.All(document.Metadata, m => Assert.Equal(MetadataStyle.PlainLine, m.Style));
    }

    [Fact]
    public void Parse_FooterFollowedByHeading_IsNotMetadata()
    {
        var document = Parse("# T\n\n---\nCreated: 2026-01-05\n\n## Later\n\nOwner: Ann\n");

        Assert.Equal(["Created"], document.Metadata.Select(m => m.Key));
    }

    [Fact]
    public void Parse_SpecIdMetadata_IsAnIdDefinitionTitledByTheDocument()
    {
        var marked = MarkedText.Parse("# Export CSV\n\n## Metadata\n- **Spec ID**: [|SPEC-2026-01-05-001|]\n");

        var definition = Assert.Single(Parse(marked.Text).IdDefinitions);

        Assert.Equal(("SPEC-2026-01-05-001", IdDefinitionKind.Metadata, "Export CSV"), (definition.Id, definition.Kind, definition.Title));
        Assert.Equal(marked.Range, definition.Range);
    }

    [Fact]
    public void Parse_BoldKeyAloneOnItsLine_LabelsABlockAndIsNoField()
    {
        var document = Parse("# T\n\n**Status:** Draft\n\n**Approval:**\n- [ ] Product Owner\n\n---\n\n**Notes:**\nAnything else.\n");

        Assert.Equal(["Status"], document.Metadata.Select(m => m.Key));
    }
}
