using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Cache;

/// <summary>
/// The language server's index of a workspace as it was when the last scan landed, kept on disk so the next session
/// parses only the files whose text changed. An entry is used only when its file's text hashes as it did (the
/// modification time is not trusted), and only when the build that wrote it is this one; links are resolved afresh.
/// Every failure to read or write it makes the scan parse, as without a cache.
/// </summary>
public sealed class IndexCache
{
    /// <summary>The kind of cache file.</summary>
    public const string Kind = "index";

    /// <summary>The environment variable that turns the cache off (any non-empty value but <c>0</c>).</summary>
    public const string DisableVariable = "SPECLSP_NO_CACHE";

    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    private readonly string _key;

    private IndexCache(string file, string key) => (File, _key) = (file, key);

    /// <summary>The cache file.</summary>
    public string File { get; }

    /// <summary>The cache of the workspace with <paramref name="roots"/> in <paramref name="directory"/>.</summary>
    public static IndexCache For(string directory, ImmutableArray<string> roots)
    {
        string key = "roots\n" + string.Join('\n', roots);
        return new IndexCache(CacheFile.PathFor(directory, Kind, key), key);
    }

    /// <summary>The cache in the default folder, or null when it is turned off or there is no folder for it.</summary>
    public static IndexCache? Default(ImmutableArray<string> roots, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return IsDisabled(environment) || CacheDirectory.Default(environment) is not { } directory ? null : For(directory, roots);
    }

    /// <summary>True when <c>SPECLSP_NO_CACHE</c> turns the caches off.</summary>
    public static bool IsDisabled(Func<string, string?> environment) =>
        environment(DisableVariable) is { Length: > 0 } value && value != "0";

    /// <summary>
    /// The cached entries of those <paramref name="paths"/> of <paramref name="workspace"/> whose text is unchanged, by
    /// path, each read back against the workspace's roots; an empty result when there is no usable cache. The cache is
    /// read on this thread while <paramref name="options"/>' threads read each file it holds, hash its text and, when
    /// it is unchanged, decode the entry.
    /// </summary>
    /// <param name="workspace">Where the files are read.</param>
    /// <param name="paths">The files.</param>
    /// <param name="options">How many threads read and decode.</param>
    /// <param name="records">How many entries the cache held; -1 when it could not be read.</param>
    public Dictionary<string, Hit> Lookup(IWorkspace workspace, IReadOnlyList<string> paths, ParallelOptions options, out int records)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        records = -1;
        if (!System.IO.File.Exists(File))
        {
            return new Dictionary<string, Hit>(WorkspacePaths.Comparer);
        }

        var wanted = paths.ToHashSet(WorkspacePaths.Comparer);
        var found = new ConcurrentDictionary<string, Hit>(WorkspacePaths.Comparer);
        bool damaged = false;
        int count = 0;
        bool complete;
        using (var queue = new BlockingCollection<Candidate>(boundedCapacity: 256))
        {
            var roots = workspace.Roots;
            int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
            var decoders = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
            {
                foreach (var candidate in queue.GetConsumingEnumerable())
                {
                    try
                    {
                        if (!options.CancellationToken.IsCancellationRequested && workspace.HashFile(candidate.Path) == candidate.Hash)
                        {
                            found[candidate.Path] = new Hit(candidate.Hash, FileIndexCodec.Read(candidate.Payload.AsSpan(0, candidate.Length), candidate.Path, roots));
                        }
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // Damaged bytes (InvalidDataException), or anything else a bad entry could cause: the cache is
                        // not used at all, and the scan parses every file as without one.
                        Volatile.Write(ref damaged, true);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(candidate.Payload);
                    }
                }
            })).ToArray();

            try
            {
                complete = CacheFile.TryRead(File, Kind, _key, (path, hash, payload) =>
                {
                    count++;
                    if (wanted.Contains(path))
                    {
                        var copy = ArrayPool<byte>.Shared.Rent(payload.Length);
                        payload.CopyTo(copy);
                        queue.Add(new Candidate(path, hash, copy, payload.Length));
                    }
                });
            }
            finally
            {
                queue.CompleteAdding();
                Task.WaitAll(decoders);
            }
        }

        options.CancellationToken.ThrowIfCancellationRequested();

        // Only a whole, intact file vouches for what was read from it.
        if (!complete || damaged)
        {
            return new Dictionary<string, Hit>(WorkspacePaths.Comparer);
        }

        records = count;
        return new Dictionary<string, Hit>(found, WorkspacePaths.Comparer);
    }

    /// <summary>
    /// Writes <paramref name="entries"/> (every readable file of the scan with its text hash) in place of the cache,
    /// and removes caches nobody has used for a month. False when it could not be written (the old one then stays).
    /// </summary>
    public bool Save(IEnumerable<(FileIndex Entry, UInt128 Hash)> entries, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        try
        {
            using (var writer = CacheFile.Create(File, Kind, _key))
            {
                var payload = new CacheWriter(16 << 10);
                foreach (var (entry, hash) in entries)
                {
                    if (entry.UnreadableReason is null)
                    {
                        payload.Clear();
                        FileIndexCodec.Write(payload, entry);
                        writer.Add(entry.Path, hash, payload.Written);
                    }
                }

                writer.Commit();
            }

            Prune(Path.GetDirectoryName(File)!, now ?? DateTime.UtcNow);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Marks the cache as used now, so that <see cref="Prune"/> keeps a cache that is read every day but never needs writing.</summary>
    public void Touch()
    {
        try
        {
            System.IO.File.SetLastWriteTimeUtc(File, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Only the pruning reads the time.
        }
    }

    /// <summary>Removes the cache files of <paramref name="directory"/> not written or read for <see cref="MaxAge"/>, and temporary files a day old.</summary>
    public static void Prune(string directory, DateTime now)
    {
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            var age = now - file.LastWriteTimeUtc;
            bool stale = file.Extension switch
            {
                ".bin" => age > MaxAge,
                ".tmp" => age > TimeSpan.FromDays(1),
                _ => false,
            };
            if (stale)
            {
                try
                {
                    file.Delete();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another process may be using it; the next prune tries again.
                }
            }
        }
    }

    private readonly record struct Candidate(string Path, UInt128 Hash, byte[] Payload, int Length);

    /// <summary>A cached entry whose file's text is unchanged.</summary>
    /// <param name="Hash">The text's hash.</param>
    /// <param name="Entry">The entry.</param>
    public readonly record struct Hit(UInt128 Hash, FileIndex Entry);
}
