using System.Collections.Concurrent;
using System.Text.Json;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Tests.TestSupport;

namespace SpecLsp.Protocol.Tests;

public sealed class JsonRpcConnectionTests
{
    private static readonly TestJsonContext Json = TestJsonContext.Default;

    [Fact]
    public async Task Request_KnownMethod_AnswersWithResult()
    {
        await using var peer = StartEcho();

        await peer.RequestAsync(1, "echo", """{"text":"hi"}""");

        Assert.Equal("hi", (await peer.ReadResultAsync(1)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Request_MetadataFactories_AskedForOnTheFirstMessageNotAtRegistration()
    {
        await using var peer = new RpcPeer();
        var asked = new ConcurrentQueue<string>();
        peer.Connection.AddRequestHandler(
            "echo",
            false,
            () => { asked.Enqueue("params"); return Json.EchoParams; },
            () => { asked.Enqueue("result"); return Json.EchoResult; },
            (p, _) => Task.FromResult(new EchoResult(p.Text)));
        peer.Connection.AddNotificationHandler("note", false, () => { asked.Enqueue("note"); return Json.EchoParams; }, (_, _) => Task.CompletedTask);
        peer.Start();
        string beforeAnyMessage = string.Join(",", asked);

        await peer.RequestAsync(1, "echo", """{"text":"lazy"}""");

        Assert.Equal("lazy", (await peer.ReadResultAsync(1)).GetProperty("text").GetString());
        Assert.Equal("", beforeAnyMessage);
        Assert.Equal("params,result", string.Join(",", asked));
    }

    [Fact]
    public async Task AddHandlersLater_FirstMessageWithoutHandler_RegistersOnceAndEveryMessageBehindWaitsInOrder()
    {
        await using var peer = new RpcPeer();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentQueue<string>();
        int registrations = 0;
        peer.Connection.AddRequestHandler("early", true, Json.EchoParams, Json.EchoResult, (p, _) => Task.FromResult(new EchoResult(p.Text)));
        peer.Connection.AddHandlersLater(async () =>
        {
            Interlocked.Increment(ref registrations);
            await release.Task;
            peer.Connection.AddNotificationHandler("note", true, Json.EchoParams, (p, _) =>
            {
                seen.Enqueue(p.Text);
                return Task.CompletedTask;
            });
            peer.Connection.AddRequestHandler("late", true, Json.EchoParams, Json.EchoResult, (p, _) =>
            {
                seen.Enqueue(p.Text);
                return Task.FromResult(new EchoResult(p.Text));
            });
        });
        peer.Start();

        await peer.RequestAsync(1, "early", """{"text":"now"}""");
        var early = await peer.ReadResultAsync(1);
        int registrationsBeforeANoteArrived = Volatile.Read(ref registrations);
        await peer.NotifyAsync("note", """{"text":"first"}""");
        await peer.RequestAsync(2, "early", """{"text":"behind the note"}""");
        await peer.RequestAsync(3, "late", """{"text":"second"}""");
        release.SetResult();

        Assert.Equal("now", early.GetProperty("text").GetString());
        Assert.Equal(0, registrationsBeforeANoteArrived);
        Assert.Equal("behind the note", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
        Assert.Equal("second", (await peer.ReadResultAsync(3)).GetProperty("text").GetString());
        Assert.Equal("first,second", string.Join(",", seen));
        Assert.Equal(1, registrations);
        Assert.Throws<InvalidOperationException>(() => peer.Connection.AddRequestHandler("after", false, Json.EchoParams, Json.EchoResult, (p, _) => Task.FromResult(new EchoResult(p.Text))));
    }

    [Fact]
    public async Task AddHandlersLater_HandlerAddedWhileRegistering_RunsOnlyOnceRegistrationCompletes()
    {
        await using var peer = new RpcPeer();
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatched = new SemaphoreSlim(0);
        peer.Connection.AddHandlersLater(() => registered.Task);
        peer.Start();

        // Added before its message arrives, but registration is still going on: the handler must not run yet.
        peer.Connection.AddRequestHandler("late", true, Json.EchoParams, Json.EchoResult, (p, _) =>
            Task.FromResult(new EchoResult(registered.Task.IsCompleted ? "after" : "during")));
        peer.Connection.Gate = (method, _) =>
        {
            if (method == "late")
            {
                dispatched.Release();
            }

            return null;
        };
        await peer.RequestAsync(1, "late", """{"text":"x"}""");
        Assert.True(await dispatched.WaitAsync(TimeSpan.FromSeconds(30)));
        await Task.Delay(100); // gives a handler found too early the time to run; the fixed code never does
        registered.SetResult();

        Assert.Equal("after", (await peer.ReadResultAsync(1)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task AddHandlersLater_RegistrationFails_WaitingRequestAnswersMethodNotFound()
    {
        await using var peer = new RpcPeer();
        peer.Connection.AddHandlersLater(() => Task.FromException(new InvalidOperationException("the services could not be built")));
        peer.Start();

        await peer.RequestAsync(1, "late", """{"text":"x"}""");

        Assert.Equal(ErrorCodes.MethodNotFound, await peer.ReadErrorCodeAsync(1));
    }

    [Fact]
    public async Task Request_StringId_AnswersWithSameStringId()
    {
        await using var peer = StartEcho();

        await peer.SendAsync("""{"jsonrpc":"2.0","id":"abc","method":"echo","params":{"text":"x"}}""");

        Assert.Equal("abc", (await peer.ReadAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Frame_UnparsableJson_AnswersParseErrorWithNullIdThenReadsNextFrame()
    {
        await using var peer = StartEcho();

        await peer.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,");
        await peer.RequestAsync(2, "echo", """{"text":"after"}""");

        Assert.Equal(ErrorCodes.ParseError, await peer.ReadErrorCodeAsync(null));
        Assert.Equal("after", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
        Assert.True(peer.Log.Contains("Unparsable JSON"));
    }

    [Theory]
    [InlineData("method")]
    [InlineData("id")]
    [InlineData("params")]
    public async Task Frame_InvalidUtf8InAString_AnswersParseErrorThenReadsNextFrame(string where)
    {
        // Found by the protocol fuzzer: reading such a method name threw out of the reader loop and ended the server.
        await using var peer = StartEcho();
        byte[] bad = [(byte)'"', 0xC5, 0x28, 0xFF, (byte)'"'];
        byte[] body = where switch
        {
            "method" => [.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"u8, .. bad, .. "}"u8],
            "id" => [.. "{\"jsonrpc\":\"2.0\",\"id\":"u8, .. bad, .. ",\"method\":\"echo\"}"u8],
            _ => [.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"text\":"u8, .. bad, .. "}}"u8],
        };

        await peer.SendRawAsync([.. System.Text.Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        await peer.RequestAsync(2, "echo", """{"text":"after"}""");

        Assert.Equal(ErrorCodes.ParseError, await peer.ReadErrorCodeAsync(null));
        Assert.Equal("after", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Frame_GarbageContentLengthThenValidRequest_ValidAnswer()
    {
        await using var peer = StartEcho();

        await peer.SendRawAsync("Content-Length: nope\r\n\r\n{\"jsonrpc\":\"2.0\"}");
        await peer.RequestAsync(2, "echo", """{"text":"ok"}""");

        Assert.Equal("ok", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("""{"jsonrpc":"2.0","id":3}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"echo"}""")]
    public async Task Message_NotAValidRequest_AnswersInvalidRequest(string json)
    {
        await using var peer = StartEcho();

        await peer.SendAsync(json);

        var message = await peer.ReadAsync();
        Assert.Equal(ErrorCodes.InvalidRequest, message.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Request_UnknownMethod_AnswersMethodNotFound()
    {
        await using var peer = StartEcho();

        await peer.RequestAsync(1, "nope");

        Assert.Equal(ErrorCodes.MethodNotFound, await peer.ReadErrorCodeAsync(1));
    }

    [Theory]
    [InlineData("""{"text":5}""")]
    [InlineData("""{"other":"x"}""")]
    [InlineData("[]")]
    [InlineData(null)]
    public async Task Request_BadParams_AnswersInvalidParams(string? @params)
    {
        await using var peer = StartEcho();

        await peer.RequestAsync(1, "echo", @params);

        Assert.Equal(ErrorCodes.InvalidParams, await peer.ReadErrorCodeAsync(1));
    }

    [Fact]
    public async Task Request_HandlerThrows_AnswersInternalErrorAndKeepsServing()
    {
        await using var peer = new RpcPeer();
        peer.Connection.AddRequestHandler("boom", false, Json.EchoParams, Json.EchoResult, (_, _) => throw new InvalidOperationException("kaput"));
        AddEcho(peer.Connection);
        peer.Start();

        await peer.RequestAsync(1, "boom", """{"text":"x"}""");
        await peer.RequestAsync(2, "echo", """{"text":"still here"}""");

        Assert.Equal(ErrorCodes.InternalError, await peer.ReadErrorCodeAsync(1));
        Assert.Equal("still here", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Request_HandlerThrowsJsonRpcException_AnswersItsCode()
    {
        await using var peer = new RpcPeer();
        peer.Connection.AddRequestHandler("modified", false, Json.EchoParams, Json.EchoResult, (_, _) => throw new JsonRpcException(ErrorCodes.ContentModified, "changed"));
        peer.Start();

        await peer.RequestAsync(1, "modified", """{"text":"x"}""");

        Assert.Equal(ErrorCodes.ContentModified, await peer.ReadErrorCodeAsync(1));
    }

    [Fact]
    public async Task Notification_HandlerThrows_LoggedAndNextMessageServed()
    {
        await using var peer = new RpcPeer();
        peer.Connection.AddNotificationHandler("fail", true, Json.EchoParams, (_, _) => throw new InvalidOperationException("kaput"));
        AddEcho(peer.Connection);
        peer.Start();

        await peer.NotifyAsync("fail", """{"text":"x"}""");
        await peer.RequestAsync(2, "echo", """{"text":"ok"}""");

        Assert.Equal("ok", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
        Assert.Contains(peer.Log.Entries, e => e.Level == RpcLogLevel.Error && e.Message.Contains("'fail'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notification_Unknown_IgnoredWithoutAnswerAndDollarOnesSilently()
    {
        await using var peer = StartEcho();

        await peer.NotifyAsync("custom/thing", "{}");
        await peer.NotifyAsync("$/setTrace", """{"value":"off"}""");
        await peer.RequestAsync(1, "echo", """{"text":"next"}""");

        Assert.Equal("next", (await peer.ReadResultAsync(1)).GetProperty("text").GetString());
        Assert.True(peer.Log.Contains("custom/thing"));
        Assert.False(peer.Log.Contains("$/setTrace"));
    }

    [Fact]
    public async Task CancelRequest_WhileHandlerRuns_AnswersRequestCancelled()
    {
        await using var peer = new RpcPeer();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connection.AddRequestHandler("wait", false, Json.EchoParams, Json.EchoResult, async (p, ct) =>
        {
            started.SetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, ct);
            return new EchoResult(p.Text);
        });
        peer.Start();

        await peer.RequestAsync(7, "wait", """{"text":"x"}""");
        await started.Task.WaitAsync(RpcPeer.Timeout);
        await peer.NotifyAsync("$/cancelRequest", """{"id":7}""");

        Assert.Equal(ErrorCodes.RequestCancelled, await peer.ReadErrorCodeAsync(7));
    }

    [Fact]
    public async Task CancelRequest_BeforeDispatch_AnswersRequestCancelledWithoutRunningHandler()
    {
        await using var peer = new RpcPeer();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int ran = 0;
        peer.Connection.AddNotificationHandler("block", true, Json.EchoParams, async (_, _) => await release.Task);
        peer.Connection.AddRequestHandler("count", false, Json.EchoParams, Json.EchoResult, (p, _) =>
        {
            Interlocked.Increment(ref ran);
            return Task.FromResult(new EchoResult(p.Text));
        });
        peer.Start();

        // The barrier holds "count" in the queue while its cancellation arrives.
        await peer.NotifyAsync("block", """{"text":"x"}""");
        await peer.RequestAsync(3, "count", """{"text":"x"}""");
        await peer.NotifyAsync("$/cancelRequest", """{"id":3}""");
        // The reader takes the cancellation while the barrier holds; give a busy machine ample time to read it.
        await Task.Delay(TimeSpan.FromSeconds(5));
        release.SetResult();

        Assert.Equal(ErrorCodes.RequestCancelled, await peer.ReadErrorCodeAsync(3));
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task MutatingNotification_FollowedByRequest_RequestSeesTheChange()
    {
        await using var peer = new RpcPeer();
        string state = "old";
        peer.Connection.AddNotificationHandler("set", true, Json.EchoParams, async (p, ct) =>
        {
            await Task.Delay(p.Delay, ct);
            state = p.Text;
        });
        peer.Connection.AddRequestHandler("get", false, Json.EchoParams, Json.EchoResult, (_, _) => Task.FromResult(new EchoResult(state)));
        peer.Start();

        await peer.NotifyAsync("set", """{"text":"new","delay":200}""");
        await peer.RequestAsync(1, "get", """{"text":""}""");

        Assert.Equal("new", (await peer.ReadResultAsync(1)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReadOnlyRequests_RunConcurrently()
    {
        await using var peer = new RpcPeer();
        var secondRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connection.AddRequestHandler("first", false, Json.EchoParams, Json.EchoResult, async (p, _) =>
        {
            // Finishes only once the later request has run: impossible if requests ran one at a time.
            await secondRan.Task;
            return new EchoResult("first");
        });
        peer.Connection.AddRequestHandler("second", false, Json.EchoParams, Json.EchoResult, (_, _) =>
        {
            secondRan.SetResult();
            return Task.FromResult(new EchoResult("second"));
        });
        peer.Start();

        await peer.RequestAsync(1, "first", """{"text":""}""");
        await peer.RequestAsync(2, "second", """{"text":""}""");

        Assert.Equal("second", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
        Assert.Equal("first", (await peer.ReadResultAsync(1)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Writer_ManyConcurrentSenders_FramesNeverInterleave()
    {
        await using var peer = StartEcho();
        const int senders = 8;
        const int perSender = 50;
        string big = new('x', 20_000);

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (int i = 0; i < perSender; i++)
            {
                peer.Connection.SendNotification($"note/{s}", $"{i}:{big}", Json.String);
            }
        })));

        var next = new int[senders];
        for (int n = 0; n < senders * perSender; n++)
        {
            var message = await peer.ReadAsync();
            int sender = int.Parse(message.GetProperty("method").GetString()!["note/".Length..]);
            string value = message.GetProperty("params").GetString()!;
            Assert.Equal($"{next[sender]++}:{big}", value);
        }
    }

    [Fact]
    public async Task Request_AnswersOfMegabytesInARow_EachArrivesWhole()
    {
        // Answers are written into pooled buffers that grow as they fill and go back to the pool once sent: a buffer
        // given back too early, or reused while still being written, would mix two answers.
        await using var peer = StartEcho();
        string[] texts = [.. Enumerable.Range(0, 4).Select(n => string.Concat(Enumerable.Range(0, 150_000 * (n + 1)).Select(i => (char)('a' + ((i + n) % 26)))))];

        for (int n = 0; n < texts.Length; n++)
        {
            await peer.RequestAsync(n + 1, "echo", JsonSerializer.Serialize(new EchoParams { Text = texts[n] }, Json.EchoParams));
        }

        for (int n = 0; n < texts.Length; n++)
        {
            Assert.Equal(texts[n], (await peer.ReadResultAsync(n + 1)).GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task SendRequest_PeerAnswers_ReturnsTypedResult()
    {
        await using var peer = StartEcho();

        var call = peer.Connection.SendRequestAsync("client/echo", new EchoParams { Text = "ping" }, Json.EchoParams, Json.EchoResult);
        var request = await peer.ReadAsync();
        Assert.Equal("client/echo", request.GetProperty("method").GetString());
        await peer.SendAsync($$$"""{"jsonrpc":"2.0","id":{{{request.GetProperty("id").GetRawText()}}},"result":{"text":"pong"}}""");

        Assert.Equal("pong", (await call.WaitAsync(RpcPeer.Timeout))!.Text);
    }

    [Fact]
    public async Task SendRequest_PeerAnswersError_ThrowsWithCode()
    {
        await using var peer = StartEcho();

        var call = peer.Connection.SendRequestAsync("client/echo", new EchoParams { Text = "ping" }, Json.EchoParams, Json.EchoResult);
        var request = await peer.ReadAsync();
        await peer.SendAsync($$$"""{"jsonrpc":"2.0","id":{{{request.GetProperty("id").GetRawText()}}},"error":{"code":-32601,"message":"no"}}""");

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => call.WaitAsync(RpcPeer.Timeout));
        Assert.Equal(ErrorCodes.MethodNotFound, error.Code);
    }

    [Fact]
    public async Task SendRequest_Cancelled_SendsCancelRequest()
    {
        await using var peer = StartEcho();
        using var cancellation = new CancellationTokenSource();

        var call = peer.Connection.SendRequestAsync("client/slow", new EchoParams { Text = "x" }, Json.EchoParams, Json.EchoResult, cancellation.Token);
        var request = await peer.ReadAsync();
        await cancellation.CancelAsync();

        var cancel = await peer.ReadAsync();
        Assert.Equal("$/cancelRequest", cancel.GetProperty("method").GetString());
        Assert.Equal(request.GetProperty("id").GetInt64(), cancel.GetProperty("params").GetProperty("id").GetInt64());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(RpcPeer.Timeout));
    }

    [Fact]
    public async Task SendRequest_AfterConnectionClosed_ThrowsInsteadOfHanging()
    {
        var peer = StartEcho();
        await peer.EndInputAsync();
        await peer.Running.WaitAsync(RpcPeer.Timeout);

        var call = peer.Connection.SendRequestAsync("client/echo", new EchoParams { Text = "x" }, Json.EchoParams, Json.EchoResult);

        await Assert.ThrowsAsync<JsonRpcException>(() => call.WaitAsync(RpcPeer.Timeout));
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task Run_InputEnds_CompletesAndClosesOutput()
    {
        var peer = StartEcho();

        await peer.EndInputAsync();

        await peer.Running.WaitAsync(RpcPeer.Timeout);
        Assert.Null(await peer.ReadBodyOrEndAsync());
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task Stop_WhileRunning_ReturnsWithoutInputEnding()
    {
        await using var peer = StartEcho();

        peer.Connection.Stop();

        await peer.Running.WaitAsync(RpcPeer.Timeout);
    }

    private static RpcPeer StartEcho()
    {
        var peer = new RpcPeer();
        AddEcho(peer.Connection);
        peer.Start();
        return peer;
    }

    private static void AddEcho(JsonRpcConnection connection) =>
        connection.AddRequestHandler("echo", false, Json.EchoParams, Json.EchoResult, (p, _) => Task.FromResult(new EchoResult(p.Text)));
}
