using System.Collections.Immutable;

namespace SpecLsp.Server.Workspace;

/// <summary>Told of every change of the <see cref="ServerState"/>, in order.</summary>
internal interface IServerStateObserver
{
    /// <summary>
    /// Called under the store's lock with the state before and after one change: keep it short (start work, do
    /// not wait for any), and do not change the state from here.
    /// </summary>
    void OnStateChanged(ServerState previous, ServerState next);
}

/// <summary>
/// Holds the current <see cref="ServerState"/>. Readers take <see cref="Current"/> once and keep that value; writers
/// (the mutating handlers, the parse lanes, the workspace scan, the configuration loader) pass a function from the
/// current state to the next, applied one at a time, and every observer hears of each change as (previous, next).
/// </summary>
internal sealed class ServerStateStore
{
    private readonly Lock _lock = new();
    private ServerState _current = ServerState.Empty;
    private ImmutableArray<IServerStateObserver> _observers = [];
    private bool _notifying;

    public ServerState Current => Volatile.Read(ref _current);

    /// <summary>Adds an observer; the server's are added once, before the first message is read.</summary>
    public void Observe(IServerStateObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_lock)
        {
            _observers = _observers.Add(observer);
        }
    }

    /// <summary>Applies <paramref name="change"/> to the current state and tells the observers, unless it returned the same state.</summary>
    public ServerState Update(Func<ServerState, ServerState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (_notifying)
            {
                throw new InvalidOperationException("An observer cannot change the server state while it is told of a change.");
            }

            var previous = _current;
            var next = change(previous);
            if (ReferenceEquals(previous, next))
            {
                return previous;
            }

            Volatile.Write(ref _current, next);
            _notifying = true;
            try
            {
                foreach (var observer in _observers)
                {
                    observer.OnStateChanged(previous, next);
                }
            }
            finally
            {
                _notifying = false;
            }

            return next;
        }
    }
}
