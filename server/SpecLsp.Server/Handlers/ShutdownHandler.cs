using SpecLsp.Protocol.Lifecycle;

namespace SpecLsp.Server.Handlers;

internal sealed class ShutdownHandler(LanguageServerLifecycle lifecycle) : IParameterlessHandler
{
    public Task HandleAsync(CancellationToken cancellationToken)
    {
        lifecycle.Shutdown();
        return Task.CompletedTask;
    }
}
