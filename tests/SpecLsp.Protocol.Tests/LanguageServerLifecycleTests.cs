using System.Diagnostics;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Protocol.Tests.TestSupport;

namespace SpecLsp.Protocol.Tests;

public sealed class LanguageServerLifecycleTests
{
    private const string InitializeParams = """{"processId":null,"capabilities":{}}""";

    [Fact]
    public async Task Request_BeforeInitialize_AnswersServerNotInitialized()
    {
        await using var peer = Start(out _);

        await peer.RequestAsync(1, "test/echo", """{"text":"x"}""");

        Assert.Equal(ErrorCodes.ServerNotInitialized, await peer.ReadErrorCodeAsync(1));
    }

    [Fact]
    public async Task Notification_BeforeInitialize_Dropped()
    {
        await using var peer = Start(out _, out var notified);

        await peer.NotifyAsync("test/note", """{"text":"early"}""");
        await peer.RequestAsync(1, Methods.Initialize, InitializeParams);
        await peer.ReadResultAsync(1);
        await peer.NotifyAsync("test/note", """{"text":"late"}""");
        await peer.RequestAsync(2, "test/echo", """{"text":"x"}""");
        await peer.ReadResultAsync(2);

        Assert.Equal(["late"], notified);
    }

    [Fact]
    public async Task Request_AfterInitialize_Served()
    {
        await using var peer = Start(out _);

        await peer.RequestAsync(1, Methods.Initialize, InitializeParams);
        await peer.ReadResultAsync(1);
        await peer.RequestAsync(2, "test/echo", """{"text":"x"}""");

        Assert.Equal("x", (await peer.ReadResultAsync(2)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Initialize_Twice_AnswersInvalidRequest()
    {
        await using var peer = Start(out _);

        await peer.RequestAsync(1, Methods.Initialize, InitializeParams);
        await peer.ReadResultAsync(1);
        await peer.RequestAsync(2, Methods.Initialize, InitializeParams);

        Assert.Equal(ErrorCodes.InvalidRequest, await peer.ReadErrorCodeAsync(2));
    }

    [Fact]
    public async Task Request_AfterShutdown_AnswersInvalidRequest()
    {
        await using var peer = Start(out _);

        await peer.RequestAsync(1, Methods.Initialize, InitializeParams);
        await peer.ReadResultAsync(1);
        await peer.RequestAsync(2, Methods.Shutdown);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await peer.ReadResultAsync(2)).ValueKind);
        await peer.RequestAsync(3, "test/echo", """{"text":"x"}""");

        Assert.Equal(ErrorCodes.InvalidRequest, await peer.ReadErrorCodeAsync(3));
    }

    [Fact]
    public async Task Exit_AfterShutdown_ExitCodeZeroAndConnectionStops()
    {
        await using var peer = Start(out var lifecycle);

        await peer.RequestAsync(1, Methods.Initialize, InitializeParams);
        await peer.ReadResultAsync(1);
        await peer.RequestAsync(2, Methods.Shutdown);
        await peer.ReadResultAsync(2);
        await peer.NotifyAsync(Methods.Exit);

        Assert.Equal(0, await lifecycle.Exited.WaitAsync(RpcPeer.Timeout));
        await peer.Running.WaitAsync(RpcPeer.Timeout);
    }

    [Fact]
    public async Task Exit_WithoutShutdown_ExitCodeOne()
    {
        await using var peer = Start(out var lifecycle);

        await peer.RequestAsync(1, Methods.Initialize, InitializeParams);
        await peer.ReadResultAsync(1);
        await peer.NotifyAsync(Methods.Exit);

        Assert.Equal(1, await lifecycle.Exited.WaitAsync(RpcPeer.Timeout));
    }

    [Fact]
    public async Task Exit_BeforeInitialize_ExitCodeOne()
    {
        await using var peer = Start(out var lifecycle);

        await peer.NotifyAsync(Methods.Exit);

        Assert.Equal(1, await lifecycle.Exited.WaitAsync(RpcPeer.Timeout));
    }

    [Fact]
    public async Task ClientProcess_Dies_LifecycleExits()
    {
        using var client = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        await using var peer = Start(out var lifecycle);

        await peer.RequestAsync(1, Methods.Initialize, $"{{\"processId\":{client.Id},\"capabilities\":{{}}}}");
        await peer.ReadResultAsync(1);
        await Task.Delay(300);
        Assert.False(lifecycle.Exited.IsCompleted);
        client.Kill();
        await client.WaitForExitAsync().WaitAsync(RpcPeer.Timeout);

        Assert.Equal(1, await lifecycle.Exited.WaitAsync(RpcPeer.Timeout));
    }

    [Theory]
    [InlineData(null, "utf-16")]
    [InlineData(new string[0], "utf-16")]
    [InlineData(new[] { "utf-8", "utf-16" }, "utf-8")]
    [InlineData(new[] { "utf-16", "utf-8" }, "utf-16")]
    [InlineData(new[] { "utf-32", "utf-8" }, "utf-8")]
    [InlineData(new[] { "utf-32" }, "utf-16")]
    public void NegotiatePositionEncoding_ClientOffer_PicksFirstSupported(string[]? offered, string expected)
    {
        Assert.Equal(expected, LanguageServerLifecycle.NegotiatePositionEncoding(offered));
    }

    [Fact]
    public async Task Initialize_ClientOffersUtf8First_EncodingNegotiated()
    {
        await using var peer = Start(out var lifecycle);

        await peer.RequestAsync(1, Methods.Initialize, """{"processId":null,"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}""");

        Assert.Equal("utf-8", (await peer.ReadResultAsync(1)).GetProperty("capabilities").GetProperty("positionEncoding").GetString());
        Assert.Equal(PositionEncodingKind.UTF8, lifecycle.PositionEncoding);
    }

    private static RpcPeer Start(out LanguageServerLifecycle lifecycle) => Start(out lifecycle, out _);

    private static RpcPeer Start(out LanguageServerLifecycle lifecycle, out List<string> notified)
    {
        var json = LspJsonContext.Default;
        var test = TestJsonContext.Default;
        var peer = new RpcPeer();
        var life = new LanguageServerLifecycle(peer.Connection) { ProcessPollInterval = TimeSpan.FromMilliseconds(50) };
        var notes = new List<string>();
        peer.Connection.AddRequestHandler(Methods.Initialize, true, json.InitializeParams, json.InitializeResult, (p, _) =>
            Task.FromResult(new InitializeResult { Capabilities = new ServerCapabilities { PositionEncoding = life.Initialize(p) } }));
        peer.Connection.AddRequestHandler(Methods.Shutdown, true, _ =>
        {
            life.Shutdown();
            return Task.CompletedTask;
        });
        peer.Connection.AddNotificationHandler(Methods.Exit, true, _ =>
        {
            life.Exit();
            return Task.CompletedTask;
        });
        peer.Connection.AddRequestHandler("test/echo", false, test.EchoParams, test.EchoResult, (p, _) => Task.FromResult(new EchoResult(p.Text)));
        peer.Connection.AddNotificationHandler("test/note", true, test.EchoParams, (p, _) =>
        {
            notes.Add(p.Text);
            return Task.CompletedTask;
        });
        peer.Start();
        lifecycle = life;
        notified = notes;
        return peer;
    }
}
