using SpecLsp.Core.References;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.References;

public class ReferenceRenameTests
{
    [Fact]
    public void Prepare_OnIdMention_OffersTheId()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR1: One\nSee [|F$$R1|].\n"));

        var target = ReferenceRename.Prepare(ws.View(), ws.Caret);

        Assert.Equal(new RenameTarget(ws.Files[ws.CaretPath].Range, "FR1"), target);
    }

    [Fact]
    public void Prepare_OnHeading_OffersItsText_AndOnPlainTextNothing()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n## [|Retry $$rules|]\n\nPlain text.\n"));

        Assert.Equal(new RenameTarget(ws.Files[ws.CaretPath].Range, "Retry rules"), ReferenceRename.Prepare(ws.View(), ws.Caret));
        Assert.Null(ReferenceRename.Prepare(ws.View(), new Position(4, 2)));
    }

    [Fact]
    public void Rename_LocalId_RenamesDefinitionMentionsAndLinksToItsHeading()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n#### FR1: Export\n\n#### FR2: Queue\nAfter F$$R1, see [FR1](#fr1-export).\n"),
            ("b.md", "# B\n\n#### FR1: Unrelated\n[A's](a.md#fr1-export) FR1\n"));

        var result = ReferenceRename.Rename(ws.View(), ws.Caret, "FR7");

        Assert.Null(result.Error);
        Assert.Equal(
            """
            == a.md
            # A

            #### FR7: Export

            #### FR2: Queue
            After FR7, see [FR7](#fr7-export).

            == b.md
            # B

            #### FR1: Unrelated
            [A's](a.md#fr7-export) FR1

            """,
            ws.Apply(result.Changes!));
    }

    [Fact]
    public void Rename_SpecId_RenamesItAcrossTheWorkspace()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-001\n"),
            ("b.md", "# B\n\nSee SPEC-2026-01-05-0$$01.\n"));

        var result = ReferenceRename.Rename(ws.View(), ws.Caret, "SPEC-2026-02-01-004");

        Assert.Equal(
            "== a.md\n# A\n\n**Spec ID:** SPEC-2026-02-01-004\n\n== b.md\n# B\n\nSee SPEC-2026-02-01-004.\n",
            ws.Apply(result.Changes!));
    }

    [Fact]
    public void Rename_ToSomethingThatIsNotAnIdOrAlreadyDefined_IsRefused()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR1: One\n\n#### FR2: Two\nSee F$$R1.\n"));

        Assert.NotNull(ReferenceRename.Rename(ws.View(), ws.Caret, "not an id").Error);
        Assert.NotNull(ReferenceRename.Rename(ws.View(), ws.Caret, "FR2").Error);
        Assert.NotNull(ReferenceRename.Rename(ws.View(), ws.Caret, "SPEC-2026-01-01-001").Error);
    }

    [Fact]
    public void Rename_Heading_UpdatesAnchorLinksEverywhere_IncludingShiftedRepeats()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n## No$$tes\n\n## Notes\n\n[first](#notes) [second](#notes-1)\n\n[ref]: #notes\n"),
            ("b.md", "# B\n\n[A notes](a.md#notes) [A second](a.md#notes-1) [elsewhere](a.md#a) [r][ref]\n\n[ref]: a.md#notes-1\n"));

        var result = ReferenceRename.Rename(ws.View(), ws.Caret, "Open notes");

        Assert.Equal(
            """
            == a.md
            # A

            ## Open notes

            ## Notes

            [first](#open-notes) [second](#notes)

            [ref]: #open-notes

            == b.md
            # B

            [A notes](a.md#open-notes) [A second](a.md#notes) [elsewhere](a.md#a) [r][ref]

            [ref]: a.md#notes

            """,
            ws.Apply(result.Changes!));
    }
}
