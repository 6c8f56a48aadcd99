using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Protocol.Tests.TestSupport;

/// <summary>
/// The other end of a <see cref="JsonRpcConnection"/> under test, over two in-memory pipes: writes raw
/// bytes or framed JSON into the connection and reads the frames it writes back. Every wait has a timeout.
/// </summary>
internal sealed class RpcPeer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly MessageReader _reader;
    private Task? _run;

    public RpcPeer(JsonRpcOptions? options = null, IRpcLog? log = null)
    {
        Log = log as RecordingLog ?? new RecordingLog();
        Connection = new JsonRpcConnection(_toServer.Reader, _fromServer.Writer, options, log ?? Log);
        _reader = new MessageReader(_fromServer.Reader);
    }

    public JsonRpcConnection Connection { get; }

    public RecordingLog Log { get; }

    public Task Running => _run ?? throw new InvalidOperationException("Not started.");

    public void Start() => _run = Connection.RunAsync();

    public async Task SendRawAsync(string text) => await SendRawAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _toServer.Writer.WriteAsync(bytes).AsTask().WaitAsync(Timeout);
    }

    public Task SendAsync(string json) => SendRawAsync(Frame(json));

    public static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    public Task RequestAsync(int id, string method, string? @params = null) =>
        SendAsync(@params is null
            ? $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{@params}}}""");

    public Task NotifyAsync(string method, string? @params = null) =>
        SendAsync(@params is null
            ? $$"""{"jsonrpc":"2.0","method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{@params}}}""");

    /// <summary>The next message the connection wrote.</summary>
    public async Task<JsonElement> ReadAsync()
    {
        var body = await _reader.ReadAsync().AsTask().WaitAsync(Timeout) ?? throw new InvalidOperationException("The connection closed its output.");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Null when the connection closes its output before writing anything else.</summary>
    public async Task<byte[]?> ReadBodyOrEndAsync() => await _reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>The error code of a response, asserting it answers <paramref name="id"/>.</summary>
    public async Task<int> ReadErrorCodeAsync(int? id)
    {
        var message = await ReadAsync();
        AssertId(message, id);
        return message.GetProperty("error").GetProperty("code").GetInt32();
    }

    public async Task<JsonElement> ReadResultAsync(int id)
    {
        var message = await ReadAsync();
        AssertId(message, id);
        Assert.False(message.TryGetProperty("error", out var error), $"Unexpected error: {error}");
        return message.GetProperty("result");
    }

    public async Task EndInputAsync() => await _toServer.Writer.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(Timeout);
        }

        await Connection.DisposeAsync();
    }

    private static void AssertId(JsonElement message, int? id)
    {
        var actual = message.GetProperty("id");
        if (id is null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        }
        else
        {
            Assert.Equal(id.Value, actual.GetInt32());
        }
    }
}

/// <summary>An <see cref="IRpcLog"/> that keeps what it is told.</summary>
internal sealed class RecordingLog : IRpcLog
{
    private readonly List<(RpcLogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(RpcLogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public void Log(RpcLogLevel level, string message, Exception? exception = null)
    {
        lock (_entries)
        {
            _entries.Add((level, message));
        }
    }

    public bool Contains(string fragment) => Entries.Any(e => e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
}
