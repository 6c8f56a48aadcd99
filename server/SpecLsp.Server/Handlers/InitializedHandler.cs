using Microsoft.Extensions.Logging;

namespace SpecLsp.Server.Handlers;

internal sealed partial class InitializedHandler(ClientSession session, ILogger<InitializedHandler> logger) : IParameterlessHandler
{
    public Task HandleAsync(CancellationToken cancellationToken)
    {
        LogReady(logger, ServerVersion.Current, session.Encoder.Kind, session.PullsDiagnostics ? "pulled" : "pushed");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "speclsp {Version} ready ({Encoding} positions, {Mode} diagnostics).")]
    private static partial void LogReady(ILogger logger, string version, string encoding, string mode);
}
