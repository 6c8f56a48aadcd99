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
    private readonly ConcurrentDictionary<string, string> _sentRequests = new(StringComparer.Ordinal);
    private readonly List<MetaModelViolation> _violations = [];
    private readonly ConcurrentDictionary<string, int> _validated = new(StringComparer.Ordinal);
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

    /// <summary>
    /// Where a message the server sent does not match the LSP 3.17 meta-model (see <see cref="MetaModelValidator"/>):
    /// results of requests this client sent, error responses, notifications and the server's own requests.
    /// <see cref="DisposeAsync"/> fails the test when there is any, unless <see cref="ExpectProtocolViolations"/> is set.
    /// </summary>
    public IReadOnlyList<MetaModelViolation> ProtocolViolations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>
    /// How many messages were checked against the meta-model, keyed "method result", "method params" (a notification
    /// or server request) or "error"; methods the meta-model does not define (speclsp/..., custom $/...) are not counted.
    /// </summary>
    public IReadOnlyDictionary<string, int> ValidatedMessages => new Dictionary<string, int>(_validated, StringComparer.Ordinal);

    /// <summary>Set by a test that checks <see cref="ProtocolViolations"/> itself, so disposal does not fail it.</summary>
    public bool ExpectProtocolViolations { get; set; }

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
    public static LspTestClient StartProcess(params string[] args) => StartProcess(environment: null, args);

    /// <summary>Starts the real <c>speclsp</c> with <paramref name="args"/> and <paramref name="environment"/> over the test defaults.</summary>
    public static LspTestClient StartProcess(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var process = SpeclspProcess.Start(args, environment);
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
    public Task SendAsync(string json)
    {
        RememberRequest(json);
        return SendRawAsync(Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}"));
    }

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

        var violations = ProtocolViolations;
        if (violations.Count > 0 && !ExpectProtocolViolations)
        {
            throw new Xunit.Sdk.XunitException(
                $"The server sent {violations.Count} message part(s) that do not match the LSP {MetaModelValidator.Default.Version} meta-model:\n"
                + string.Join("\n", violations.Take(30)) + (violations.Count > 30 ? $"\n... and {violations.Count - 30} more" : string.Empty));
        }
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
        CheckConformance(message);
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

    // The method of each request this client sends, by its id's JSON text, to validate the result the server answers.
    private void RememberRequest(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String
                && root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String)
            {
                _sentRequests[id.GetRawText()] = method.GetString()!;
            }
        }
        catch (JsonException)
        {
            // A deliberately malformed message: the server must answer it with an error, which is checked as one.
        }
    }

    private void CheckConformance(JsonElement message)
    {
        var validator = MetaModelValidator.Default;
        IReadOnlyList<MetaModelViolation>? found;
        string key;
        if (message.ValueKind != JsonValueKind.Object)
        {
            Record([new("message", $"a JSON-RPC message must be an object, got {message.ValueKind}")]);
            return;
        }

        var envelope = new List<MetaModelViolation>();
        if (!message.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            envelope.Add(new("message", "missing \"jsonrpc\": \"2.0\""));
        }

        bool hasMethod = message.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String;
        bool hasId = message.TryGetProperty("id", out var id);
        bool hasParams = message.TryGetProperty("params", out var @params);
        if (hasMethod)
        {
            string name = method.GetString()!;
            found = hasId ? validator.ValidateRequestParams(name, @params, hasParams) : validator.ValidateNotificationParams(name, @params, hasParams);
            key = name + " params";
            if (hasId && id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                envelope.Add(new(key, $"a request id must be an integer or a string, got {id.ValueKind}"));
            }
        }
        else
        {
            bool hasResult = message.TryGetProperty("result", out var result);
            bool hasError = message.TryGetProperty("error", out var error);
            if (!hasId || id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
            {
                envelope.Add(new("response", "a response must carry an id (integer, string, or null)"));
            }

            if (hasResult == hasError)
            {
                envelope.Add(new("response", "a response must carry exactly one of 'result' and 'error'"));
            }

            string? requested = hasId && _sentRequests.TryGetValue(id.GetRawText(), out string? m) ? m : null;
            if (hasError)
            {
                found = validator.ValidateResponseError(error, (requested ?? "response") + " error");
                key = "error";
            }
            else if (requested is not null)
            {
                found = validator.ValidateResult(requested, result, hasResult);
                key = requested + " result";
            }
            else
            {
                // A result for a request this client framed by hand (SendRawAsync) or never sent: nothing to compare to.
                found = null;
                key = "response";
            }
        }

        if (envelope.Count > 0)
        {
            Record(envelope);
        }

        if (found is not null)
        {
            _validated.AddOrUpdate(key, 1, (_, n) => n + 1);
            Record(found);
        }
    }

    private void Record(IReadOnlyList<MetaModelViolation> found)
    {
        if (found.Count == 0)
        {
            return;
        }

        lock (_violations)
        {
            _violations.AddRange(found);
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
