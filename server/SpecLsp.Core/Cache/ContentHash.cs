using System.Security.Cryptography;

namespace SpecLsp.Core.Cache;

/// <summary>
/// What a cache entry is keyed on: the first 128 bits of the SHA-256 of a file's text as UTF-8. A file whose text is
/// unchanged is not parsed again, whatever its modification time says (a checkout or a save may touch it without a
/// change, and a copy may keep the time of a different text). The same text gives the same hash from its decoded
/// string (<see cref="Of"/>) and from the file's bytes without a byte-order mark (<see cref="OfUtf8"/>), so a file
/// can be compared with its cache entry without being decoded.
/// </summary>
public static class ContentHash
{
    private const int Chunk = 4096;

    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static UInt128 Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = StrictUtf8.GetEncoder();
        Span<byte> bytes = stackalloc byte[Chunk * 3 + 4];
        var chars = text.AsSpan();
        while (!chars.IsEmpty)
        {
            var part = chars[..Math.Min(Chunk, chars.Length)];
            chars = chars[part.Length..];
            int written = encoder.GetBytes(part, bytes, flush: chars.IsEmpty);
            sha.AppendData(bytes[..written]);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        sha.GetHashAndReset(digest);
        return FromDigest(digest);
    }

    /// <summary>The hash of the text whose UTF-8 bytes (no byte-order mark) are <paramref name="utf8"/>.</summary>
    public static UInt128 OfUtf8(ReadOnlySpan<byte> utf8)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, digest);
        return FromDigest(digest);
    }

    // Lone surrogates (which no decoded file holds) become U+FFFD rather than an exception.
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static UInt128 FromDigest(ReadOnlySpan<byte> digest) => new(
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));

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
