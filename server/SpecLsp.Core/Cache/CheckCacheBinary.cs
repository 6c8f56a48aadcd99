using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Cache;

/// <summary>A file's text as <c>speclsp check</c>'s cache knows it: SHA-256 of its UTF-16 code units, the first 16 bytes.</summary>
/// <param name="High">The first 8 bytes.</param>
/// <param name="Low">The next 8 bytes.</param>
public readonly record struct CheckContentHash(ulong High, ulong Low)
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static CheckContentHash Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return new CheckContentHash(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
    }
}

// The check cache's own primitives (the server's index cache has its own in this folder): variable-length integers,
// and strings written once per entry and referred back to after, since an entry repeats its own path and codes.
internal sealed class CheckCacheWriter
{
    private readonly MemoryStream _stream;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    public CheckCacheWriter(MemoryStream stream) => _stream = stream;

    /// <summary>Starts an entry: strings are referred back to within one entry only, so each reads alone.</summary>
    public void StartEntry() => _strings.Clear();

    public void WriteByte(byte value) => _stream.WriteByte(value);

    public void WriteBool(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    public void WriteUInt(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }

    public void WriteInt(int value) => WriteUInt((ulong)(uint)((value << 1) ^ (value >> 31)));

    public void WriteUInt64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        _stream.Write(bytes);
    }

    public void WriteDouble(double value) => WriteUInt64((ulong)BitConverter.DoubleToInt64Bits(value));

    // 0 null, 1 a new string, 2 + n the entry's n-th string.
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteUInt(0);
            return;
        }

        if (_strings.TryGetValue(value, out int index))
        {
            WriteUInt((ulong)index + 2);
            return;
        }

        _strings[value] = _strings.Count;
        WriteUInt(1);
        int length = Encoding.UTF8.GetByteCount(value);
        WriteUInt((ulong)length);
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, buffer);
        _stream.Write(buffer);
    }

    public void WriteRange(TextRange range)
    {
        WriteInt(range.Start.Line);
        WriteInt(range.Start.Character);
        WriteInt(range.End.Line - range.Start.Line);
        WriteInt(range.End.Character);
    }
}

/// <summary>Thrown for any cache bytes that do not read as what was written; the caller then ignores the cache.</summary>
internal sealed class CheckCacheFormatException() : Exception("The check cache is not in the expected format.");

internal sealed class CheckCacheReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly List<string> _strings = [];
    private int _position;

    public CheckCacheReader(ReadOnlyMemory<byte> bytes, int position = 0) => (_bytes, _position) = (bytes, position);

    public int Position => _position;

    public bool AtEnd => _position >= _bytes.Length;

    public void StartEntry() => _strings.Clear();

    public byte ReadByte() => _position < _bytes.Length ? _bytes.Span[_position++] : throw new CheckCacheFormatException();

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        _ => throw new CheckCacheFormatException(),
    };

    public ulong ReadUInt()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new CheckCacheFormatException();
    }

    public int ReadInt()
    {
        ulong raw = ReadUInt();
        if (raw > uint.MaxValue)
        {
            throw new CheckCacheFormatException();
        }

        uint value = (uint)raw;
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    /// <summary>A count of items that each take at least one byte: never more than the bytes left.</summary>
    public int ReadCount()
    {
        ulong count = ReadUInt();
        return count <= (ulong)(_bytes.Length - _position) ? (int)count : throw new CheckCacheFormatException();
    }

    public ulong ReadUInt64()
    {
        var span = Take(8);
        return BinaryPrimitives.ReadUInt64LittleEndian(span);
    }

    public double ReadDouble() => BitConverter.Int64BitsToDouble((long)ReadUInt64());

    public string? ReadString()
    {
        ulong tag = ReadUInt();
        if (tag == 0)
        {
            return null;
        }

        if (tag >= 2)
        {
            return tag - 2 < (ulong)_strings.Count ? _strings[(int)(tag - 2)] : throw new CheckCacheFormatException();
        }

        var span = Take(ReadCount());
        string value;
        try
        {
            value = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw new CheckCacheFormatException();
        }

        _strings.Add(value);
        return value;
    }

    public string ReadRequiredString() => ReadString() ?? throw new CheckCacheFormatException();

    public TextRange ReadRange()
    {
        int line = ReadInt();
        int character = ReadInt();
        int lines = ReadInt();
        int endCharacter = ReadInt();
        return new TextRange(new Position(line, character), new Position(line + lines, endCharacter));
    }

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > _bytes.Length - _position)
        {
            throw new CheckCacheFormatException();
        }

        var span = _bytes.Span.Slice(_position, length);
        _position += length;
        return span;
    }

    public void Skip(int length) => Take(length);
}
