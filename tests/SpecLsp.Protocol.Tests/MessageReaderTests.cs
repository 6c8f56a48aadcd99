using System.IO.Pipelines;
using System.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Tests.TestSupport;

namespace SpecLsp.Protocol.Tests;

public sealed class MessageReaderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Read_FrameSplitIntoSingleBytes_ReassemblesBody()
    {
        var pipe = new Pipe();
        var reader = new MessageReader(pipe.Reader);
        var read = reader.ReadAsync().AsTask();
        foreach (byte b in Encoding.UTF8.GetBytes(RpcPeer.Frame("""{"a":"é😀"}""")))
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }

        Assert.Equal("""{"a":"é😀"}""", Encoding.UTF8.GetString((await read.WaitAsync(Timeout))!));
    }

    [Theory]
    [InlineData("\r\n\r\n")]
    [InlineData("\r\n\r\n\r\n\r\n")]
    [InlineData("x\r\n\r\n")]
    public async Task Read_EmptyOrOneByteHeaderBlock_SkippedAndTheNextFrameRead(string garbage)
    {
        // Found by the protocol fuzzer: an empty header block threw, which ended the reader and the server.
        var bodies = await ReadAllAsync(garbage + RpcPeer.Frame("{\"n\":1}"));

        Assert.Equal(["{\"n\":1}"], bodies);
    }

    [Fact]
    public async Task Read_SeveralFramesInOneBuffer_ReturnsEachInOrder()
    {
        var bodies = await ReadAllAsync(RpcPeer.Frame("{\"n\":1}") + RpcPeer.Frame("{\"n\":2}") + RpcPeer.Frame("{\"n\":3}"));

        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], bodies);
    }

    [Theory]
    [InlineData("application/vscode-jsonrpc; charset=utf-8")]
    [InlineData("application/vscode-jsonrpc; charset=utf8")]
    [InlineData("application/vscode-jsonrpc; charset=\"UTF-8\"")]
    [InlineData("application/vscode-jsonrpc")]
    public async Task Read_Utf8OrNoCharset_Accepted(string contentType)
    {
        var bodies = await ReadAllAsync($"Content-Length: 7\r\nContent-Type: {contentType}\r\n\r\n{{\"n\":1}}");

        Assert.Equal(["{\"n\":1}"], bodies);
    }

    [Fact]
    public async Task Read_ContentTypeBeforeLengthAndLowerCaseNames_Accepted()
    {
        var bodies = await ReadAllAsync("content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:7\r\n\r\n{\"n\":1}");

        Assert.Equal(["{\"n\":1}"], bodies);
    }

    [Fact]
    public async Task Read_OtherCharset_SkipsFrameAndLogs()
    {
        var log = new RecordingLog();
        var bodies = await ReadAllAsync("Content-Length: 7\r\nContent-Type: text/plain; charset=latin1\r\n\r\n{\"n\":1}" + RpcPeer.Frame("{\"n\":2}"), log: log);

        Assert.Equal(["{\"n\":2}"], bodies);
        Assert.True(log.Contains("latin1"));
    }

    [Fact]
    public async Task Read_BodyOverLimit_SkippedWithoutBufferingAndNextFrameRead()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4096, resumeWriterThreshold: 2048));
        var log = new RecordingLog();
        var reader = new MessageReader(pipe.Reader, new JsonRpcOptions { MaxContentLength = 1000 }, log);
        var read = reader.ReadAsync().AsTask();

        // 1 MB through a pipe that pauses writers at 4 KB: it only gets through if the reader drops it as it streams.
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes("Content-Length: 1000000\r\n\r\n")).AsTask().WaitAsync(Timeout);
        var chunk = new byte[1000];
        Array.Fill(chunk, (byte)'x');
        for (int i = 0; i < 1000; i++)
        {
            await pipe.Writer.WriteAsync(chunk).AsTask().WaitAsync(Timeout);
        }

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(RpcPeer.Frame("{\"n\":2}"))).AsTask().WaitAsync(Timeout);

        Assert.Equal("{\"n\":2}", Encoding.UTF8.GetString((await read.WaitAsync(Timeout))!));
        Assert.True(log.Contains("exceeds the limit"));
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n{\"n\":1}")]
    [InlineData("Content-Type: application/vscode-jsonrpc\r\n\r\n{\"n\":1}")]
    [InlineData("Content-Length: -5\r\n\r\n{\"n\":1}")]
    [InlineData("Content-Length: 12x\r\n\r\n{\"n\":1}")]
    [InlineData("garbage without any header\r\n\r\n")]
    public async Task Read_MissingOrBadContentLength_ResynchronisesOnNextHeader(string garbage)
    {
        var log = new RecordingLog();
        var bodies = await ReadAllAsync(garbage + RpcPeer.Frame("{\"n\":2}"), log: log);

        Assert.Equal(["{\"n\":2}"], bodies);
        Assert.True(log.Contains("without a valid Content-Length"));
    }

    [Fact]
    public async Task Read_GarbageGluedBeforeHeader_FindsTheHeader()
    {
        var bodies = await ReadAllAsync("xyz" + RpcPeer.Frame("{\"n\":2}"));

        Assert.Equal(["{\"n\":2}"], bodies);
    }

    [Fact]
    public async Task Read_EndlessHeaderWithoutTerminator_ResynchronisesOnNextHeader()
    {
        var bodies = await ReadAllAsync(new string('h', 20_000) + RpcPeer.Frame("{\"n\":2}"));

        Assert.Equal(["{\"n\":2}"], bodies);
    }

    [Fact]
    public async Task Read_InputEndsInsideBody_ReturnsNull()
    {
        var bodies = await ReadAllAsync("Content-Length: 100\r\n\r\n{\"n\":");

        Assert.Empty(bodies);
    }

    private static async Task<List<string>> ReadAllAsync(string input, JsonRpcOptions? options = null, RecordingLog? log = null)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(input));
        await pipe.Writer.CompleteAsync();
        var reader = new MessageReader(pipe.Reader, options, log);
        var bodies = new List<string>();
        while (await reader.ReadAsync().AsTask().WaitAsync(Timeout) is { } body)
        {
            bodies.Add(Encoding.UTF8.GetString(body));
        }

        return bodies;
    }
}
