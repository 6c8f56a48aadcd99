namespace SpecLsp.Protocol.JsonRpc;

/// <summary>How serious a transport log message is.</summary>
public enum RpcLogLevel
{
    /// <summary>Tracing detail.</summary>
    Debug,

    /// <summary>Something worth knowing.</summary>
    Information,

    /// <summary>Bad input from the peer that was survived.</summary>
    Warning,

    /// <summary>A handler or the transport failed.</summary>
    Error,
}

/// <summary>
/// Where the transport logs. Protocol stays free of any logging framework; the host adapts this to its own.
/// </summary>
public interface IRpcLog
{
    /// <summary>Logs <paramref name="message"/>, with the exception that caused it if any.</summary>
    void Log(RpcLogLevel level, string message, Exception? exception = null);
}

/// <summary>An <see cref="IRpcLog"/> that drops everything.</summary>
public sealed class NullRpcLog : IRpcLog
{
    /// <summary>The single instance.</summary>
    public static readonly NullRpcLog Instance = new();

    /// <inheritdoc />
    public void Log(RpcLogLevel level, string message, Exception? exception = null)
    {
    }
}
