using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Logging;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Hosting;

/// <summary>
/// Runs one LSP connection: <c>initialize</c> is answered before the Generic Host is built; the first message that
/// needs another handler (the client's <c>initialized</c>, normally) builds it, and that message and every one behind
/// it wait for the host's handlers (docs/performance.md, Start-up).
/// </summary>
internal static class ServerHost
{
    // started sees the services once the host runs: tests inspect the workspace through it.
    public static async Task<int> RunAsync(
        PipeReader input, PipeWriter output, Action<IServiceCollection>? configure = null, Action<IServiceProvider>? started = null, CancellationToken cancellationToken = default)
    {
        var early = new EarlyServices(input, output);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var host = new Lazy<Task<IHost>>(() => Task.Run(() => StartHostAsync(early, configure, started, stopping), CancellationToken.None));
        HandlerRegistrations.RegisterInitialize(early.Connection, early.Lifecycle, early.Session);
        early.Connection.AddHandlersLater(() => host.Value);

        int exitCode = await new LanguageServer(early.Connection, early.Lifecycle).RunAsync(stopping.Token).ConfigureAwait(false);

        // A host that failed to build has stopped the connection; its exception is the process's. A client that left
        // before needing one never had it built.
        if (host.IsValueCreated)
        {
            using var running = await host.Value.ConfigureAwait(false);
            await running.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await early.Connection.DisposeAsync().ConfigureAwait(false);
        return exitCode;
    }

    public static IHost Build(EarlyServices early, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(early);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var clientLogs = new ClientLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(new StandardErrorLoggerProvider());
        builder.Logging.AddProvider(clientLogs);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);

        builder.Services.AddSingleton(early.Connection);
        builder.Services.AddSingleton(early.Lifecycle);
        builder.Services.AddSingleton(early.Session);
        builder.Services.AddSingleton<ServerStateStore>();
        builder.Services.AddSingleton(_ => new DocumentParser());
        builder.Services.AddSingleton<OpenDocuments>();
        builder.Services.AddSingleton<WorkspaceIndexService>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RequestInputs>();
        builder.Services.AddSingleton<ReferenceConversions>();
        builder.Services.AddSingleton<HandlerRegistry>();
        builder.Services.AddSingleton<DiagnosticsService>();
        builder.Services.AddSingleton<WorkspaceDiagnosticsService>();
        AddAnalyzers(builder.Services);

        configure?.Invoke(builder.Services);
        var host = builder.Build();

        // The early log lines are replayed here, to stderr and to the client.
        clientLogs.Attach(early.Connection);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        early.ProtocolLog.Attach(new RpcLogAdapter(loggers.CreateLogger("SpecLsp.Protocol")));
        early.LifecycleLog.Attach(new RpcLogAdapter(loggers.CreateLogger("SpecLsp.Lifecycle")));
        return host;
    }

    private static async Task<IHost> StartHostAsync(EarlyServices early, Action<IServiceCollection>? configure, Action<IServiceProvider>? started, CancellationTokenSource stopping)
    {
        IHost? host = null;
        try
        {
            host = Build(early, configure);
            await host.StartAsync(stopping.Token).ConfigureAwait(false);
            started?.Invoke(host.Services);
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopping.Cancel);

            // Wired before any message changes the state: every change, in order, first to the index (scans), then to
            // the diagnostics of open documents, then to the workspace's.
            var store = host.Services.GetRequiredService<ServerStateStore>();
            store.Observe(host.Services.GetRequiredService<WorkspaceIndexService>());
            store.Observe(host.Services.GetRequiredService<DiagnosticsService>());
            store.Observe(host.Services.GetRequiredService<WorkspaceDiagnosticsService>());
            HandlerRegistrations.RegisterAll(host.Services.GetRequiredService<HandlerRegistry>());
            return host;
        }
        catch
        {
            host?.Dispose();
            early.Connection.Stop();
            throw;
        }
    }

    // The facade is composed in Core; DI only hands it the server's template source and clock, and whatever analyzers
    // and sources a test registers.
    private static void AddAnalyzers(IServiceCollection services)
    {
        services.AddSingleton<TemplateEnvironmentService>();
        services.AddSingleton<ITemplateEnvironmentSource>(provider => provider.GetRequiredService<TemplateEnvironmentService>());
        services.AddSingleton(provider => new SpecLanguageService(
            provider.GetRequiredService<TemplateEnvironmentService>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetServices<IDocumentAnalyzer>(),
            provider.GetServices<ICompletionSource>(),
            provider.GetServices<ICodeActionSource>()));
    }
}

/// <summary>What answers <c>initialize</c>, created without the container; the host registers the same instances.</summary>
internal sealed class EarlyServices
{
    public EarlyServices(PipeReader input, PipeWriter output)
    {
        Connection = new JsonRpcConnection(input, output, new JsonRpcOptions(), ProtocolLog);
        Lifecycle = new LanguageServerLifecycle(Connection, LifecycleLog);
    }

    public DeferredRpcLog ProtocolLog { get; } = new();

    public DeferredRpcLog LifecycleLog { get; } = new();

    public JsonRpcConnection Connection { get; }

    public LanguageServerLifecycle Lifecycle { get; }

    public ClientSession Session { get; } = new();
}
