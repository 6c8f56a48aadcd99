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
}
