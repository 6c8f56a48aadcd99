using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class FileMovesTests
{
    private static string Move(MarkedWorkspace ws, params (string From, string To)[] moves) =>
        ws.Apply(FileMoves.LinkEdits(ws.Index, [.. moves.Select(m => new FileMove(MarkedWorkspace.Root + "/" + m.From, MarkedWorkspace.Root + "/" + m.To))]));

    [Fact]
    public void LinkEdits_FileMovedToAnotherFolder_LinksToItAndItsOwnLinksFollow()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/export.md", "# Export\n\nSee [retry](../shared/retry.md#rules), [self](#export) and [site](https://example.com).\n"),
            ("specs/search.md", "# Search\n\nAfter [export](./export.md#fr1) and [again][e].\n\n[e]: <export.md>\n"),
            ("shared/retry.md", "# Retry\n\n## Rules\n"),
            ("docs/pic.md", "# Pic\n\n![x](../specs/export.md)\n"));

        Assert.Equal(
            """
            == docs/pic.md
            # Pic

            ![x](../archive/2026/export.md)

            == shared/retry.md
            # Retry

            ## Rules

            == specs/export.md
            # Export

            See [retry](../../shared/retry.md#rules), [self](#export) and [site](https://example.com).

            == specs/search.md
            # Search

            After [export](../archive/2026/export.md#fr1) and [again][e].

            [e]: <../archive/2026/export.md>

            """.ReplaceLineEndings("\n").Replace("== shared/retry.md\n# Retry\n\n## Rules\n\n", string.Empty, StringComparison.Ordinal),
            Move(ws, ("specs/export.md", "archive/2026/export.md")));
    }

    [Fact]
    public void LinkEdits_FolderMoved_LinksFromOutsideFollowAndLinksInsideStay()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/001-export/spec.md", "# Export\n\nSee [tasks](tasks.md), [the diagram](img/flow.png) and [index](../../README.md).\n"),
            ("specs/001-export/tasks.md", "# Tasks\n"),
            ("README.md", "# Read me\n\n[Export](specs/001-export/spec.md#export), [folder](specs/001-export/).\n"));

        // Inside the folder every link reaches the same place from the new one: no edit there.
        Assert.Equal(
            "== README.md\n# Read me\n\n[Export](features/export/spec.md#export), [folder](features/export/).\n",
            Move(ws, ("specs/001-export", "features/export")));
    }

    [Fact]
    public void LinkEdits_RenameInPlace_SpacesEscapedAndSiteRootLinksStaySiteRoot()
    {
        var ws = MarkedWorkspace.Create(
            ("docs/a.md", "# A\n\n[b](b.md) and [root](/docs/b.md#top).\n"),
            ("docs/b.md", "# B\n"));

        Assert.Equal("== docs/a.md\n# A\n\n[b](new%20name.md) and [root](/docs/new%20name.md#top).\n", Move(ws, ("docs/b.md", "docs/new name.md")));
    }

    [Fact]
    public void LinkEdits_UnrelatedMove_NoEdits()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n[b](b.md)\n"), ("b.md", "# B\n"), ("c.md", "# C\n"));

        Assert.Empty(FileMoves.LinkEdits(ws.Index, [new FileMove("/ws/c.md", "/ws/d.md")]).Edits);
    }
}
