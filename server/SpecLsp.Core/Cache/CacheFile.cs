using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SpecLsp.Core.Cache;

/// <summary>One entry of a cache file as it is read: the file it is about, that file's text hash, and the payload.</summary>
/// <param name="path">The file the entry describes.</param>
/// <param name="hash">The <see cref="ContentHash"/> of its text when the entry was written.</param>
/// <param name="payload">What the cache keeps of it; valid only during the call.</param>
public delegate void CacheEntryHandler(string path, UInt128 hash, ReadOnlySpan<byte> payload);

/// <summary>
/// A cache file: a header (format, kind, the key it was written for, the build that wrote it), then one record per
/// file, then a checksum of everything before it. Read and written as a stream, one record at a time, so the cache
/// never needs its whole size in memory. Written to a temporary file renamed over the old one, so a reader sees the
/// old file or the new one, never half of one.
/// </summary>
public static class CacheFile
{
    private const int FormatVersion = 1;
    private const int MaxRecordLength = 64 << 20;
    private static ReadOnlySpan<byte> Magic => "SPECLSPC"u8;

    /// <summary>The file in <paramref name="directory"/> for a cache of <paramref name="kind"/> written for <paramref name="key"/>.</summary>
    public static string PathFor(string directory, string kind, string key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return Path.Combine(directory, $"{kind}-{Convert.ToHexStringLower(digest[..8])}.bin");
    }

    /// <summary>
    /// Reads every record of <paramref name="file"/> into <paramref name="onEntry"/>. False when the file is missing,
    /// unreadable, of another format, kind, key or build, truncated or damaged: then the records passed so far must be
    /// dropped, since only a true result vouches for them (the checksum is checked at the end).
    /// </summary>
    public static bool TryRead(string file, string kind, string key, CacheEntryHandler onEntry)
    {
        ArgumentNullException.ThrowIfNull(onEntry);
        try
        {
            using var records = new RecordReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16));
            var header = records.Next(out bool ok);
            if (!ok || !HeaderMatches(header, kind, key))
            {
                return false;
            }

            while (true)
            {
                var record = records.Next(out ok);
                if (!ok)
                {
                    return false;
                }

                if (record.IsEmpty)
                {
                    return records.ChecksumMatches();
                }

                var reader = new CacheReader(record);
                string path = reader.ReadRequiredString();
                var hash = ContentHash.Read(ref reader);
                onEntry(path, hash, reader.ReadBytes());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Starts writing a cache of <paramref name="kind"/> for <paramref name="key"/> to <paramref name="file"/> (through a temporary file).</summary>
    /// <exception cref="IOException">When the folder cannot be created or written.</exception>
    public static CacheFileWriter Create(string file, string kind, string key) => new(file, Header(kind, key));

    private static bool HeaderMatches(ReadOnlySpan<byte> header, string kind, string key)
    {
        var reader = new CacheReader(header);
        if (!reader.ReadBytes().SequenceEqual(Magic) || reader.ReadCount() != FormatVersion)
        {
            return false;
        }

        return reader.ReadString() == kind && reader.ReadString() == key && reader.ReadString() == CacheDirectory.BuildIdentity && reader.AtEnd;
    }

    private static byte[] Header(string kind, string key)
    {
        var writer = new CacheWriter(256);
        writer.WriteBytes(Magic);
        writer.WriteCount(FormatVersion);
        writer.WriteString(kind);
        writer.WriteString(key);
        writer.WriteString(CacheDirectory.BuildIdentity);
        return writer.Written.ToArray();
    }

    // A record is its length (four bytes), then its bytes; length 0 ends the records, and the first eight bytes of
    // the SHA-256 of everything before them end the file.
    private sealed class RecordReader(Stream stream) : IDisposable
    {
        private readonly IncrementalHash _checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);

        // The next record (valid until the next call), or null at a truncated or malformed one.
        public ReadOnlySpan<byte> Next(out bool ok)
        {
            ok = false;
            Span<byte> prefix = stackalloc byte[4];
            if (stream.ReadAtLeast(prefix, 4, throwOnEndOfStream: false) < 4)
            {
                return default;
            }

            _checksum.AppendData(prefix);
            int length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
            if (length < 0 || length > MaxRecordLength)
            {
                return default;
            }

            if (length > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(length);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var record = _buffer.AsSpan(0, length);
            if (stream.ReadAtLeast(record, length, throwOnEndOfStream: false) < length)
            {
                return default;
            }

            _checksum.AppendData(record);
            ok = true;
            return record;
        }

        public bool ChecksumMatches()
        {
            Span<byte> stored = stackalloc byte[8];
            if (stream.ReadAtLeast(stored, 8, throwOnEndOfStream: false) < 8 || stream.ReadByte() != -1)
            {
                return false;
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            _checksum.GetHashAndReset(digest);
            return digest[..8].SequenceEqual(stored);
        }

        public void Dispose()
        {
            stream.Dispose();
            _checksum.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    /// <summary>Writes the records of one cache file; nothing replaces the old file until <see cref="Commit"/>.</summary>
    public sealed class CacheFileWriter : IDisposable
    {
        private readonly string _file;
        private readonly string _temporary;
        private readonly FileStream _stream;
        private readonly IncrementalHash _checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly CacheWriter _record = new(8192);
        private bool _committed;

        internal CacheFileWriter(string file, byte[] header)
        {
            _file = file;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            _temporary = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
            Append(header);
        }

        /// <summary>Adds the record of <paramref name="path"/>, whose text hashed to <paramref name="hash"/>.</summary>
        public void Add(string path, UInt128 hash, ReadOnlySpan<byte> payload)
        {
            _record.Clear();
            _record.WriteString(path);
            ContentHash.Write(_record, hash);
            _record.WriteBytes(payload);
            Append(_record.Written);
        }

        /// <summary>Ends the file and puts it in place of the old one.</summary>
        public void Commit()
        {
            Append([]);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            _checksum.GetHashAndReset(digest);
            _stream.Write(digest[..8]);
            _stream.Flush(flushToDisk: false);
            _stream.Dispose();
            File.Move(_temporary, _file, overwrite: true);
            _committed = true;
        }

        /// <summary>Removes the temporary file unless it was committed.</summary>
        public void Dispose()
        {
            _stream.Dispose();
            _checksum.Dispose();
            if (!_committed)
            {
                try
                {
                    File.Delete(_temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A temporary file left behind is only litter; the cache itself is intact.
                }
            }
        }

        private void Append(ReadOnlySpan<byte> record)
        {
            Span<byte> prefix = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(prefix, record.Length);
            _stream.Write(prefix);
            _checksum.AppendData(prefix);
            _stream.Write(record);
            _checksum.AppendData(record);
        }
    }
}
