using System.Diagnostics;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Protocol.Lifecycle;

/// <summary>Where a language server is in its life.</summary>
public enum LifecycleState
{
    /// <summary>Before <c>initialize</c>: requests answer ServerNotInitialized, notifications are dropped.</summary>
    Uninitialized,

    /// <summary>Serving requests.</summary>
    Running,

    /// <summary>After <c>shutdown</c>: requests answer InvalidRequest; only <c>exit</c> is expected.</summary>
    ShutDown,

    /// <summary>After <c>exit</c>, the end of the input or the death of the client process.</summary>
    Exited,
}

/// <summary>
/// The LSP lifecycle over a <see cref="JsonRpcConnection"/>, LSP-aware but free of any language: it gates
/// messages by state, negotiates the position encoding, watches the client process and decides the exit
/// code. The server's initialize, shutdown and exit handlers call into it.
/// </summary>
public sealed class LanguageServerLifecycle
{
    private readonly JsonRpcConnection _connection;
    private readonly IRpcLog _log;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile LifecycleState _state;

    /// <summary>Attaches to <paramref name="connection"/> by installing its <see cref="JsonRpcConnection.Gate"/>.</summary>
    public LanguageServerLifecycle(JsonRpcConnection connection, IRpcLog? log = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _log = log ?? NullRpcLog.Instance;
        connection.Gate = Admit;
    }

    /// <summary>The current state.</summary>
    public LifecycleState State => _state;

    /// <summary>The position encoding negotiated by <see cref="Initialize"/> (utf-16 until then).</summary>
    public string PositionEncoding { get; private set; } = PositionEncodingKind.UTF16;

    /// <summary>How often the client process is checked.</summary>
    public TimeSpan ProcessPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Completes with the process exit code: 0 after shutdown, else 1.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>
    /// Picks the position encoding: utf-8 when the client lists it before utf-16, else utf-16 (which every
    /// client supports; utf-32 is not offered).
    /// </summary>
    public static string NegotiatePositionEncoding(IReadOnlyList<string>? offered)
    {
        foreach (string encoding in offered ?? [])
        {
            if (encoding == PositionEncodingKind.UTF8)
            {
                return PositionEncodingKind.UTF8;
            }

            if (encoding == PositionEncodingKind.UTF16)
            {
                return PositionEncodingKind.UTF16;
            }
        }

        return PositionEncodingKind.UTF16;
    }

    /// <summary>Moves to <see cref="LifecycleState.Running"/>, negotiates the encoding and starts watching the client process.</summary>
    /// <returns>The negotiated position encoding.</returns>
    /// <exception cref="JsonRpcException">initialize was already received.</exception>
    public string Initialize(InitializeParams @params)
    {
        ArgumentNullException.ThrowIfNull(@params);
        if (_state != LifecycleState.Uninitialized)
        {
            throw new JsonRpcException(ErrorCodes.InvalidRequest, "initialize may only be sent once.");
        }

        PositionEncoding = NegotiatePositionEncoding(@params.Capabilities?.General?.PositionEncodings); // a client may leave capabilities out
        _state = LifecycleState.Running;
        if (@params.ProcessId is { } processId)
        {
            _ = WatchClientProcessAsync(processId);
        }

        return PositionEncoding;
    }

    /// <summary>Records <c>shutdown</c>: later requests are refused.</summary>
    public void Shutdown()
    {
        if (_state == LifecycleState.Running)
        {
            _state = LifecycleState.ShutDown;
        }
    }

    /// <summary>Records <c>exit</c>: completes <see cref="Exited"/> and stops the connection.</summary>
    public void Exit() => Finish(_state == LifecycleState.ShutDown ? 0 : 1, "exit received");

    /// <summary>Records that the input ended without <c>exit</c>.</summary>
    public void InputEnded() => Finish(_state == LifecycleState.ShutDown ? 0 : 1, "the input ended");

    private ResponseError? Admit(string method, bool isRequest)
    {
        if (method == Methods.Exit)
        {
            return null;
        }

        return _state switch
        {
            LifecycleState.Uninitialized when method == Methods.Initialize => null,
            LifecycleState.Uninitialized => new ResponseError(ErrorCodes.ServerNotInitialized, $"The server is not initialized; '{method}' was refused."),
            LifecycleState.Running => null,
            _ => new ResponseError(ErrorCodes.InvalidRequest, $"The server is shut down; '{method}' was refused."),
        };
    }

    private void Finish(int exitCode, string reason)
    {
        if (_exited.TrySetResult(exitCode))
        {
            _state = LifecycleState.Exited;
            _log.Log(RpcLogLevel.Debug, $"Exiting with code {exitCode}: {reason}.");
            _connection.Stop();
        }
    }

    private async Task WatchClientProcessAsync(int processId)
    {
        using var timer = new PeriodicTimer(ProcessPollInterval);
        while (!_exited.Task.IsCompleted && await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            if (!IsAlive(processId))
            {
                _log.Log(RpcLogLevel.Warning, $"The client process {processId} has ended; exiting.");
                Finish(1, "the client process ended");
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
