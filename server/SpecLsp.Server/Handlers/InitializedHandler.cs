using Microsoft.Extensions.Logging;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed partial class InitializedHandler(ClientSession session, TemplateEnvironmentService templates, WorkspaceIndexService index, ILogger<InitializedHandler> logger) : IParameterlessHandler
{
    public Task HandleAsync(CancellationToken cancellationToken)
    {
        LogReady(logger, ServerVersion.Current, session.Encoder.Kind, session.PullsDiagnostics ? "pulled" : "pushed");

        // Not awaited: loading asks the client for its settings, and its answer must not hold the message queue.
        _ = templates.InitializeAsync(CancellationToken.None);
        index.Start();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "speclsp {Version} ready ({Encoding} positions, {Mode} diagnostics).")]
    private static partial void LogReady(ILogger logger, string version, string encoding, string mode);
}
