using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    public static FileIndex IndexFile(IWorkspace workspace, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var read = workspace.ReadFile(path);
        if (read.Text is null)
        {
            return FileIndex.Unreadable(path, read.Error ?? "The file cannot be read.");
        }

        return FileIndex.Create(path, SpecParser.Parse(SourceText.From(read.Text), cancellationToken), workspace.Roots);
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
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(paths);
        var results = new ConcurrentBag<FileIndex>();
        int done = 0;
        progress?.Report(new IndexProgress(0, paths.Count));
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount,
        };
        Parallel.ForEach(paths, options, path =>
        {
            results.Add(IndexFile(workspace, path, cancellationToken));
            int count = Interlocked.Increment(ref done);
            if (progress is not null && (count % 100 == 0 || count == paths.Count))
            {
                progress.Report(new IndexProgress(count, paths.Count));
            }
        });

        return results;
    }
}
