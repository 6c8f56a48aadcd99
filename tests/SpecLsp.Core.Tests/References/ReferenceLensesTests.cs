using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class ReferenceLensesTests
{
    // "line: title <- path:line, …" for each lens.
    private static string Dump(MarkedWorkspace ws, string path) =>
        string.Join("\n", ReferenceLenses.Compute(ws.View(path)).Select(l =>
            $"{l.Range.Start.Line}: {l.Title}{(l.References.IsEmpty ? string.Empty : " <- ")}{string.Join(", ", l.References.Select(r => $"{MarkedWorkspace.Relative(r.Path)}:{r.Range.Start.Line}"))}"));

    [Fact]
    public void Compute_RequirementsAndLinkedHeadings_CountMentionsAndLinksAcrossTheFeatureFolder()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/001-export/spec.md", """
                # Export

                ## Requirements

                #### FR-001: Export rows
                - **FR-002**: Queue large exports after FR-001.

                ## Risks

                ## Open questions
                See [risks](#risks).
                """),
            ("specs/001-export/design.md", "# Design\n\n#### FR-010: Cache\nServes FR-001 and FR-002.\n"),
            ("docs/index.md", "# Index\n\n[Export](../specs/001-export/spec.md), [its FR-001](../specs/001-export/spec.md#fr-001-export-rows).\n"));

        Assert.Equal(
            """
            0: 1 reference <- docs/index.md:2
            4: 3 references <- docs/index.md:2, specs/001-export/design.md:3, specs/001-export/spec.md:5
            5: 1 reference <- specs/001-export/design.md:3
            7: 1 reference <- specs/001-export/spec.md:10
            """.ReplaceLineEndings("\n"),
            Dump(ws, "specs/001-export/spec.md"));
    }

    [Fact]
    public void Compute_UnreferencedRequirement_ShowsNoReferencesButAnUnlinkedHeadingShowsNothing()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n## Scope\n\n- **US-1**: As a user I export.\n"));

        Assert.Equal("4: no references", Dump(ws, "a.md"));
    }

    [Fact]
    public void Compute_SpecId_CountsMentionsInOtherSpecs()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-001\n"),
            ("b.md", "# B\n\nBuilds on SPEC-2026-01-05-001.\n"),
            ("c.md", "# C\n\nAnd SPEC-2026-01-05-001 too.\n"));

        Assert.Equal("2: 2 references <- b.md:2, c.md:2", Dump(ws, "a.md"));
    }
}
