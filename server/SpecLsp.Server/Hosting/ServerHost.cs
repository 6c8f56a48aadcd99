using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Logging;
using SpecLsp.Server.Placeholders;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Hosting;

/// <summary>Builds the Generic Host around one LSP connection and runs it to the exit code.</summary>
internal static class ServerHost
{
    public static IHost Build(PipeReader input, PipeWriter output, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var clientLogs = new ClientLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(new StandardErrorLoggerProvider());
        builder.Logging.AddProvider(clientLogs);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);

        builder.Services.AddSingleton(services =>
        {
            var log = new RpcLogAdapter(services.GetRequiredService<ILoggerFactory>().CreateLogger("SpecLsp.Protocol"));
            var connection = new JsonRpcConnection(input, output, new JsonRpcOptions(), log);
            clientLogs.Attach(connection);
            return connection;
        });
        builder.Services.AddSingleton(services => new LanguageServerLifecycle(
            services.GetRequiredService<JsonRpcConnection>(),
            new RpcLogAdapter(services.GetRequiredService<ILoggerFactory>().CreateLogger("SpecLsp.Lifecycle"))));
        builder.Services.AddSingleton<ClientSession>();
        builder.Services.AddSingleton<ServerStateStore>();
        builder.Services.AddSingleton(_ => new DocumentParser());
        builder.Services.AddSingleton<WorkspaceState>();
        builder.Services.AddSingleton<WorkspaceIndexService>();
        builder.Services.AddSingleton<ReferenceConversions>();
        builder.Services.AddSingleton<HandlerRegistry>();
        builder.Services.AddSingleton<DiagnosticsService>();
        builder.Services.AddSingleton<WorkspaceDiagnosticsService>();
        builder.Services.AddSingleton<LanguageServer>();
        AddAnalyzers(builder.Services);

        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    // started sees the services once the host runs: tests inspect the workspace through it.
    public static async Task<int> RunAsync(
        PipeReader input, PipeWriter output, Action<IServiceCollection>? configure = null, Action<IServiceProvider>? started = null, CancellationToken cancellationToken = default)
    {
        using var host = Build(input, output, configure);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        started?.Invoke(host.Services);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        int exitCode = await host.Services.GetRequiredService<LanguageServer>().RunAsync(stopping.Token).ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return exitCode;
    }

    private static void AddAnalyzers(IServiceCollection services)
    {
        services.AddSingleton<TemplateEnvironmentService>();
        services.AddSingleton<ITemplateEnvironmentSource>(provider => provider.GetRequiredService<TemplateEnvironmentService>());
        services.AddSpecAnalysis();
    }
}
