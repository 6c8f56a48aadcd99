using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Handlers;

/// <summary>Handles one request method.</summary>
internal interface IRequestHandler<TParams, TResult>
{
    Task<TResult> HandleAsync(TParams request, CancellationToken cancellationToken);
}

/// <summary>Handles one notification method.</summary>
internal interface INotificationHandler<TParams>
{
    Task HandleAsync(TParams notification, CancellationToken cancellationToken);
}

/// <summary>Handles a request or notification without params (shutdown, exit, initialized).</summary>
internal interface IParameterlessHandler
{
    Task HandleAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A handler that advertises what it provides in the initialize result. Static: initialize is answered before the
/// services that handlers are created with exist (<see cref="HandlerRegistrations.CapabilityProviders"/>).
/// </summary>
internal interface ICapabilityProvider
{
    static abstract ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client);
}
