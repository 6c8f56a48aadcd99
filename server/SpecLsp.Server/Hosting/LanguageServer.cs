using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;

namespace SpecLsp.Server.Hosting;

/// <summary>Runs the connection and returns the exit code the lifecycle decided.</summary>
internal sealed class LanguageServer(JsonRpcConnection connection, LanguageServerLifecycle lifecycle)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        lifecycle.InputEnded();
        return await lifecycle.Exited.ConfigureAwait(false);
    }
}
