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
}
