using Microsoft.Extensions.Logging;

namespace SpecLsp.Server.Logging;

/// <summary>
/// Log lines on stderr (never stdout, the protocol channel): <c>warn: Category[id] message</c>, then the exception.
/// In place of the console logger, whose options, formatters and change tokens the host resolved through open
/// generics at start-up: about a third of Native AOT's time to the initialize answer.
/// </summary>
internal sealed class StandardErrorLoggerProvider(TextWriter? writer = null) : ILoggerProvider
{
    private readonly TextWriter _writer = writer ?? Console.Error;

    public ILogger CreateLogger(string categoryName) => new StandardErrorLogger(_writer, categoryName);

    public void Dispose()
    {
    }

    private sealed class StandardErrorLogger(TextWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            var line = $"{level}: {category}[{eventId.Id}] {formatter(state, exception).ReplaceLineEndings(" ")}";

            // One write a message, so that lines from two threads never interleave.
            lock (writer)
            {
                writer.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
                writer.Flush();
            }
        }
    }
}
