using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class ReferenceCodeActionTests
{
    [Fact]
    public void BrokenAnchor_WithCloseHeading_OffersChangeToIt()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n## Rollback Plan\n\n[x](#rolback-plan)\n"));
        var diagnostics = ws.Analyze("a.md");

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), diagnostics));

        Assert.Equal("Change to #rollback-plan", action.Title);
        Assert.Equal("== a.md\n# A\n\n## Rollback Plan\n\n[x](#rollback-plan)\n", ws.Apply(action.Changes));
    }

    [Fact]
    public void BrokenAnchor_WithNothingClose_OffersNothing()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n## Rollback Plan\n\n[x](#zzzzzzzzzzzzzzz)\n"));

        Assert.Empty(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));
    }

    [Fact]
    public void BrokenLink_ToMarkdown_OffersToCreateTheFile()
    {
        var ws = MarkedWorkspace.Create(("specs/a.md", "# A\n\n[x](../new/csv-export.md) [p](pic.png)\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("specs/a.md"), ws.Analyze("specs/a.md")));

        Assert.Equal("Create ../new/csv-export.md from template", action.Title);
        Assert.Equal("== new/csv-export.md (new)\n# Csv Export\n", ws.Apply(action.Changes));
    }

    [Fact]
    public void BrokenLink_WithTemplateText_UsesIt()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n[x](b.md)\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md"), path => "# From template\n"));

        Assert.Equal("== b.md (new)\n# From template\n", ws.Apply(action.Changes));
    }

    [Fact]
    public void BrokenAnchor_IntoAnotherFile_OffersTheClosestHeadingThere()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\nSee [b](b.md#retry-rulez).\n"), ("b.md", "# B\n\n## Retry rules\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));

        Assert.Equal("Change to #retry-rules", action.Title);
        Assert.Equal("== a.md\n# A\n\nSee [b](b.md#retry-rules).\n", ws.Apply(action.Changes));
    }

    [Fact]
    public void UndefinedReference_NamingAHeading_DefinesItAsTheAnchor()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\nSee [the rules][Retry Rules].\n\n## Retry rules\n\n[other]: https://example.com\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));

        Assert.Equal("Define [Retry Rules] as #retry-rules", action.Title);
        Assert.True(action.IsPreferred);
        Assert.Equal("== a.md\n# A\n\nSee [the rules][Retry Rules].\n\n## Retry rules\n\n[other]: https://example.com\n[Retry Rules]: #retry-rules\n", ws.Apply(action.Changes));
        Assert.Empty(MarkedWorkspace.Create(("a.md", ws.Apply(action.Changes)["== a.md\n".Length..])).Analyze("a.md"));
    }

    [Fact]
    public void UndefinedReference_NamingNothing_AddsALineToFillIn()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\nSee [the guide][guide]."));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));

        Assert.Equal("Add a definition line for [guide]", action.Title);
        Assert.Equal("== a.md\n# A\n\nSee [the guide][guide].\n\n[guide]: #\n", ws.Apply(action.Changes));
    }

    [Fact]
    public void DuplicateId_OnTheRepeat_RenumbersToTheNextFreeNumberWithItsPadding()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR-001: Export\n\n#### FR-002: Queue\n\n#### FR-001: Import\n\nAs FR-007 says.\n"));
        var diagnostics = ws.Analyze("a.md");

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), diagnostics));

        Assert.Equal(2, diagnostics.Count(d => d.Code == "duplicate-id"));
        Assert.Equal("Renumber this FR-001 to FR-008", action.Title);
        Assert.Equal(new SpecLsp.Core.Text.TextRange(6, 5, 6, 11), action.DiagnosticRange);
        Assert.Contains("#### FR-008: Import", ws.Apply(action.Changes), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateId_Unpadded_RenumbersUnpadded()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n- **FR1:** Export\n- **FR1:** Import\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));

        Assert.Equal("Renumber this FR1 to FR2", action.Title);
    }

    [Fact]
    public void DuplicateId_RenumberedHeading_LinksToItFollowItsNewAnchor()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n- [Import](#fr-001-import)\n\n#### FR-001: Export\n\n#### FR-001: Import\n"),
            ("b.md", "# B\n\nSee [import](a.md#fr-001-import) and [export](a.md#fr-001-export).\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));

        Assert.Equal(
            "== a.md\n# A\n\n- [Import](#fr-002-import)\n\n#### FR-001: Export\n\n#### FR-002: Import\n\n== b.md\n# B\n\nSee [import](a.md#fr-002-import) and [export](a.md#fr-001-export).\n",
            ws.Apply(action.Changes));
    }

    [Fact]
    public void DuplicateId_RenumberedHeadingInATableOfContents_LinkFollowsItsNewAnchor()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n<!-- toc -->\n- [FR-001: Export one](#fr-001-export-one)\n- [FR-002: Export a month](#fr-002-export-a-month)\n- [FR-002: Export a year](#fr-002-export-a-year)\n<!-- tocstop -->\n\n#### FR-001: Export one\n\n#### FR-002: Export a month\n\n#### FR-002: Export a year\n\nFR-009 covers it.\n"));

        var action = Assert.Single(ReferenceCodeActions.Compute(ws.View("a.md"), ws.Analyze("a.md")));

        Assert.Contains("- [FR-002: Export a year](#fr-010-export-a-year)", ws.Apply(action.Changes), StringComparison.Ordinal);
    }
}
