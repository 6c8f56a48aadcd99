using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;

namespace SpecLsp.Protocol.JsonRpc;

/// <summary>
/// Reads Content-Length framed message bodies from a pipe. Headers are parsed on bytes. Bad frames are
/// logged and skipped: an oversized or wrong-charset body is discarded as it streams past without being
/// buffered, and a header block without a usable Content-Length makes the reader resynchronise on the next
/// <c>Content-Length:</c> it sees.
/// </summary>
public sealed class MessageReader
{
    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> ContentLengthName => "Content-Length"u8;

    private static ReadOnlySpan<byte> ContentTypeName => "Content-Type"u8;

    private static ReadOnlySpan<byte> ResyncMarker => "content-length:"u8;

    private readonly PipeReader _input;
    private readonly JsonRpcOptions _options;
    private readonly IRpcLog _log;
    private long _skipRemaining;
    private long _bodyLength = -1;
    private bool _resyncing;

    /// <summary>Creates a reader over <paramref name="input"/>.</summary>
    public MessageReader(PipeReader input, JsonRpcOptions? options = null, IRpcLog? log = null)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _options = options ?? new JsonRpcOptions();
        _log = log ?? NullRpcLog.Instance;
    }

    /// <summary>The next message body, or null when the input has ended.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            byte[]? body = Parse(ref buffer);
            _input.AdvanceTo(buffer.Start, body is null ? buffer.End : buffer.Start);
            if (body is not null)
            {
                return body;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                if (!buffer.IsEmpty || _bodyLength >= 0)
                {
                    _log.Log(RpcLogLevel.Warning, "The input ended inside a frame; the partial frame was dropped.");
                }

                await _input.CompleteAsync().ConfigureAwait(false);
                return null;
            }
        }
    }

    private byte[]? Parse(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            if (_skipRemaining > 0)
            {
                long n = Math.Min(_skipRemaining, buffer.Length);
                buffer = buffer.Slice(n);
                _skipRemaining -= n;
                if (_skipRemaining > 0)
                {
                    return null;
                }
            }

            if (_bodyLength >= 0)
            {
                if (buffer.Length < _bodyLength)
                {
                    return null;
                }

                byte[] body = buffer.Slice(0, _bodyLength).ToArray();
                buffer = buffer.Slice(_bodyLength);
                _bodyLength = -1;
                return body;
            }

            if (_resyncing && !Resync(ref buffer))
            {
                return null;
            }

            var reader = new SequenceReader<byte>(buffer);
            if (!reader.TryReadTo(out ReadOnlySequence<byte> headerBlock, HeaderTerminator))
            {
                if (buffer.Length > _options.MaxHeaderLength)
                {
                    _log.Log(RpcLogLevel.Warning, $"No end of headers in {buffer.Length} bytes; resynchronising.");
                    buffer = buffer.Slice(1);
                    _resyncing = true;
                    continue;
                }

                return null;
            }

            byte[] header = headerBlock.ToArray();
            var info = ParseHeader(header);
            if (info.ContentLength is not { } length)
            {
                _log.Log(RpcLogLevel.Warning, $"A frame without a valid Content-Length header was skipped: \"{Printable(header)}\".");
                // An empty block (a stray blank line) has nothing after its first byte to search.
                int later = header.Length > 1 ? IndexOfIgnoreCase(header.AsSpan(1), ResyncMarker) : -1;
                if (later >= 0)
                {
                    // Garbage in front of a real header on the same block: restart at the real one.
                    buffer = buffer.Slice(1 + later);
                }
                else
                {
                    buffer = reader.UnreadSequence;
                    _resyncing = true;
                }

                continue;
            }

            buffer = reader.UnreadSequence;
            if (length > _options.MaxContentLength)
            {
                _log.Log(RpcLogLevel.Warning, $"A frame of {length} bytes exceeds the limit of {_options.MaxContentLength} and was skipped.");
                _skipRemaining = length;
                continue;
            }

            if (info.UnsupportedCharset is { } charset)
            {
                _log.Log(RpcLogLevel.Warning, $"A frame in charset '{charset}' was skipped: only utf-8 is supported.");
                _skipRemaining = length;
                continue;
            }

            _bodyLength = length;
        }
    }

    private bool Resync(ref ReadOnlySequence<byte> buffer)
    {
        // Rare path (garbage on the wire), so a copy is fine.
        byte[] bytes = buffer.ToArray();
        int index = IndexOfIgnoreCase(bytes, ResyncMarker);
        if (index < 0)
        {
            buffer = buffer.Slice(Math.Max(0, bytes.Length - (ResyncMarker.Length - 1)));
            return false;
        }

        buffer = buffer.Slice(index);
        _resyncing = false;
        return true;
    }

    private static HeaderInfo ParseHeader(ReadOnlySpan<byte> header)
    {
        long? length = null;
        bool invalidLength = false;
        string? badCharset = null;
        while (!header.IsEmpty)
        {
            int end = header.IndexOf("\r\n"u8);
            var line = end < 0 ? header : header[..end];
            header = end < 0 ? default : header[(end + 2)..];
            int colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim((byte)' ');
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, ContentLengthName))
            {
                if (Utf8Parser.TryParse(value, out long n, out int consumed) && consumed == value.Length && n >= 0)
                {
                    length = n;
                }
                else
                {
                    invalidLength = true;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, ContentTypeName))
            {
                badCharset = UnsupportedCharset(value);
            }
        }

        return new HeaderInfo(invalidLength ? null : length, badCharset);
    }

    private static string? UnsupportedCharset(ReadOnlySpan<byte> contentType)
    {
        int index = IndexOfIgnoreCase(contentType, "charset="u8);
        if (index < 0)
        {
            return null;
        }

        var value = contentType[(index + "charset="u8.Length)..];
        int semicolon = value.IndexOf((byte)';');
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        value = value.Trim((byte)' ').Trim((byte)'"');
        return Ascii.EqualsIgnoreCase(value, "utf-8"u8) || Ascii.EqualsIgnoreCase(value, "utf8"u8) ? null : Printable(value);
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        return text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private readonly record struct HeaderInfo(long? ContentLength, string? UnsupportedCharset);
}
