using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Tests;

public sealed class ServerStateStoreTests
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

    private sealed class Observer(Action<ServerState, ServerState> onChanged) : IServerStateObserver
    {
        public void OnStateChanged(ServerState previous, ServerState next) => onChanged(previous, next);
    }
}
