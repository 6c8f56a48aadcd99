using System.Text;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Cache;

/// <summary>
/// Reads what <see cref="CacheWriter"/> wrote. The bytes come from a file anyone can damage, so every read is
/// bounds-checked and anything malformed throws <see cref="InvalidDataException"/>, which the caches take as a miss.
/// </summary>
public ref struct CacheReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _offset;

    /// <summary>A reader at the start of <paramref name="bytes"/>.</summary>
    public CacheReader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>True when every byte has been read.</summary>
    public readonly bool AtEnd => _offset == _bytes.Length;

    /// <summary>How far into the bytes the reader is.</summary>
    public readonly int Offset => _offset;

    /// <summary>One byte.</summary>
    public byte ReadByte()
    {
        if (_offset >= _bytes.Length)
        {
            throw Damaged();
        }

        return _bytes[_offset++];
    }

    /// <summary>A flag.</summary>
    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        _ => throw Damaged(),
    };

    /// <summary>A non-negative integer written by <see cref="CacheWriter.WriteCount"/>.</summary>
    public int ReadCount()
    {
        ulong value = ReadUnsigned();
        return value <= int.MaxValue ? (int)value : throw Damaged();
    }

    /// <summary>
    /// A count of items each at least <paramref name="minBytesEach"/> bytes long: a damaged count larger than the
    /// bytes left could hold is caught here, before anything is allocated for it.
    /// </summary>
    public int ReadCount(int minBytesEach)
    {
        int count = ReadCount();
        return (long)count * Math.Max(minBytesEach, 1) <= _bytes.Length - _offset ? count : throw Damaged();
    }

    /// <summary>An integer written by <see cref="CacheWriter.WriteInt"/>.</summary>
    public int ReadInt()
    {
        ulong value = ReadUnsigned();
        if (value > uint.MaxValue)
        {
            throw Damaged();
        }

        uint zigzag = (uint)value;
        return (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
    }

    /// <summary>A 64-bit value written by <see cref="CacheWriter.WriteUInt64"/>.</summary>
    public ulong ReadUInt64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A string or null.</summary>
    public string? ReadString()
    {
        int count = ReadCount();
        if (count == 0)
        {
            return null;
        }

        var bytes = Take(count - 1);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("The cache holds text that is not UTF-8.", e);
        }
    }

    /// <summary>A string that cannot be null.</summary>
    public string ReadRequiredString() => ReadString() ?? throw Damaged();

    /// <summary>Raw bytes written by <see cref="CacheWriter.WriteBytes"/>.</summary>
    public ReadOnlySpan<byte> ReadBytes() => Take(ReadCount());

    /// <summary>A position.</summary>
    public Position ReadPosition()
    {
        int line = ReadInt();
        int character = ReadInt();
        return new Position(line, character);
    }

    /// <summary>A range.</summary>
    public TextRange ReadRange()
    {
        var start = ReadPosition();
        int lines = ReadInt();
        int character = ReadInt();
        return new TextRange(start, new Position(start.Line + lines, character));
    }

    /// <summary>An enum value stored as a byte, checked against <paramref name="count"/> defined values.</summary>
    public int ReadTag(int count)
    {
        byte tag = ReadByte();
        return tag < count ? tag : throw Damaged();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static InvalidDataException Damaged() => new("The cache is damaged or truncated.");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _bytes.Length - _offset)
        {
            throw Damaged();
        }

        var span = _bytes.Slice(_offset, count);
        _offset += count;
        return span;
    }

    private ulong ReadUnsigned()
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

        throw Damaged();
    }
}
