using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SpecLsp.Core.Cache;

/// <summary>
/// What a cache entry is keyed on: the first 128 bits of the SHA-256 of a file's decoded text. A file whose text is
/// unchanged is not parsed again, whatever its modification time says (a checkout or a save may touch it without a
/// change, and a copy may keep the time of a different text).
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static UInt128 Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), digest);
        return new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }

    /// <summary>Writes <paramref name="hash"/>.</summary>
    public static void Write(CacheWriter writer, UInt128 hash)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64((ulong)(hash >> 64));
        writer.WriteUInt64((ulong)hash);
    }

    /// <summary>Reads a hash written by <see cref="Write"/>.</summary>
    public static UInt128 Read(ref CacheReader reader)
    {
        ulong upper = reader.ReadUInt64();
        ulong lower = reader.ReadUInt64();
        return new UInt128(upper, lower);
    }
}
