using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;

namespace SpecLsp.Protocol.JsonRpc;

/// <summary>Writes Content-Length framed message bodies to a pipe. Not thread-safe: one writer loop owns it.</summary>
public sealed class MessageWriter
{
    private readonly PipeWriter _output;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    public MessageWriter(PipeWriter output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>Writes one frame (header and <paramref name="body"/>) and flushes it.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        WriteHeader(body.Length);
        _output.Write(body.Span);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the output.</summary>
    public ValueTask CompleteAsync() => _output.CompleteAsync();

    private void WriteHeader(int length)
    {
        var span = _output.GetSpan(64);
        "Content-Length: "u8.CopyTo(span);
        int written = "Content-Length: "u8.Length;
        Utf8Formatter.TryFormat(length, span[written..], out int digits);
        written += digits;
        "\r\n\r\n"u8.CopyTo(span[written..]);
        _output.Advance(written + 4);
    }
}
