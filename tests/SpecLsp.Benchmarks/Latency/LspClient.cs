using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpecLsp.Benchmarks.Latency;

/// <summary>
/// A minimal LSP client over a child process's pipes, as an editor talks to the server: Content-Length frames,
/// requests matched to responses by id, server requests answered with null, notifications handed to a callback
/// with the time they arrived.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _pending = new();
    private readonly Task _reader;
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _reader = Task.Run(async () =>
        {
            await ReadLoopAsync().ConfigureAwait(false);

            // The server is gone: nothing pending will be answered.
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var completion))
                {
                    completion.TrySetException(new IOException($"speclsp exited (code {(_process.HasExited ? _process.ExitCode : -1)}) before answering."));
                }
            }
        });
        // SPECLSP_BENCH_VERBOSE=1 passes the server's log on to ours (how many specs a scan indexed, how many the
        // cache gave); otherwise it is read and dropped, so that the pipe never fills.
        bool verbose = Environment.GetEnvironmentVariable("SPECLSP_BENCH_VERBOSE") == "1";
        process.ErrorDataReceived += (_, e) =>
        {
            if (verbose && e.Data is { } line)
            {
                Console.Error.WriteLine("server: " + line);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Called on the reader thread for each notification: method, params, arrival timestamp.</summary>
    public Action<string, JsonElement, long>? Notification { get; set; }

    public int ProcessId => _process.Id;

    /// <summary>The number of items in the last answer whose result was an array, else -1: tells an empty answer from a real one.</summary>
    public int LastResultLength { get; private set; } = -1;

    /// <summary>Starts <paramref name="server"/>: a <c>speclsp.dll</c> with <c>dotnet</c>, anything else (the apphost
    /// of a self-contained publish) directly, as the editor extension does.</summary>
    public static LspClient Start(string server, string workingDirectory)
    {
        bool dll = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        return dll ? Start("dotnet", [server], workingDirectory) : Start(server, [], workingDirectory);
    }

    /// <summary>Starts any stdio language server: <paramref name="fileName"/> with <paramref name="arguments"/>.</summary>
    public static LspClient Start(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new LspClient(Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start"));
    }

    /// <summary>
    /// Sends a request and completes once its answer has been read and parsed, with the timestamp at which the
    /// last byte of the answer had arrived (before the driver's own JSON parse of it).
    /// </summary>
    public async Task<long> RequestAsync(string method, JsonNode? @params, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        if (_reader.IsCompleted)
        {
            throw new IOException("speclsp has exited.");
        }

        await SendAsync(Message(method, @params, id)).ConfigureAwait(false);
        return await completion.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    public Task NotifyAsync(string method, JsonNode? @params) => SendAsync(Message(method, @params, id: null));

    // A message without parameters (shutdown, exit) has no "params" member: "params": null breaks the specification,
    // and a strict server (rumdl) answers it with InvalidParams.
    private static JsonObject Message(string method, JsonNode? @params, int? id)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0" };
        if (id is { } value)
        {
            message["id"] = value;
        }

        message["method"] = method;
        if (@params is not null)
        {
            message["params"] = @params;
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                await NotifyAsync("exit", null).ConfigureAwait(false);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or IOException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reader.ConfigureAwait(false);
        _process.Dispose();
        _writeLock.Dispose();
    }

    private async Task SendAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        var buffer = new byte[1 << 16];
        int filled = 0;
        while (true)
        {
            int headerEnd;
            while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (!await FillAsync())
                {
                    return;
                }
            }

            int length = ContentLength(Encoding.ASCII.GetString(buffer, 0, headerEnd));
            int start = headerEnd + 4;
            if (buffer.Length < start + length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, start + length));
            }

            while (filled < start + length)
            {
                if (!await FillAsync())
                {
                    return;
                }
            }

            long arrived = Stopwatch.GetTimestamp();
            using (var document = JsonDocument.Parse(buffer.AsMemory(start, length)))
            {
                Dispatch(document.RootElement, arrived);
            }

            Buffer.BlockCopy(buffer, start + length, buffer, 0, filled - start - length);
            filled -= start + length;
        }

        async Task<bool> FillAsync()
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = await output.ReadAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
            filled += read;
            return read > 0;
        }
    }

    private static int ContentLength(string header)
    {
        foreach (var line in header.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidDataException("frame without Content-Length: " + header);
    }

    private void Dispatch(JsonElement message, long arrived)
    {
        bool hasMethod = message.TryGetProperty("method", out var method);
        bool hasId = message.TryGetProperty("id", out var id);
        if (!hasMethod && hasId)
        {
            if (_pending.TryRemove(id.GetInt32(), out var completion))
            {
                if (message.TryGetProperty("error", out var error))
                {
                    completion.SetException(new InvalidOperationException("LSP error: " + error.GetRawText()));
                }
                else
                {
                    // The answer is parsed (JsonDocument reads all of it) and let go: copying it out would measure the driver.
                    LastResultLength = message.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Array ? result.GetArrayLength() : -1;
                    completion.SetResult(arrived);
                }
            }

            return;
        }

        var @params = message.TryGetProperty("params", out var p) ? p.Clone() : default;
        if (hasId)
        {
            // workspace/configuration wants one answer per item; everything else the editor acknowledges with null.
            JsonNode? result = method.GetString() == "workspace/configuration" && @params.ValueKind == JsonValueKind.Object
                ? new JsonArray([.. @params.GetProperty("items").EnumerateArray().Select(_ => (JsonNode?)null)])
                : null;
            _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result });
            return;
        }

        Notification?.Invoke(method.GetString() ?? string.Empty, @params, arrived);
    }
}
