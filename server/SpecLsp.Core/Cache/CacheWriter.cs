using System.Text;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Cache;

/// <summary>
/// Writes the compact binary form the caches keep on disk: unsigned LEB128 integers, UTF-8 strings with their
/// length, positions and ranges as a few small integers. Read back with <see cref="CacheReader"/>, in the same order.
/// </summary>
public sealed class CacheWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>An empty writer.</summary>
    public CacheWriter(int capacity = 4096) => _buffer = new byte[Math.Max(capacity, 16)];

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>How many bytes were written.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>One byte.</summary>
    public void WriteByte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    /// <summary>A flag.</summary>
    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>A non-negative integer in as few bytes as it needs (1 below 128).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a negative value.</exception>
    public void WriteCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        WriteUnsigned((ulong)value);
    }

    /// <summary>Any integer, small magnitudes in few bytes (zigzag, then <see cref="WriteCount"/>'s form).</summary>
    public void WriteInt(int value) => WriteUnsigned((ulong)(uint)((value << 1) ^ (value >> 31)));

    /// <summary>A 64-bit value in eight bytes.</summary>
    public void WriteUInt64(ulong value)
    {
        Reserve(8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>A string or null, as its UTF-8 bytes after their count (plus one; zero is null).</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteUnsigned(0);
            return;
        }

        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 64)
        {
            // Short strings, the usual case: encode in place after a one-byte count.
            Reserve(max + 1);
            int written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 1));
            _buffer[_length] = (byte)(written + 1);
            _length += written + 1;
            return;
        }

        int count = Encoding.UTF8.GetByteCount(value);
        WriteUnsigned((ulong)count + 1);
        Reserve(count);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>Raw bytes, after their count.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCount(bytes.Length);
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>A position.</summary>
    public void WritePosition(Position position)
    {
        WriteInt(position.Line);
        WriteInt(position.Character);
    }

    /// <summary>A range: its start, then its end relative to the start's line (ranges rarely span lines).</summary>
    public void WriteRange(TextRange range)
    {
        WritePosition(range.Start);
        WriteInt(range.End.Line - range.Start.Line);
        WriteInt(range.End.Character);
    }

    private void WriteUnsigned(ulong value)
    {
        Reserve(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    private void Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
