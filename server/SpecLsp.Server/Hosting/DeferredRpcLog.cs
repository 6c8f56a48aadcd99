using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Server.Hosting;

/// <summary>
/// The transport's log while the host is still building its logging: entries wait, in order, and go to the real log
/// once it is attached, so nothing said before the initialize answer is lost.
/// </summary>
internal sealed class DeferredRpcLog : IRpcLog
{
    private readonly Lock _lock = new();
    private List<(RpcLogLevel Level, string Message, Exception? Exception)>? _pending = [];
    private IRpcLog? _target;

    public void Log(RpcLogLevel level, string message, Exception? exception = null)
    {
        IRpcLog? target;
        lock (_lock)
        {
            if (_pending is not null)
            {
                _pending.Add((level, message, exception));
                return;
            }

            target = _target;
        }

        target!.Log(level, message, exception);
    }

    public void Attach(IRpcLog target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_lock)
        {
            // Replayed under the lock, so an entry logged meanwhile cannot overtake them.
            foreach (var (level, message, exception) in _pending ?? [])
            {
                target.Log(level, message, exception);
            }

            _target = target;
            _pending = null;
        }
    }
}
