using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Core.Tests.References;

public class IdAnalyzerTests
{
    private static string Flagged(MarkedWorkspace ws, string path, string code) =>
        MarkedWorkspace.Dump(ws.Analyze(path).Where(d => d.Code == code).Select(d => new Core.References.SourceLocation("/ws/" + path, d.Range)));

    private static string Marked(MarkedWorkspace ws, string path) =>
        MarkedWorkspace.Dump(ws.Files["/ws/" + path].Ranges.Select(r => new Core.References.SourceLocation("/ws/" + path, r)));

    [Fact]
    public void UndefinedId_LocalMentionOfAnUndefinedNumber_IsFlagged()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR1: One\n\n#### FR2: Two\nSee FR1, [|FR5|] and UTF-8, H2, P95.\n"));

        Assert.Equal(Marked(ws, "a.md"), Flagged(ws, "a.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void UndefinedId_SpecIdDefinedInAnotherSpec_IsNotFlagged_ButAnUnknownOneIs()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-002\n\nBuilds on SPEC-2026-01-05-001 and [|SPEC-2026-01-05-009|].\n"),
            ("b.md", "# B\n\n**Spec ID:** SPEC-2026-01-05-001\n"));

        Assert.Equal(Marked(ws, "a.md"), Flagged(ws, "a.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void UndefinedId_SpecIdWhileIndexingIsIncomplete_IsNotFlagged()
    {
        var ws = MarkedWorkspace.Create(complete: false, ("a.md", "# A\n\nBuilds on SPEC-2026-01-05-009.\n"));

        Assert.Equal(string.Empty, Flagged(ws, "a.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void DuplicateId_SameKindTwiceInOneSpec_IsFlaggedOnBothWithRelatedInformation()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### [|FR1|]: One\n\n#### [|FR1|]: Again\n\n| ID | Req |\n|----|-----|\n| FR1 | trace |\n"));

        Assert.Equal(Marked(ws, "a.md"), Flagged(ws, "a.md", DiagnosticCodes.DuplicateId));
        var diagnostic = ws.Analyze("a.md").First(d => d.Code == DiagnosticCodes.DuplicateId);
        Assert.Equal(ws.Files["/ws/a.md"].Ranges[1], Assert.Single(diagnostic.Related).Range);
    }

    [Fact]
    public void DuplicateId_SpecIdInTwoSpecs_PointsAtEveryOtherDefinition()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n**Spec ID:** [|SPEC-2026-01-05-001|]\n"),
            ("b.md", "# B\n\n**Spec ID:** [|SPEC-2026-01-05-001|]\n"),
            ("c.md", "# C\n\n**Spec ID:** [|SPEC-2026-01-05-001|]\n"),
            ("d.md", "# D\n\n**Spec ID:** SPEC-2026-01-05-002\n"));

        var diagnostic = Assert.Single(ws.Analyze("a.md"), d => d.Code == DiagnosticCodes.DuplicateId);

        Assert.Equal(
            MarkedWorkspace.Dump(ws.Files.Where(f => !f.Key.EndsWith("a.md", StringComparison.Ordinal)).SelectMany(f => f.Value.Ranges.Select(r => new Core.References.SourceLocation(f.Key, r)))),
            MarkedWorkspace.Dump(diagnostic.Related.Select(r => new Core.References.SourceLocation(r.DocumentPath!, r.Range))));
        Assert.Empty(ws.Analyze("d.md"));
    }

    [Fact]
    public void UndefinedId_InLinkTextToAnotherSpec_IsNotFlagged()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n#### FR1: One\nSee [FR2 of the export spec](b.md#fr2-two) and [|FR3|].\n"),
            ("b.md", "# B\n\n#### FR2: Two\n"));

        Assert.Equal(Marked(ws, "a.md"), Flagged(ws, "a.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void DuplicateId_ChecklistItemsInDifferentSections_AreNotFlagged_ButInOneListAre()
    {
        var ws = MarkedWorkspace.Create(("a.md", """
            # A

            ## Implementation
            - [ ] FR1: implement the export

            ## Testing
            - [ ] FR1: test the export
            - [ ] [|FR2|]: test paging
            - [x] [|FR2|]: test paging again
            """));

        Assert.Equal(Marked(ws, "a.md"), Flagged(ws, "a.md", DiagnosticCodes.DuplicateId));
    }

    [Fact]
    public void UndefinedId_FeatureFolder_IdsOfSpecKnownInTasksAndChecklists()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/001-export/spec.md", "# Feature Specification: Export\n\n- **FR-001**: Export CSV\n- **FR-002**: Export JSON\n"),
            ("specs/001-export/tasks.md", "# Tasks\n\n- [ ] T001 [P] Implement FR-001 in the writer\n- [ ] T002 Cover FR-002, after T001\n"),
            ("specs/001-export/checklists/requirements.md", "# Checklist\n\n- [ ] FR-001: tested\n- [ ] FR-002 is measurable, [|FR-040|] too? [|FR-041|]\n"),
            ("specs/002-import/spec.md", "# Feature Specification: Import\n\n- **FR-001**: Import\n- **FR-040**: Import big files\n"));

        Assert.Equal(string.Empty, Flagged(ws, "specs/001-export/tasks.md", DiagnosticCodes.UndefinedId));

        // FR-040 is only another feature's: this checklist's scope is its own feature folder.
        Assert.Equal(Marked(ws, "specs/001-export/checklists/requirements.md"), Flagged(ws, "specs/001-export/checklists/requirements.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void UndefinedId_FeatureFolderWhileIndexingIsIncomplete_IsNotFlagged()
    {
        var ws = MarkedWorkspace.Create(complete: false,
            ("specs/001-export/spec.md", "# Feature Specification: Export\n\n- **FR-001**: Export CSV\n"),
            ("specs/001-export/checklists/requirements.md", "# Checklist\n\n- [ ] FR-001: tested\n- [ ] FR-009 too\n"));

        Assert.Equal(string.Empty, Flagged(ws, "specs/001-export/checklists/requirements.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void UndefinedId_TaskDefinedByALeadingId_IsNotFlaggedOnItsOwnLine()
    {
        var ws = MarkedWorkspace.Create(("tasks.md", "# Tasks\n\n- [x] T001 Create the model\n- [ ] T002 [P] Depends on T001\n"));

        Assert.Equal(string.Empty, Flagged(ws, "tasks.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void UndefinedId_OtherDocumentsNumberWithTheTitlesPrefix_IsNotFlagged_ButALocalIdStillIs()
    {
        var ws = MarkedWorkspace.Create(("keps/5573/README.md", "# KEP-5573: Faster scheduling\n\nBuilds on KEP-4569.\n\n- **DR-1:** Keep the queue\n\nSee [|DR-2|].\n"));

        Assert.Equal(Marked(ws, "keps/5573/README.md"), Flagged(ws, "keps/5573/README.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void UndefinedId_OneLetterPrefix_WordsLikeQ4AreNotReferences()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\nLaunch before the Q4 renewal, at T2.\n\n## Open Questions\n\n**Q1:** Which format?\n\n| T1 | start |\n|---|---|\n"));

        Assert.Equal(string.Empty, Flagged(ws, "a.md", DiagnosticCodes.UndefinedId));
    }

    [Fact]
    public void DuplicateId_RowLabelInSeparateTables_IsNotFlagged_ButTwiceInOneTableIs()
    {
        var ws = MarkedWorkspace.Create(("a.md", """
            # A

            ## Timeline

            | Point | Event |
            |---|---|
            | T1 | start |

            | Point | Load |
            |---|---|
            | T1 | low |
            | [|TP-2|] | high |
            | [|TP-2|] | again |
            """));

        Assert.Equal(Marked(ws, "a.md"), Flagged(ws, "a.md", DiagnosticCodes.DuplicateId));
    }
}
