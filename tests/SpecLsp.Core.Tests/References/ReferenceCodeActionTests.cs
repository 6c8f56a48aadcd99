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
}
