using System.Collections.Concurrent;
using System.Collections.Immutable;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Workspace;

/// <summary>Progress of a workspace scan.</summary>
/// <param name="Done">Files indexed so far.</param>
/// <param name="Total">Files found.</param>
public readonly record struct IndexProgress(int Done, int Total);

/// <summary>Reads and indexes spec files. Only the compact <see cref="FileIndex"/> outlives each parse.</summary>
public static class WorkspaceIndexer
{
    /// <summary>Reads, parses and indexes one file of <paramref name="workspace"/>.</summary>
    public static FileIndex IndexFile(IWorkspace workspace, string path, CancellationToken cancellationToken = default) =>
        IndexFile(workspace, path, hash: false, cancellationToken).Entry;

    // The entry, and the hash of the text it was made from when asked (for the index cache).
    private static (FileIndex Entry, UInt128 Hash) IndexFile(IWorkspace workspace, string path, bool hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var read = workspace.ReadFile(path);
        if (read.Text is null)
        {
            return (FileIndex.Unreadable(path, read.Error ?? "The file cannot be read."), default);
        }

        var entry = FileIndex.Create(path, SpecParser.ParseForIndex(SourceText.From(read.Text), cancellationToken), workspace.Roots);
        return (entry, hash ? ContentHash.Of(read.Text) : default);
    }

    /// <summary>
    /// Indexes every spec of <paramref name="workspace"/> on up to <paramref name="parallelism"/> threads (default:
    /// the processor count) and returns <paramref name="start"/> with their disk entries set and marked complete.
    /// </summary>
    public static WorkspaceIndex IndexAll(
        IWorkspace workspace,
        WorkspaceIndex? start = null,
        IProgress<IndexProgress>? progress = null,
        int parallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var files = IndexFiles(workspace, workspace.EnumerateSpecFiles(cancellationToken).ToList(), progress, parallelism, cancellationToken);
        return (start ?? WorkspaceIndex.Create(workspace)).WithDiskFiles(files).AsComplete();
    }

    /// <summary>
    /// Indexes <paramref name="paths"/> of <paramref name="workspace"/> on up to <paramref name="parallelism"/> threads
    /// (default: the processor count), for a scan of part of the workspace (a workspace folder just added).
    /// </summary>
    public static IReadOnlyCollection<FileIndex> IndexFiles(
        IWorkspace workspace,
        IReadOnlyList<string> paths,
        IProgress<IndexProgress>? progress = null,
        int parallelism = 0,
        CancellationToken cancellationToken = default) =>
        Scan(workspace, paths, cache: null, progress, parallelism, cancellationToken).Entries;

    // The cache's entries, or none when reading it fails in any way: the scan then parses every file, as without one.
    private static Dictionary<string, IndexCache.Hit> LookUp(IndexCache cache, IWorkspace workspace, IReadOnlyList<string> paths, ParallelOptions options, out int records)
    {
        try
        {
            return cache.Lookup(workspace, paths, options, out records);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            records = -1;
            return [];
        }
    }

    /// <summary>
    /// Indexes <paramref name="paths"/> as <see cref="IndexFiles"/> does, taking the entries of files whose text is
    /// unchanged from <paramref name="cache"/> instead of parsing them; <see cref="IndexScan.SaveCache"/> then
    /// writes the cache for the next session when anything changed.
    /// </summary>
    public static IndexScan Scan(
        IWorkspace workspace,
        IReadOnlyList<string> paths,
        IndexCache? cache,
        IProgress<IndexProgress>? progress = null,
        int parallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(workspace);
        workspace = workspace.ForScan();
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount,
        };
        progress?.Report(new IndexProgress(0, paths.Count));
        int records = -1;
        var hits = cache is null ? [] : LookUp(cache, workspace, paths, options, out records);
        var results = new ConcurrentBag<(FileIndex Entry, UInt128 Hash)>();
        int done = 0;
        Parallel.ForEach(paths, options, path =>
        {
            results.Add(hits.TryGetValue(path, out var hit) ? (hit.Entry, hit.Hash) : IndexFile(workspace, path, hash: cache is not null, cancellationToken));
            int count = Interlocked.Increment(ref done);
            if (progress is not null && (count % 100 == 0 || count == paths.Count))
            {
                progress.Report(new IndexProgress(count, paths.Count));
            }
        });

        // Unchanged when every readable file came from the cache (an unreadable one has no entry in it) and the cache
        // held no file that is gone.
        int readable = results.Count(r => r.Entry.UnreadableReason is null);
        bool unchanged = hits.Count == readable && records == readable;
        return new IndexScan([.. results.Select(r => r.Entry)], hits.Count, cache, unchanged ? null : results);
    }
}

/// <summary>The entries of a scan, how many came from the index cache, and the cache to write for the next session.</summary>
public sealed class IndexScan
{
    private readonly IndexCache? _cache;
    private IReadOnlyCollection<(FileIndex Entry, UInt128 Hash)>? _toSave;

    internal IndexScan(IReadOnlyCollection<FileIndex> entries, int fromCache, IndexCache? cache, IReadOnlyCollection<(FileIndex Entry, UInt128 Hash)>? toSave)
    {
        Entries = entries;
        FromCache = fromCache;
        _cache = cache;
        _toSave = toSave;
        CacheWasCurrent = cache is not null && toSave is null;
    }

    /// <summary>Every file's entry.</summary>
    public IReadOnlyCollection<FileIndex> Entries { get; }

    /// <summary>How many entries came from the cache unparsed.</summary>
    public int FromCache { get; }

    /// <summary>True when the cache held every readable file unchanged and nothing else: <see cref="SaveCache"/> does not write it.</summary>
    public bool CacheWasCurrent { get; }

    /// <summary>
    /// Writes the cache when the scan found anything it did not hold (or it held files that are gone), else marks it
    /// used. Once; false when there is no cache or it could not be written.
    /// </summary>
    public bool SaveCache()
    {
        if (_cache is null)
        {
            return false;
        }

        var toSave = Interlocked.Exchange(ref _toSave, null);
        if (toSave is null)
        {
            _cache.Touch();
            return true;
        }

        return _cache.Save(toSave);
    }
}
