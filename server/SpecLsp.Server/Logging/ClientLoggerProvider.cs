using Microsoft.Extensions.Logging;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Logging;

/// <summary>
/// Sends log entries at Information and above to the client as window/logMessage, so they show in the
/// editor's output panel. The connection is attached once created (it needs the logger factory first).
/// </summary>
/// <remarks>
/// A failure that repeats (a handler that throws on every keystroke) is sent once: the first report carries the
/// stack trace the user needs, the rest would only bury it. stderr still gets every one.
/// </remarks>
internal sealed class ClientLoggerProvider : ILoggerProvider
{
    private const int MaxRememberedFailures = 1000;

    private readonly HashSet<string> _reportedFailures = new(StringComparer.Ordinal);
    private JsonRpcConnection? _connection;

    public void Attach(JsonRpcConnection connection) => Volatile.Write(ref _connection, connection);

    public ILogger CreateLogger(string categoryName) => new ClientLogger(this);

    public void Dispose() => Volatile.Write(ref _connection, null);

    private bool IsFirstReport(Exception exception)
    {
        string key = $"{exception.GetType().FullName}|{ThrownAt(exception)}|{exception.Message}";
        lock (_reportedFailures)
        {
            if (_reportedFailures.Count >= MaxRememberedFailures)
            {
                _reportedFailures.Clear();
            }

            return _reportedFailures.Add(key);
        }
    }

    // The stack trace's first frame ("at Type.Method(…) in file:line"): where it was thrown, as TargetSite would say
    // through reflection metadata that a trimmed publish may not keep.
    private static string ThrownAt(Exception exception)
    {
        var trace = exception.StackTrace.AsSpan().TrimStart();
        int end = trace.IndexOfAny('\r', '\n');
        return (end < 0 ? trace : trace[..end]).ToString();
    }

    private sealed class ClientLogger(ClientLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || Volatile.Read(ref provider._connection) is not { } connection || (exception is not null && !provider.IsFirstReport(exception)))
            {
                return;
            }

            string message = formatter(state, exception);
            if (exception is not null)
            {
                message += Environment.NewLine + exception;
            }

            var type = logLevel switch
            {
                LogLevel.Information => MessageType.Info,
                LogLevel.Warning => MessageType.Warning,
                _ => MessageType.Error,
            };
            connection.SendNotification(Methods.WindowLogMessage, new LogMessageParams { Type = type, Message = message }, LspJsonContext.Default.LogMessageParams);
        }
    }
}
