using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Hosting;

/// <summary>
/// Wires the services that follow the server state to its store, registers the handlers, runs the connection and
/// returns the exit code the lifecycle decided.
/// </summary>
internal sealed class LanguageServer(
    JsonRpcConnection connection, LanguageServerLifecycle lifecycle, HandlerRegistry registry,
    ServerStateStore store, WorkspaceIndexService index, DiagnosticsService diagnostics, WorkspaceDiagnosticsService workspaceDiagnostics)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Every change of the state, in order: the index scans what it must, then diagnostics follow.
        store.Observe(index);
        store.Observe(diagnostics);
        store.Observe(workspaceDiagnostics);
        HandlerRegistrations.RegisterAll(registry);
        await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        lifecycle.InputEnded();
        return await lifecycle.Exited.ConfigureAwait(false);
    }
}
