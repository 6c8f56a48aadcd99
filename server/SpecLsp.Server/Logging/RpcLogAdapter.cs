using Microsoft.Extensions.Logging;
using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Server.Logging;

/// <summary>Lets the Protocol layer, which has no logging framework, log through ours.</summary>
internal sealed class RpcLogAdapter(ILogger logger) : IRpcLog
{
    public void Log(RpcLogLevel level, string message, Exception? exception = null)
    {
        var mapped = level switch
        {
            RpcLogLevel.Debug => LogLevel.Debug,
            RpcLogLevel.Information => LogLevel.Information,
            RpcLogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Error,
        };
#pragma warning disable CA2254 // The transport builds its own messages.
        logger.Log(mapped, exception, message);
#pragma warning restore CA2254
    }
}
