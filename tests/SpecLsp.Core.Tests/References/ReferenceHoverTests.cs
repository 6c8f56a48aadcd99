using SpecLsp.Core.References;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.References;

public class ReferenceHoverTests
{
    [Fact]
    public void Hover_OnSpecIdMention_ShowsTheDefinitionAndItsSpecTitle()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# Audit log\n\n- **Spec ID**: SPEC-2026-01-05-001\n"),
            ("b.md", "# B\n\nSee [|SPEC-2026-01-05$$-001|].\n"));

        var hover = ReferenceHover.Compute(ws.View(), ws.Caret);

        Assert.NotNull(hover);
        Assert.Equal(ws.Files[ws.CaretPath].Range, hover.Range);
        Assert.Equal("**SPEC-2026-01-05-001**\n\n*Audit log* (a.md)\n\n---\n\n- **Spec ID**: SPEC-2026-01-05-001", hover.Markdown);
    }

    [Fact]
    public void Hover_OnLocalIdMention_ShowsItsHeadingTitleAndBody()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR1: Export the report\n**Description:** Exports rows.\n\n#### FR2: Other\nAfter F$$R1.\n"));

        var hover = ReferenceHover.Compute(ws.View(), ws.Caret);

        Assert.Equal("**FR1**: Export the report\n\n---\n\n**Description:** Exports rows.", hover?.Markdown);
    }

    [Fact]
    public void Hover_OnLinkToHeading_ShowsTheFirstLinesOfTheTargetSection()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\nSee [rules](b.md#re$$try).\n"),
            ("b.md", "# B\n\n## Retry\n\nThree attempts,\nthen give up.\n\n## Next\nNot shown.\n"));

        var hover = ReferenceHover.Compute(ws.View(), ws.Caret);

        Assert.Equal("## Retry\n\nThree attempts,\nthen give up.", hover?.Markdown);
    }

    [Fact]
    public void Hover_OnExternalLinkOrPlainText_IsNull()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n[web](https://ex$$ample.com)\n"));

        Assert.Null(ReferenceHover.Compute(ws.View(), ws.Caret));
        Assert.Null(ReferenceHover.Compute(ws.View(), new Position(0, 1)));
    }

    [Fact]
    public void Hover_OnUndefinedId_SaysSoAndListsTheNearestDefined()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR1: Export\n\n#### FR2: Queue\n\n#### FR7: Purge\n\n#### FR40: Far\n\nAfter [|F$$R5|].\n"));

        var hover = ReferenceHover.Compute(ws.View(), ws.Caret);

        Assert.Equal(ws.Files[ws.CaretPath].Range, hover?.Range);
        Assert.Equal("**FR5** is not defined in this spec or its feature folder.\n\nNearest defined: **FR1** (Export), **FR2** (Queue), **FR7** (Purge).", hover?.Markdown);
    }

    [Fact]
    public void Hover_OnIdDefinedInTheFeatureFolder_ShowsThatDefinition()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/001-export/spec.md", "# Export\n\n- **FR-001**: Export the report\n"),
            ("specs/001-export/tasks.md", "# Tasks\n\n- [ ] T001 Build FR-0$$01\n"));

        var hover = ReferenceHover.Compute(ws.View(), ws.Caret);

        Assert.StartsWith("**FR-001**: Export the report", hover?.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_OnIdHeading_ListsWhereItIsMentionedAcrossTheFeatureFolder()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/001-export/spec.md", "# Export\n\n### [|FR-001: Exp$$ort|]\n\nSee FR-001 below.\n"),
            ("specs/001-export/design.md", "# Design\n\n#### FR-002: Cache\nBuilds on FR-001, as FR-001 says.\n"),
            ("specs/002-other/spec.md", "# Other\n\n### FR-001: Unrelated\n\nFR-001 here is another spec's.\n"));

        var hover = ReferenceHover.Compute(ws.View(), ws.Caret);

        Assert.Equal(ws.Files[ws.CaretPath].Range, hover?.Range);
        Assert.Equal("**FR-001**: Export\n\nMentioned 3 times in 2 files:\n- line 5\n- design.md, line 4\n- design.md, line 4", hover?.Markdown);
    }

    [Fact]
    public void Hover_OnIdDefinitionNeverMentioned_SaysSo()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n- **FR$$1:** Export\n"));

        Assert.Equal("**FR1**: Export\n\nNot mentioned anywhere else yet.", ReferenceHover.Compute(ws.View(), ws.Caret)?.Markdown);
    }

    [Fact]
    public void Hover_OnLinkToSectionWithOnlySubsections_ShowsTheirStart()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\nSee [design](b.md#des$$ign).\n"),
            ("b.md", "# B\n\n## Design\n\n### Storage\nRows in one table.\n"));

        Assert.Equal("## Design\n\n### Storage\nRows in one table.", ReferenceHover.Compute(ws.View(), ws.Caret)?.Markdown);
    }
}
