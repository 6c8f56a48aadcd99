using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Handlers;

namespace SpecLsp.Server.Hosting;

/// <summary>Registers the handlers, runs the connection and returns the exit code the lifecycle decided.</summary>
internal sealed class LanguageServer(JsonRpcConnection connection, LanguageServerLifecycle lifecycle, HandlerRegistry registry, DiagnosticsService diagnostics)
{
    public DiagnosticsService Diagnostics { get; } = diagnostics;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        HandlerRegistrations.RegisterAll(registry);
        await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        lifecycle.InputEnded();
        return await lifecycle.Exited.ConfigureAwait(false);
    }
}
