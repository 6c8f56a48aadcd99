using SpecLsp.Core.Configuration;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Tests;

public sealed class ServerStateTests
{
    [Fact]
    public void Update_NewState_EveryObserverToldInOrderWithPreviousAndNext()
    {
        var store = new ServerStateStore();
        var told = new List<(string Observer, ServerState Previous, ServerState Next)>();
        store.Observe(new Observer((p, n) => told.Add(("first", p, n))));
        store.Observe(new Observer((p, n) => told.Add(("second", p, n))));
        var empty = store.Current;

        var next = store.Update(s => s with { PushWorkspaceDiagnostics = true });

        Assert.Same(next, store.Current);
        Assert.Equal([("first", empty, next), ("second", empty, next)], told);
    }

    [Fact]
    public void Update_SameStateReturned_NobodyTold()
    {
        var store = new ServerStateStore();
        int told = 0;
        store.Observe(new Observer((_, _) => told++));

        store.Update(s => s);

        Assert.Equal(0, told);
    }

    [Fact]
    public void Update_FromAnObserver_RefusedAndTheStateKept()
    {
        var store = new ServerStateStore();
        store.Observe(new Observer((_, _) => store.Update(s => s with { PushWorkspaceDiagnostics = false })));

        Assert.Throws<InvalidOperationException>(() => store.Update(s => s with { PushWorkspaceDiagnostics = true }));
        Assert.True(store.Current.PushWorkspaceDiagnostics);
    }

    [Fact]
    public void WithParsed_VersionNoLongerCurrent_IndexKept()
    {
        var v1 = Snapshot("file:///ws/a.md", 1, "# One\n");
        var v2 = Snapshot("file:///ws/a.md", 2, "# Two\n");
        var state = ServerState.Empty.WithDocument("/ws/a.md", v1).WithDocument("/ws/a.md", v2);

        Assert.Same(state, state.WithParsed(v1, v1.SpecIfKnown!.IndexEntry(state.Index.Roots)));
        Assert.Equal("Two", state.WithParsed(v2, v2.SpecIfKnown!.IndexEntry(state.Index.Roots)).Index.GetFile("/ws/a.md")?.Title);
    }

    [Fact]
    public async Task GetWorkspaceAsync_OpenDocumentNotIndexedYet_HasItsVersionsEntry()
    {
        var open = Snapshot("file:///ws/a.md", 1, "# Open\n\n**Spec ID:** SPEC-2026-01-01-001\n");
        var state = ServerState.Empty.WithDocument("/ws/a.md", open);

        var workspace = await state.GetWorkspaceAsync(CancellationToken.None);

        Assert.Null(state.Index.GetFile("/ws/a.md"));
        Assert.Equal("/ws/a.md", Assert.Single(workspace.FindWorkspaceIdDefinitions("SPEC-2026-01-01-001")).Path);
    }

    [Fact]
    public void WithDiskEntriesOf_LaterScan_ItsDiskEntriesWithThisStatesOpenDocuments()
    {
        var disk = new InMemoryWorkspace("/ws").Add("/ws/a.md", "# A on disk\n").Add("/ws/b.md", "# B on disk\n");
        var a = Snapshot("file:///ws/a.md", 1, "# A open\n");
        var b = Snapshot("file:///ws/b.md", 1, "# B open later\n");
        var taken = ServerState.Empty with { Index = WorkspaceIndex.Create(disk) };
        taken = taken.WithDocument("/ws/a.md", a).WithParsed(a, a.SpecIfKnown!.IndexEntry(disk.Roots));
        var later = taken.WithDocument("/ws/b.md", b) with { Index = WorkspaceIndexer.IndexAll(disk).WithOpenFile(b.SpecIfKnown!.IndexEntry(disk.Roots)) };

        var index = taken.WithDiskEntriesOf(later).Index;

        Assert.True(index.IsComplete);
        Assert.Equal("A open", index.GetFile("/ws/a.md")?.Title);
        Assert.Equal("B on disk", index.GetFile("/ws/b.md")?.Title);
    }

    [Fact]
    public void WithTemplates_OtherSpecGlobs_EveryFolderToBeScannedAgain()
    {
        var scanned = ServerState.Empty with { Unscanned = [] };
        var other = new TemplateEnvironment(TemplateCatalog.BuiltIn, SpecLspConfiguration.Default with { Specs = ["specs/**/*.md"] }, null);

        Assert.Null(scanned.WithTemplates(other, pushWorkspaceDiagnostics: false).Unscanned);
        Assert.Equal(0, scanned.WithTemplates(TemplateEnvironment.Default, pushWorkspaceDiagnostics: true).Unscanned?.Length);
    }

    private static DocumentSnapshot Snapshot(string uri, int version, string text)
    {
        var source = SourceText.From(text);
        return new DocumentSnapshot(uri, version, source, Task.FromResult<SpecDocument>(SpecParser.Parse(source)));
    }

    private sealed class Observer(Action<ServerState, ServerState> onChanged) : IServerStateObserver
    {
        public void OnStateChanged(ServerState previous, ServerState next) => onChanged(previous, next);
    }
}
