using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Workspace;

public class WorkspaceIndexTests
{
    private static FileIndex Index(InMemoryWorkspace ws, string path, string text) =>
        FileIndex.Create(path, SpecParser.Parse(SourceText.From(text)), ws.Roots);

    [Fact]
    public void OpenDocument_OverridesDisk_AndClosingRestoresTheDiskVersion()
    {
        var ws = new InMemoryWorkspace("/ws").Add("/ws/a.md", "# From disk\n");
        var index = WorkspaceIndexer.IndexAll(ws);

        var open = index.WithOpenFile(Index(ws, "/ws/a.md", "# From editor\n"));

        Assert.Equal("From editor", open.GetFile("/ws/a.md")?.Title);
        Assert.Equal(1, open.Count);
        Assert.Equal("From disk", open.WithoutOpenFile("/ws/a.md").GetFile("/ws/a.md")?.Title);
        Assert.Equal("From disk", index.GetFile("/ws/a.md")?.Title);
    }

    [Fact]
    public void WithWorkspace_FolderAddedThenRemoved_LinksResolvedAgainAndRemovedFilesLeave()
    {
        const string plan = "# Plan\n\n[design](../b/design.md#layout) and [ref][d]\n\n[d]: ../b/design.md\n";
        var a = new InMemoryWorkspace("/ws/a").Add("/ws/a/plan.md", plan).Add("/ws/a/open.md", "[x](../b/x.md)\n");
        var both = new InMemoryWorkspace("/ws/a", "/ws/b").Add("/ws/a/plan.md", plan).Add("/ws/b/design.md", "# Design\n");
        var index = WorkspaceIndexer.IndexAll(a).WithOpenFile(Index(a, "/ws/a/open.md", "[x](../b/x.md)\n"));
        Assert.All(index.GetFile("/ws/a/plan.md")!.Links, l => Assert.Equal(LinkTargetKind.Outside, l.Target.Kind));

        var added = index.WithWorkspace(both).WithDiskFiles([WorkspaceIndexer.IndexFile(both, "/ws/b/design.md")]);

        Assert.False(index.WithWorkspace(both).IsComplete);
        Assert.Equal(
            ["File /ws/b/design.md#layout", "File /ws/b/design.md#"],
            added.GetFile("/ws/a/plan.md")!.Links.Select(l => $"{l.Target.Kind} {l.Target.Path}#{l.Target.Fragment}"));
        Assert.Equal(LinkTargetKind.File, Assert.Single(added.GetFile("/ws/a/plan.md")!.ReferenceDefinitionTargets).Kind);
        Assert.Equal(LinkTargetKind.File, Assert.Single(added.GetFile("/ws/a/open.md")!.Links).Target.Kind);
        Assert.Equal(["/ws/a/plan.md"], added.FindLinksTo("/ws/b/design.md").Select(l => l.Path).Distinct());

        var removed = added.WithWorkspace(a);

        Assert.Null(removed.GetFile("/ws/b/design.md"));
        Assert.True(removed.IsOpen("/ws/a/open.md"));
        Assert.Equal(LinkTargetKind.Outside, Assert.Single(removed.GetFile("/ws/a/open.md")!.Links).Target.Kind);
        Assert.Empty(removed.FindLinksTo("/ws/b/design.md"));
    }

    [Fact]
    public void IndexAll_SkipsHiddenAndNodeModulesFolders_AndMarksComplete()
    {
        var ws = new InMemoryWorkspace("/ws")
            .Add("/ws/a.md", "# A\n")
            .Add("/ws/sub/b.md", "# B\n")
            .Add("/ws/node_modules/x/readme.md", "# X\n")
            .Add("/ws/.git/y.md", "# Y\n")
            .Add("/ws/.hidden/z.md", "# Z\n")
            .Add("/ws/notes.txt", "text")
            .Add("/other/c.md", "# C\n");

        var index = WorkspaceIndexer.IndexAll(ws);

        Assert.True(index.IsComplete);
        Assert.Equal(["/ws/a.md", "/ws/sub/b.md"], index.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WorkspaceLookups_OpenDocumentsOverDiskEntries_OpenFirstThenDiskAndRestoredOnClose()
    {
        var ws = new InMemoryWorkspace("/ws")
            .Add("/ws/a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-001\n\nSee SPEC-2026-01-05-009.\n")
            .Add("/ws/b.md", "# B\n\n**Spec ID:** SPEC-2026-01-05-001\n\n[a](a.md) SPEC-2026-01-05-009\n")
            .Add("/ws/c.md", "# C\n\n[a](a.md)\n");
        var index = WorkspaceIndexer.IndexAll(ws);
        _ = index.FindWorkspaceIdDefinitions("SPEC-2026-01-05-001");

        var edited = index.WithOpenFile(Index(ws, "/ws/c.md", "# C\n\n**Spec ID:** SPEC-2026-01-05-001\n\nSPEC-2026-01-05-009 [a](./a.md) [again](a.md#a)\n"))
            .WithOpenFile(Index(ws, "/ws/b.md", "# B\n"));

        Assert.Equal(["/ws/c.md", "/ws/a.md"], edited.FindWorkspaceIdDefinitions("SPEC-2026-01-05-001").Select(d => d.Path));
        Assert.Equal(["/ws/c.md", "/ws/a.md"], edited.FindIdMentions("SPEC-2026-01-05-009", "/ws/a.md").Select(m => m.Path));
        Assert.Equal(["/ws/c.md", "/ws/c.md"], edited.FindLinksTo("/ws/a.md").Select(l => l.Path));
        var closed = edited.WithoutOpenFile("/ws/c.md").WithoutOpenFile("/ws/b.md");
        Assert.Equal(["/ws/a.md", "/ws/b.md"], closed.FindWorkspaceIdDefinitions("SPEC-2026-01-05-001").Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["/ws/b.md", "/ws/c.md"], closed.FindLinksTo("/ws/a.md").Select(l => l.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FindLinksTo_AndWorkspaceIds_ReflectReplacedEntries()
    {
        var ws = new InMemoryWorkspace("/ws")
            .Add("/ws/a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-001\n")
            .Add("/ws/b.md", "# B\n\n[a](a.md#a) [again](./a.md)\n");
        var index = WorkspaceIndexer.IndexAll(ws);

        Assert.Equal(2, index.FindLinksTo("/ws/a.md").Length);
        Assert.Single(index.FindLinksTo("/ws/a.md", "a"));
        Assert.Single(index.FindWorkspaceIdDefinitions("SPEC-2026-01-05-001"));

        var edited = index.WithOpenFile(Index(ws, "/ws/a.md", "# A\n")).WithOpenFile(Index(ws, "/ws/b.md", "# B\n"));

        Assert.Empty(edited.FindLinksTo("/ws/a.md"));
        Assert.Empty(edited.FindWorkspaceIdDefinitions("SPEC-2026-01-05-001"));
    }

    [Fact]
    public void FindDependents_OpenDocumentLinkingToAChangedFile_IsADependent()
    {
        var ws = new InMemoryWorkspace("/ws")
            .Add("/ws/a.md", "# A\n")
            .Add("/ws/b.md", "# B\n\n[a](a.md#a)\n")
            .Add("/ws/c.md", "# C\n\nNo links.\n")
            .Add("/ws/d.md", "# D\n\nSee SPEC-2026-01-05-001.\n");
        var index = WorkspaceIndexer.IndexAll(ws);
        var previous = index.GetFile("/ws/a.md");
        var changed = index.WithDiskFile(Index(ws, "/ws/a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-001\n"));

        Assert.Equal(["/ws/b.md", "/ws/d.md"], changed.FindDependents("/ws/a.md", previous, ["/ws/a.md", "/ws/b.md", "/ws/c.md", "/ws/d.md"]));
    }

    [Fact]
    public void IndexFile_UnreadableText_GivesAnUnreadableEntry()
    {
        Assert.Equal("The file holds NUL bytes; it is not text.", DiskWorkspace.Decode("# A\0"u8).Error);
        Assert.Equal("The file is not valid UTF-8.", DiskWorkspace.Decode([0x23, 0x20, 0xC3, 0x28]).Error);
        Assert.Equal("# Café", DiskWorkspace.Decode([0xEF, 0xBB, 0xBF, .. "# Café"u8]).Text);
    }

    [Fact]
    public void ForCrossFileChecks_KeepsAnchorsAndIds_DropsNavigationOnly()
    {
        var ws = new InMemoryWorkspace("/ws");
        var full = Index(ws, "/ws/a.md", "# Design\n\n**Spec ID:** SPEC-0001\n\n## Data Model\n\n<a id=\"keep\"></a>\n\nSee FR1 and [b](b.md#x).\n\n[d]: b.md\n");

        var slim = full.ForCrossFileChecks();

        Assert.True(slim.HasAnchor("data-model") && slim.HasAnchor("Data-Model") && slim.HasAnchor("keep"));
        Assert.False(slim.HasAnchor("missing"));
        Assert.Equal(full.IdDefinitions.Select(d => (d.Id, d.Range)), slim.IdDefinitions.Select(d => (d.Id, d.Range)));
        Assert.Equal(("Design", 2), (slim.Title, slim.Headings.Length));
        Assert.Equal((0, 0, 0), (slim.Links.Length, slim.IdMentions.Length, slim.ReferenceDefinitions.Length));
        Assert.NotEqual((0, 0, 0), (full.Links.Length, full.IdMentions.Length, full.ReferenceDefinitions.Length));
        var index = WorkspaceIndex.Create(ws).WithDiskFile(slim).AsComplete();
        Assert.Equal("/ws/a.md", Assert.Single(index.FindWorkspaceIdDefinitions("SPEC-0001")).Path);
    }

    [Fact]
    public void ChangesSince_OpenAndDiskEntries_ListsEachChangedPathWithItsEntryBefore()
    {
        var ws = new InMemoryWorkspace("/ws").Add("/ws/a.md", "# A\n").Add("/ws/b.md", "# B\n");
        var index = WorkspaceIndexer.IndexAll(ws);
        var before = index.GetFile("/ws/a.md");

        var edited = index.WithOpenFile(Index(ws, "/ws/a.md", "# A edited\n"));
        var saved = edited.WithDiskFile(Index(ws, "/ws/b.md", "# B saved\n")).WithoutDiskFile("/ws/a.md");

        Assert.Empty(index.ChangesSince(index)!);
        Assert.Equal(new[] { ("/ws/a.md", before) }, edited.ChangesSince(index)!);
        Assert.Equal(new[] { ("/ws/b.md", index.GetFile("/ws/b.md")) }, saved.ChangesSince(edited)!);
        Assert.Equal("/ws/a.md", Assert.Single(edited.WithoutOpenFile("/ws/a.md").ChangesSince(edited)!).Path);
    }

    [Fact]
    public void ChangesSince_OtherWorkspaceOrScanLandedOrManyFiles_AnythingMayHaveChanged()
    {
        var ws = new InMemoryWorkspace("/ws").Add("/ws/a.md", "# A\n");
        var index = WorkspaceIndexer.IndexAll(ws);
        var many = Enumerable.Range(0, 10).Select(i => Index(ws, $"/ws/n{i}.md", $"# N{i}\n")).ToList();

        Assert.Null(index.WithWorkspace(new InMemoryWorkspace("/ws", "/other")).ChangesSince(index));
        Assert.Null(WorkspaceIndex.Create(ws).WithDiskFiles([index.GetFile("/ws/a.md")!]).AsComplete().ChangesSince(WorkspaceIndex.Create(ws)));
        Assert.Null(index.WithDiskFiles(many).ChangesSince(index, limit: 9));
        Assert.Equal(10, index.WithDiskFiles(many).ChangesSince(index, limit: 10)!.Count);
    }
}
