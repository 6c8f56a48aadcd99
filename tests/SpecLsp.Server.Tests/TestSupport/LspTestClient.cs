using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Hosting;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>A response as the client saw it.</summary>
public sealed record LspResponse(JsonElement Result, int? ErrorCode, string? ErrorMessage)
{
    public bool IsError => ErrorCode is not null;
}

/// <summary>
/// A small LSP client for end-to-end tests, speaking to the server in-process over two cross-wired pipes or
/// to the real <c>speclsp</c> process over its stdin/stdout. It answers the server's requests, keeps every
/// notification, and turns pushed diagnostics into awaitable values. Every wait has a timeout, so a broken
/// server fails a test instead of hanging it. Feature tests (completion, hover, code actions) use
/// <see cref="RequestAsync{TParams,TResult}"/> with the Protocol's source-generated types.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Capabilities of a modern client that only takes pushed diagnostics.</summary>
    public const string DefaultCapabilities = """
        {"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true},"publishDiagnostics":{"versionSupport":true,"relatedInformation":true}},
         "workspace":{"configuration":true},"general":{"positionEncodings":["utf-16"]}}
        """;

    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly MessageReader _reader;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<LspResponse>> _pending = new();
    private readonly List<(string Method, JsonElement Params)> _notifications = [];
    private readonly Task _readLoop;
    private readonly Process? _process;
    private readonly StringBuilder _stderr = new();
    private TaskCompletionSource _notified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId = 1000;
    private Task<IServiceProvider>? _services;

    private LspTestClient(Stream output, PipeReader input, Task<int> serverExit, Process? process)
    {
        _output = output;
        _reader = new MessageReader(input, log: FramingLog);
        ServerExit = serverExit;
        _process = process;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>What the client's frame reader complained about: anything here means the server wrote a bad frame.</summary>
    public FramingLog FramingLog { get; } = new();

    /// <summary>Completes with the server's exit code.</summary>
    public Task<int> ServerExit { get; }

    /// <summary>Answers the server's requests (method, params) with a JSON result; by default null, and nulls for workspace/configuration.</summary>
    public Func<string, JsonElement, string>? ServerRequestHandler { get; set; }

    /// <summary>What the process wrote to stderr so far (real process only).</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the server in this process over two pipes; <paramref name="configure"/> may replace services.</summary>
    public static LspTestClient StartInProcess(Action<IServiceCollection>? configure = null)
    {
        var toServer = new Pipe();
        var fromServer = new Pipe();
        var services = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Task.Run(() => ServerHost.RunAsync(toServer.Reader, fromServer.Writer, configure, services.SetResult));
        return new LspTestClient(toServer.Writer.AsStream(), fromServer.Reader, server, null) { _services = services.Task };
    }

    /// <summary>The in-process server's services, to inspect its state.</summary>
    public async Task<T> GetServiceAsync<T>()
        where T : notnull =>
        (await (_services ?? throw new InvalidOperationException("Only the in-process server exposes its services.")).WaitAsync(Timeout)).GetRequiredService<T>();

    /// <summary>Starts the real <c>speclsp</c> with <paramref name="args"/> and speaks to it over its stdin/stdout.</summary>
    public static LspTestClient StartProcess(params string[] args)
    {
        var process = SpeclspProcess.Start(args);
        var client = new LspTestClient(process.StandardInput.BaseStream, PipeReader.Create(process.StandardOutput.BaseStream), WaitForExitAsync(process), process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (client._stderr)
            {
                client._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return client;
    }

    public async Task<InitializeResult> InitializeAsync(string capabilities = DefaultCapabilities, int? processId = null)
    {
        string pid = processId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        var response = await RequestAsync(Methods.Initialize, $$$"""{"processId":{{{pid}}},"rootUri":null,"capabilities":{{{capabilities}}}}""");
        Assert.False(response.IsError, response.ErrorMessage);
        await NotifyAsync(Methods.Initialized, "{}");
        return response.Result.Deserialize(LspJsonContext.Default.InitializeResult)!;
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync(Methods.TextDocumentDidOpen, Serialize(
            new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = uri, LanguageId = "markdown", Version = version, Text = text } },
            LspJsonContext.Default.DidOpenTextDocumentParams));

    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        NotifyAsync(Methods.TextDocumentDidChange, Serialize(
            new DidChangeTextDocumentParams { TextDocument = new VersionedTextDocumentIdentifier { Uri = uri, Version = version }, ContentChanges = changes },
            LspJsonContext.Default.DidChangeTextDocumentParams));

    public Task CloseAsync(string uri) =>
        NotifyAsync(Methods.TextDocumentDidClose, $$$"""{"textDocument":{"uri":"{{{uri}}}"}}""");

    /// <summary>Sends shutdown then exit and returns the exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        var response = await RequestAsync(Methods.Shutdown);
        Assert.False(response.IsError, response.ErrorMessage);
        await NotifyAsync(Methods.Exit);
        return await ServerExit.WaitAsync(Timeout);
    }

    /// <summary>Sends a request with raw JSON params (null: no params member) and awaits the response.</summary>
    public async Task<LspResponse> RequestAsync(string method, string? @params = null)
    {
        long id = Interlocked.Increment(ref _nextId);
        var response = ExpectResponse(id);
        await SendAsync(@params is null
            ? $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{@params}}}""");
        return await response;
    }

    /// <summary>Sends a typed request; throws on an error response.</summary>
    public async Task<TResult?> RequestAsync<TParams, TResult>(string method, TParams @params, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType)
    {
        var response = await RequestAsync(method, Serialize(@params, paramsType));
        if (response.IsError)
        {
            throw new JsonRpcException(response.ErrorCode!.Value, response.ErrorMessage ?? string.Empty);
        }

        return response.Result.Deserialize(resultType);
    }

    /// <summary>Registers interest in the response to a request this test writes itself (with <see cref="SendAsync"/>).</summary>
    public Task<LspResponse> ExpectResponse(long id)
    {
        var completion = _pending.GetOrAdd(id, _ => new TaskCompletionSource<LspResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        return completion.Task.WaitAsync(Timeout);
    }

    public Task NotifyAsync(string method, string? @params = null) =>
        SendAsync(@params is null
            ? $$"""{"jsonrpc":"2.0","method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{@params}}}""");

    /// <summary>Frames <paramref name="json"/> and sends it.</summary>
    public Task SendAsync(string json) => SendRawAsync(Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}"));

    /// <summary>Sends bytes as they are: garbage frames, split frames.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync(Timeout);
        try
        {
            await _output.WriteAsync(bytes).AsTask().WaitAsync(Timeout);
            await _output.FlushAsync().WaitAsync(Timeout);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the server's input, as an editor that dies does.</summary>
    public async Task CloseInputAsync()
    {
        await _output.FlushAsync();
        _output.Close();
    }

    /// <summary>The notifications of <paramref name="method"/> received so far.</summary>
    public IReadOnlyList<JsonElement> Notifications(string method)
    {
        lock (_notifications)
        {
            return [.. _notifications.Where(n => n.Method == method).Select(n => n.Params)];
        }
    }

    /// <summary>
    /// Waits for a notification of <paramref name="method"/> matching <paramref name="predicate"/>, received before or
    /// after the call, skipping the first <paramref name="skip"/> of that method (see <see cref="Notifications"/>).
    /// </summary>
    public async Task<JsonElement> WaitForNotificationAsync(string method, Func<JsonElement, bool>? predicate = null, int skip = 0)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            Task signal;
            lock (_notifications)
            {
                int seen = 0;
                foreach (var (m, p) in _notifications)
                {
                    if (m == method && seen++ >= skip && (predicate is null || predicate(p)))
                    {
                        return p;
                    }
                }

                signal = _notified.Task;
            }

            try
            {
                await signal.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {method} notification matched within {Timeout}. Server stderr:\n{StandardError}");
            }
        }
    }

    /// <summary>The pushed diagnostics for <paramref name="uri"/> (at <paramref name="version"/> when given).</summary>
    public async Task<PublishDiagnosticsParams> WaitForDiagnosticsAsync(string uri, int? version = null)
    {
        var json = await WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p =>
            p.GetProperty("uri").GetString() == uri
            && (version is null || (p.TryGetProperty("version", out var v) && v.GetInt32() == version)));
        return json.Deserialize(LspJsonContext.Default.PublishDiagnosticsParams)!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _output.Close();
        }
        catch (IOException)
        {
        }

        if (_process is not null)
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
        else
        {
            try
            {
                await ServerExit.WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                // The test itself reports what went wrong; disposal must not hang.
            }
        }

        try
        {
            await _readLoop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }

        _writeLock.Dispose();
    }

    public static string Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private static async Task<int> WaitForExitAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _reader.ReadAsync() is { } body)
            {
                using var document = JsonDocument.Parse(body);
                Dispatch(document.RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The server closed its output."));
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        bool hasMethod = message.TryGetProperty("method", out var method);
        bool hasId = message.TryGetProperty("id", out var id);
        if (hasMethod && hasId)
        {
            _ = AnswerServerRequestAsync(id, method.GetString()!, message.TryGetProperty("params", out var p) ? p : default);
        }
        else if (hasMethod)
        {
            lock (_notifications)
            {
                _notifications.Add((method.GetString()!, message.TryGetProperty("params", out var p) ? p : default));
                _notified.TrySetResult();
                _notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number)
        {
            var response = message.TryGetProperty("error", out var error)
                ? new LspResponse(default, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString())
                : new LspResponse(message.GetProperty("result"), null, null);
            _pending.GetOrAdd(id.GetInt64(), _ => new TaskCompletionSource<LspResponse>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(response);
        }
        else
        {
            // Responses with id null (parse errors) are kept as notifications so tests can await them.
            lock (_notifications)
            {
                _notifications.Add(("(response without id)", message));
                _notified.TrySetResult();
                _notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private async Task AnswerServerRequestAsync(JsonElement id, string method, JsonElement @params)
    {
        string result = ServerRequestHandler?.Invoke(method, @params) ?? DefaultAnswer(method, @params);
        await SendAsync($$$"""{"jsonrpc":"2.0","id":{{{id.GetRawText()}}},"result":{{{result}}}}""");
    }

    private static string DefaultAnswer(string method, JsonElement @params) =>
        method == Methods.WorkspaceConfiguration
            ? "[" + string.Join(",", Enumerable.Repeat("null", @params.GetProperty("items").GetArrayLength())) + "]"
            : "null";
}

/// <summary>Records framing problems the test client's reader saw.</summary>
public sealed class FramingLog : IRpcLog
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public void Log(RpcLogLevel level, string message, Exception? exception = null)
    {
        if (level >= RpcLogLevel.Warning)
        {
            lock (_problems)
            {
                _problems.Add(message);
            }
        }
    }
}
