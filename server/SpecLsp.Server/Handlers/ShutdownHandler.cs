using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class ShutdownHandler(LanguageServerLifecycle lifecycle, WorkspaceIndexService index) : IParameterlessHandler
{
    /// <summary>How long shutdown waits for the index cache to be written (a few hundred milliseconds at 10,000 specs).</summary>
    private static readonly TimeSpan CacheWriteWait = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(CancellationToken cancellationToken)
    {
        lifecycle.Shutdown();
        await index.FinishCacheWriteAsync(CacheWriteWait).ConfigureAwait(false);
    }
}
