using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace SpecLsp.Protocol.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 connection over Content-Length framed streams. It knows nothing of LSP.
/// </summary>
/// <remarks>
/// Three loops joined by channels: the reader parses frames and envelopes (and applies <c>$/cancelRequest</c>
/// and responses at once), the processor dispatches messages in arrival order, and a single writer owns the
/// output, so frames never interleave. A handler registered as mutating is a barrier: it runs to completion
/// before the next message is dispatched. Any other handler is started on the processor and then runs
/// concurrently; it runs synchronously until its first await, so it must take its view of the state before
/// awaiting anything. Together that gives every request a view holding every mutating message that arrived
/// before it and none that arrived after.
/// </remarks>
public sealed class JsonRpcConnection : IAsyncDisposable
{
    // Bodies are never embedded in HTML, so only what JSON itself requires is escaped: text stays readable and small.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly IRpcLog _log;
    private readonly Dictionary<string, HandlerEntry> _handlers = new(StringComparer.Ordinal);

    // Added after AddHandlersLater: found only once its task completes, all at once.
    private readonly Dictionary<string, HandlerEntry> _lateHandlers = new(StringComparer.Ordinal);
    private readonly Channel<PooledBuffer> _outgoing = Channel.CreateUnbounded<PooledBuffer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<Incoming> _incoming = Channel.CreateUnbounded<Incoming>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<RequestId, TaskCompletionSource<JsonElement>> _pendingOutgoing = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _handlersLock = new();
    private Func<Task>? _registerLater;
    private Task? _laterHandlers;
    private long _nextId;
    private int _started;

    /// <summary>Creates a connection reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
    public JsonRpcConnection(PipeReader input, PipeWriter output, JsonRpcOptions? options = null, IRpcLog? log = null)
    {
        _log = log ?? NullRpcLog.Instance;
        _reader = new MessageReader(input, options, _log);
        _writer = new MessageWriter(output);
    }

    /// <summary>Creates a connection over two streams (stdin and stdout, say).</summary>
    public static JsonRpcConnection Create(Stream input, Stream output, JsonRpcOptions? options = null, IRpcLog? log = null) =>
        new(PipeReader.Create(input), PipeWriter.Create(output), options, log);

    /// <summary>
    /// Decides, at dispatch time and in arrival order, whether a message may reach its handler. Returning an
    /// error answers a request with it and drops a notification. Used by the LSP lifecycle.
    /// </summary>
    public Func<string, bool, ResponseError?>? Gate { get; set; }

    /// <summary>
    /// Lets the connection run before every handler is registered: the first message for a method not registered before
    /// this call calls <paramref name="register"/>, once, and it and every message behind it wait for the task that
    /// returns, so dispatch stays in arrival order. The handlers added meanwhile become visible together when it
    /// completes, never one by one while registration is still going on. Call before <see cref="RunAsync"/>, after
    /// registering the handlers that must answer at once.
    /// </summary>
    /// <remarks>
    /// A server answers <c>initialize</c> this way before it builds the services its other handlers need. A message
    /// refused by <see cref="Gate"/> neither waits nor starts the registration. If the task fails, the waiting messages
    /// find whatever handlers were added.
    /// </remarks>
    public void AddHandlersLater(Func<Task> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("AddHandlersLater must be called before the connection runs.");
        }

        _registerLater = register;
    }

    /// <summary>Registers a request handler with typed params and result.</summary>
    public void AddRequestHandler<TParams, TResult>(
        string method, bool mutating, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, Func<TParams, CancellationToken, Task<TResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        ArgumentNullException.ThrowIfNull(resultType);
        AddRequestHandler(method, mutating, () => paramsType, () => resultType, handler);
    }

    /// <summary>
    /// Registers a request handler with typed params and result whose serialisation metadata is asked for only when a
    /// message for <paramref name="method"/> arrives (each time; a source-generated context's property caches it).
    /// </summary>
    /// <remarks>
    /// Creating a source-generated <see cref="JsonTypeInfo"/> reads the type's attributes through reflection, about
    /// 0.4 ms each in a cold process: a server registering fifty of them up front spends ~20 ms of its start-up on
    /// methods the client may call much later or never.
    /// </remarks>
    public void AddRequestHandler<TParams, TResult>(
        string method, bool mutating, Func<JsonTypeInfo<TParams>> paramsType, Func<JsonTypeInfo<TResult>> resultType, Func<TParams, CancellationToken, Task<TResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        ArgumentNullException.ThrowIfNull(resultType);
        ArgumentNullException.ThrowIfNull(handler);
        Add(method, new HandlerEntry(mutating, IsRequest: true, async (p, ct) =>
        {
            var value = ReadParams(p, paramsType());
            var result = await handler(value, ct).ConfigureAwait(false);
            var type = resultType();
            return w => JsonSerializer.Serialize(w, result, type);
        }));
    }

    /// <summary>Registers a request handler without params whose result is <c>null</c> (such as LSP's shutdown).</summary>
    public void AddRequestHandler(string method, bool mutating, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(method, new HandlerEntry(mutating, IsRequest: true, async (_, ct) =>
        {
            await handler(ct).ConfigureAwait(false);
            return static w => w.WriteNullValue();
        }));
    }

    /// <summary>Registers a notification handler with typed params.</summary>
    public void AddNotificationHandler<TParams>(string method, bool mutating, JsonTypeInfo<TParams> paramsType, Func<TParams, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        AddNotificationHandler(method, mutating, () => paramsType, handler);
    }

    /// <summary>
    /// Registers a notification handler with typed params whose serialisation metadata is asked for only when a
    /// message for <paramref name="method"/> arrives; see the request overload for why.
    /// </summary>
    public void AddNotificationHandler<TParams>(string method, bool mutating, Func<JsonTypeInfo<TParams>> paramsType, Func<TParams, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        ArgumentNullException.ThrowIfNull(handler);
        Add(method, new HandlerEntry(mutating, IsRequest: false, async (p, ct) =>
        {
            await handler(ReadParams(p, paramsType()), ct).ConfigureAwait(false);
            return null;
        }));
    }

    /// <summary>Registers a notification handler without params.</summary>
    public void AddNotificationHandler(string method, bool mutating, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(method, new HandlerEntry(mutating, IsRequest: false, async (_, ct) =>
        {
            await handler(ct).ConfigureAwait(false);
            return null;
        }));
    }

    /// <summary>Queues a notification to the peer. Never blocks; dropped once the connection has closed.</summary>
    public void SendNotification<TParams>(string method, TParams @params, JsonTypeInfo<TParams> paramsType) =>
        _ = Send(w =>
        {
            w.WriteString("method"u8, method);
            w.WritePropertyName("params"u8);
            JsonSerializer.Serialize(w, @params, paramsType);
        });

    /// <summary>Sends a request to the peer and awaits its result. Cancelling sends <c>$/cancelRequest</c>.</summary>
    /// <exception cref="JsonRpcException">The peer answered with an error.</exception>
    public async Task<TResult?> SendRequestAsync<TParams, TResult>(
        string method, TParams @params, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken = default)
    {
        var id = new RequestId(Interlocked.Increment(ref _nextId));
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingOutgoing[id] = completion;
        bool sent = Send(w =>
        {
            w.WritePropertyName("id"u8);
            id.WriteTo(w);
            w.WriteString("method"u8, method);
            w.WritePropertyName("params"u8);
            JsonSerializer.Serialize(w, @params, paramsType);
        });
        if (!sent)
        {
            _pendingOutgoing.TryRemove(id, out _);
            throw new JsonRpcException(ErrorCodes.RequestCancelled, "The connection has closed.");
        }

        using var registration = cancellationToken.Register(() =>
        {
            if (_pendingOutgoing.TryRemove(id, out _))
            {
                Send(w =>
                {
                    w.WriteString("method"u8, "$/cancelRequest");
                    w.WritePropertyName("params"u8);
                    w.WriteStartObject();
                    w.WritePropertyName("id"u8);
                    id.WriteTo(w);
                    w.WriteEndObject();
                });
                completion.TrySetCanceled(cancellationToken);
            }
        });
        var result = await completion.Task.ConfigureAwait(false);
        return result.Deserialize(resultType);
    }

    /// <summary>
    /// Runs the loops until the input ends or <see cref="Stop"/> is called, then drains what is queued for
    /// the output. Can be called once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The connection is already running.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var writeLoop = Task.Run(WriteLoopAsync, CancellationToken.None);
        var processLoop = Task.Run(ProcessLoopAsync, CancellationToken.None);
        var readLoop = ReadLoopAsync(linked.Token);

        // A read from stdin ignores cancellation, so stopping does not wait for the read loop: it is left
        // blocked on a read that the end of the process will reclaim.
        using (var stopped = CancellationTokenSource.CreateLinkedTokenSource(linked.Token))
        {
            await Task.WhenAny(readLoop, Task.Delay(Timeout.Infinite, stopped.Token)).ConfigureAwait(false);
            await stopped.CancelAsync().ConfigureAwait(false);
        }

        _incoming.Writer.TryComplete();
        _ = readLoop.ContinueWith(
            static (t, state) => ((JsonRpcConnection)state!).ObserveReadLoop(t),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        await processLoop.ConfigureAwait(false);

        // The peer is gone or has asked us to exit: nobody waits for what is still running.
        CancelRunning();
        await DrainInFlightAsync().ConfigureAwait(false);
        foreach (var pending in _pendingOutgoing)
        {
            pending.Value.TrySetException(new JsonRpcException(ErrorCodes.RequestCancelled, "The connection closed."));
        }

        _outgoing.Writer.TryComplete();
        await writeLoop.ConfigureAwait(false);
    }

    /// <summary>Stops reading; messages not yet dispatched are dropped and running handlers are cancelled.</summary>
    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Add(string method, HandlerEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (Volatile.Read(ref _started) != 0 && (_registerLater is null || Volatile.Read(ref _laterHandlers) is { IsCompleted: true }))
        {
            throw new InvalidOperationException("Handlers must be registered before the connection runs (or before the task given to AddHandlersLater completes).");
        }

        lock (_handlersLock)
        {
            var into = _registerLater is null ? _handlers : _lateHandlers;
            if (_handlers.ContainsKey(method) || !into.TryAdd(method, entry))
            {
                throw new InvalidOperationException($"A handler for '{method}' is already registered.");
            }
        }
    }

    // Only the processing loop calls this, so the registration is started once.
    private async ValueTask<HandlerEntry?> FindHandlerAsync(string method)
    {
        HandlerEntry? handler;
        lock (_handlersLock)
        {
            if (_handlers.TryGetValue(method, out handler) || _registerLater is null)
            {
                return handler;
            }
        }

        if (_laterHandlers is null)
        {
            Task registering;
            try
            {
                registering = _registerLater();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                registering = Task.FromException(ex);
            }

            Volatile.Write(ref _laterHandlers, registering);
        }

        if (!_laterHandlers.IsCompleted)
        {
            await _laterHandlers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        lock (_handlersLock)
        {
            return _lateHandlers.TryGetValue(method, out handler) ? handler : null;
        }
    }

    private static T ReadParams<T>(JsonElement? element, JsonTypeInfo<T> type)
    {
        T? value;
        try
        {
            value = element is { } e ? e.Deserialize(type) : default;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"Invalid params: {ex.Message}");
        }

        return value ?? throw new JsonRpcException(ErrorCodes.InvalidParams, "Invalid params: params are missing.");
    }

    private void ObserveReadLoop(Task readLoop)
    {
        if (readLoop.Exception?.GetBaseException() is { } ex and not OperationCanceledException)
        {
            _log.Log(RpcLogLevel.Error, "Reading the input failed; closing the connection.", ex);
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        while (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } body)
        {
            try
            {
                HandleFrame(body);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // No frame is known to get here (the fuzz tests look for one); if one does, it costs that frame, not the connection.
                _log.Log(RpcLogLevel.Error, $"A frame of {body.Length} bytes could not be handled; it was dropped.", ex);
            }
        }
    }

    private void HandleFrame(byte[] body)
    {
        // JsonDocument checks UTF-8 only when a string is read, and a throw there would escape the parse below.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            _log.Log(RpcLogLevel.Warning, $"A frame of {body.Length} bytes is not valid UTF-8.");
            SendError(null, new ResponseError(ErrorCodes.ParseError, "Parse error: the message is not valid UTF-8."));
            return;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            _log.Log(RpcLogLevel.Warning, $"Unparsable JSON in a frame of {body.Length} bytes: {ex.Message}");
            SendError(null, new ResponseError(ErrorCodes.ParseError, $"Parse error: {ex.Message}"));
            return;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            SendError(null, new ResponseError(ErrorCodes.InvalidRequest, "A message must be a JSON object."));
            return;
        }

        bool hasId = root.TryGetProperty("id"u8, out var idElement) && idElement.ValueKind != JsonValueKind.Null;
        RequestId? id = hasId && RequestId.TryRead(idElement, out var parsedId) ? parsedId : null;
        if (root.TryGetProperty("method"u8, out var methodElement) && methodElement.ValueKind == JsonValueKind.String)
        {
            string method = methodElement.GetString()!;
            JsonElement? @params = root.TryGetProperty("params"u8, out var p) && p.ValueKind != JsonValueKind.Null ? p : null;
            if (!hasId)
            {
                if (method == "$/cancelRequest")
                {
                    CancelRequest(@params);
                }
                else
                {
                    _incoming.Writer.TryWrite(new Incoming(method, @params, null, null));
                }
            }
            else if (id is not { } requestId)
            {
                SendError(null, new ResponseError(ErrorCodes.InvalidRequest, "A request id must be a number or a string."));
            }
            else
            {
                var cancellation = new CancellationTokenSource();
                if (!_running.TryAdd(requestId, cancellation))
                {
                    cancellation.Dispose();
                    _log.Log(RpcLogLevel.Warning, $"A request reused the id {requestId} of a request still running; ignored.");
                    return;
                }

                _incoming.Writer.TryWrite(new Incoming(method, @params, requestId, cancellation));
            }
        }
        else if (id is { } responseId && (root.TryGetProperty("result"u8, out _) || root.TryGetProperty("error"u8, out _)))
        {
            CompleteOutgoing(responseId, root);
        }
        else
        {
            SendError(id, new ResponseError(ErrorCodes.InvalidRequest, "A message needs a method, or an id and a result or error."));
        }
    }

    private void CancelRequest(JsonElement? @params)
    {
        if (@params is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("id"u8, out var idElement)
            && RequestId.TryRead(idElement, out var id) && _running.TryGetValue(id, out var cancellation))
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished meanwhile.
            }
        }
    }

    private void CompleteOutgoing(RequestId id, JsonElement response)
    {
        if (!_pendingOutgoing.TryRemove(id, out var completion))
        {
            _log.Log(RpcLogLevel.Debug, $"A response to unknown request {id} was ignored.");
            return;
        }

        if (response.TryGetProperty("error"u8, out var error) && error.ValueKind == JsonValueKind.Object)
        {
            int code = error.TryGetProperty("code"u8, out var c) && c.TryGetInt32(out int n) ? n : ErrorCodes.UnknownErrorCode;
            string message = error.TryGetProperty("message"u8, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "Unknown error";
            completion.TrySetException(new JsonRpcException(code, message));
        }
        else
        {
            completion.TrySetResult(response.TryGetProperty("result"u8, out var result) ? result : default);
        }
    }

    private async Task ProcessLoopAsync()
    {
        try
        {
            await foreach (var message in _incoming.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (_stop.IsCancellationRequested)
                {
                    message.Cancellation?.Cancel();
                    continue;
                }

                await DispatchAsync(message).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Dispatch catches handler failures; this is a bug in the loop itself, so say so loudly.
            _log.Log(RpcLogLevel.Error, "The message processing loop failed.", ex);
        }
    }

    private async Task DispatchAsync(Incoming message)
    {
        bool isRequest = message.Id is not null;
        if (Gate?.Invoke(message.Method, isRequest) is { } refusal)
        {
            if (message.Id is { } refusedId)
            {
                Finish(refusedId);
                SendError(refusedId, refusal);
            }
            else
            {
                _log.Log(RpcLogLevel.Debug, $"Notification '{message.Method}' dropped: {refusal.Message}");
            }

            return;
        }

        var handler = await FindHandlerAsync(message.Method).ConfigureAwait(false);
        if (handler is null || handler.IsRequest != isRequest)
        {
            if (message.Id is { } unknownId)
            {
                Finish(unknownId);
                SendError(unknownId, new ResponseError(ErrorCodes.MethodNotFound, $"Method not found: {message.Method}"));
            }
            else if (!message.Method.StartsWith("$/", StringComparison.Ordinal))
            {
                _log.Log(RpcLogLevel.Information, $"Ignoring unknown notification '{message.Method}'.");
            }

            return;
        }

        var task = message.Id is { } id
            ? RunRequestAsync(id, message.Params, handler, message.Cancellation!)
            : RunNotificationAsync(message.Method, message.Params, handler);
        if (handler.Mutating)
        {
            await task.ConfigureAwait(false);
        }
        else if (!task.IsCompleted)
        {
            _inFlight.TryAdd(task, 0);
            _ = task.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _), _inFlight, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunRequestAsync(RequestId id, JsonElement? @params, HandlerEntry handler, CancellationTokenSource cancellation)
    {
        try
        {
            cancellation.Token.ThrowIfCancellationRequested();
            var writeResult = await handler.Invoke(@params, cancellation.Token).ConfigureAwait(false);
            SendResult(id, writeResult ?? (static w => w.WriteNullValue()));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            SendError(id, new ResponseError(ErrorCodes.RequestCancelled, "The request was cancelled."));
        }
        catch (JsonRpcException ex)
        {
            SendError(id, new ResponseError(ex.Code, ex.Message));
        }
        catch (Exception ex)
        {
            _log.Log(RpcLogLevel.Error, $"The handler of request {id} failed.", ex);
            SendError(id, new ResponseError(ErrorCodes.InternalError, $"Internal error: {ex.Message}"));
        }
        finally
        {
            Finish(id);
        }
    }

    private async Task RunNotificationAsync(string method, JsonElement? @params, HandlerEntry handler)
    {
        try
        {
            await handler.Invoke(@params, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _log.Log(RpcLogLevel.Error, $"The handler of notification '{method}' failed.", ex);
        }
    }

    private void Finish(RequestId id)
    {
        if (_running.TryRemove(id, out var cancellation))
        {
            cancellation.Dispose();
        }
    }

    private void CancelRunning()
    {
        foreach (var running in _running.Values)
        {
            try
            {
                running.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task DrainInFlightAsync()
    {
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _log.Log(RpcLogLevel.Warning, "Some handlers did not finish after the connection closed.");
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var body in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await _writer.WriteAsync(body.WrittenMemory).ConfigureAwait(false);
                body.Return();
            }
        }
        catch (Exception ex)
        {
            _log.Log(RpcLogLevel.Error, "Writing the output failed; nothing more will be sent.", ex);
            _outgoing.Writer.TryComplete();
        }
        finally
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void SendResult(RequestId id, Action<Utf8JsonWriter> writeResult) =>
        Send(w =>
        {
            w.WritePropertyName("id"u8);
            id.WriteTo(w);
            w.WritePropertyName("result"u8);
            writeResult(w);
        });

    private void SendError(RequestId? id, ResponseError error) =>
        Send(w =>
        {
            w.WritePropertyName("id"u8);
            if (id is { } value)
            {
                value.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WritePropertyName("error"u8);
            w.WriteStartObject();
            w.WriteNumber("code"u8, error.Code);
            w.WriteString("message"u8, error.Message);
            if (error.Data is { } data)
            {
                w.WritePropertyName("data"u8);
                data.WriteTo(w);
            }

            w.WriteEndObject();
        });

    private bool Send(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new PooledBuffer(4096);
        try
        {
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0");
            writeMembers(writer);
            writer.WriteEndObject();
        }
        catch
        {
            buffer.Return();
            throw;
        }

        if (!_outgoing.Writer.TryWrite(buffer))
        {
            buffer.Return();
            _log.Log(RpcLogLevel.Debug, "A message was dropped: the connection has closed.");
            return false;
        }

        return true;
    }

    private sealed record HandlerEntry(bool Mutating, bool IsRequest, Func<JsonElement?, CancellationToken, Task<Action<Utf8JsonWriter>?>> Invoke);

    private sealed record Incoming(string Method, JsonElement? Params, RequestId? Id, CancellationTokenSource? Cancellation);
}
