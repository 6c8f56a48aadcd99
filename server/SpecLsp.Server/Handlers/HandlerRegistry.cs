using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Handlers;

/// <summary>
/// Creates each handler once (services through its constructor) and registers it on the connection with
/// its method, its barrier flag and its source-generated serialisers. Handlers that provide a capability
/// say so themselves (<see cref="ICapabilityProvider"/>), and are listed in
/// <see cref="HandlerRegistrations.CapabilityProviders"/> too, because initialize is answered before they exist.
/// </summary>
internal sealed class HandlerRegistry(JsonRpcConnection connection, IServiceProvider services)
{
    // ActivatorUtilities picks a public constructor by reflection: the annotation tells the trimmer to keep them
    // on every handler type named in HandlerRegistrations.
    private const DynamicallyAccessedMemberTypes Constructors = DynamicallyAccessedMemberTypes.PublicConstructors;

    private readonly List<Type> _capabilityProviders = [];

    /// <summary>The handler types created so far that advertise a capability, in registration order.</summary>
    public IReadOnlyList<Type> CapabilityProviders => _capabilityProviders;

    public THandler Request<[DynamicallyAccessedMembers(Constructors)] THandler, TParams, TResult>(string method, bool mutating, Func<JsonTypeInfo<TParams>> paramsType, Func<JsonTypeInfo<TResult>> resultType)
        where THandler : IRequestHandler<TParams, TResult>
    {
        var handler = Create<THandler>();
        connection.AddRequestHandler(method, mutating, paramsType, resultType, handler.HandleAsync);
        return handler;
    }

    /// <summary>A second method of a handler already created (one that keeps state across its methods).</summary>
    public void Request<TParams, TResult>(IRequestHandler<TParams, TResult> handler, string method, bool mutating, Func<JsonTypeInfo<TParams>> paramsType, Func<JsonTypeInfo<TResult>> resultType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        connection.AddRequestHandler(method, mutating, paramsType, resultType, handler.HandleAsync);
    }

    /// <summary>A notification of a handler already created (one that keeps state across its methods).</summary>
    public void Notification<TParams>(INotificationHandler<TParams> handler, string method, bool mutating, Func<JsonTypeInfo<TParams>> paramsType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        connection.AddNotificationHandler(method, mutating, paramsType, handler.HandleAsync);
    }

    public void Request<[DynamicallyAccessedMembers(Constructors)] THandler>(string method, bool mutating)
        where THandler : IParameterlessHandler
    {
        var handler = Create<THandler>();
        connection.AddRequestHandler(method, mutating, handler.HandleAsync);
    }

    public void Notification<[DynamicallyAccessedMembers(Constructors)] THandler, TParams>(string method, bool mutating, Func<JsonTypeInfo<TParams>> paramsType)
        where THandler : INotificationHandler<TParams>
    {
        var handler = Create<THandler>();
        connection.AddNotificationHandler(method, mutating, paramsType, handler.HandleAsync);
    }

    public void Notification<[DynamicallyAccessedMembers(Constructors)] THandler>(string method, bool mutating)
        where THandler : IParameterlessHandler
    {
        var handler = Create<THandler>();
        connection.AddNotificationHandler(method, mutating, handler.HandleAsync);
    }

    private THandler Create<[DynamicallyAccessedMembers(Constructors)] THandler>()
    {
        var handler = ActivatorUtilities.CreateInstance<THandler>(services);
        if (handler is ICapabilityProvider)
        {
            _capabilityProviders.Add(typeof(THandler));
        }

        return handler;
    }
}
