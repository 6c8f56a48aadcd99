using SpecLsp.Protocol.Lifecycle;

namespace SpecLsp.Server.Handlers;

internal sealed class ExitHandler(LanguageServerLifecycle lifecycle) : IParameterlessHandler
{
    public Task HandleAsync(CancellationToken cancellationToken)
    {
        lifecycle.Exit();
        return Task.CompletedTask;
    }
}
