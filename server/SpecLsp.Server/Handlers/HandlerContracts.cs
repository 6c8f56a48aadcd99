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

/// <summary>A handler that advertises what it provides in the initialize result.</summary>
internal interface ICapabilityProvider
{
    ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client);
}
