using Microsoft.Extensions.Logging;
using SpecLsp.Server.Logging;

namespace SpecLsp.Server.Tests.Logging;

public class StandardErrorLoggerProviderTests
{
    [Fact]
    public void Log_WarningWithException_OneLineThenTheException()
    {
        using var writer = new StringWriter();
        using var provider = new StandardErrorLoggerProvider(writer);
        var logger = provider.CreateLogger("SpecLsp.Test");

        logger.Log(LogLevel.Warning, new EventId(7), "Outline of\nx cut", new InvalidOperationException("boom"), (s, _) => s);
        logger.Log(LogLevel.None, default, "never", null, (s, _) => s);

        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("warn: SpecLsp.Test[7] Outline of x cut", lines[0]);
        Assert.Equal("System.InvalidOperationException: boom", lines[1]);
        Assert.DoesNotContain("never", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_ManyThreads_LinesNeverInterleave()
    {
        using var writer = new StringWriter();
        using var provider = new StandardErrorLoggerProvider(writer);
        var logger = provider.CreateLogger("C");

        var messages = Enumerable.Range(0, 200).Select(i => new string((char)('a' + (i % 26)), 50)).ToArray();

        Parallel.For(0, messages.Length, i => logger.Log(LogLevel.Information, default, messages[i], null, (s, _) => s));

        var lines = writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(200, lines.Length);
        Assert.All(lines, line => Assert.Matches("^info: C\\[0\\] ([a-z])\\1{49}$", line));
    }
}
