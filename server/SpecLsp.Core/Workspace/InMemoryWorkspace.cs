using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SpecLsp.Core.Workspace;

/// <summary>
/// A workspace held in memory, for tests: files by path, folders implied by them. It records every read
/// (<see cref="Reads"/>) so tests can prove that nothing outside the roots is ever read.
/// </summary>
public sealed class InMemoryWorkspace : IWorkspace
{
    private readonly ConcurrentDictionary<string, string> _files = new(WorkspacePaths.Comparer);
    private readonly ConcurrentQueue<string> _reads = new();

    /// <summary>Creates a workspace over <paramref name="roots"/>.</summary>
    public InMemoryWorkspace(params string[] roots) =>
        Roots = [.. roots.Select(r => WorkspacePaths.Normalize(r) ?? throw new ArgumentException("Roots must be absolute.", nameof(roots)))];

    /// <inheritdoc />
    public ImmutableArray<string> Roots { get; }

    /// <summary>Every path asked of <see cref="ReadFile"/> or <see cref="GetPathState"/>, in order, outside the roots or not.</summary>
    public IReadOnlyCollection<string> Reads => _reads;

    /// <summary>Adds or replaces a file (anywhere, so tests can place files outside the roots too).</summary>
    public InMemoryWorkspace Add(string path, string text)
    {
        _files[WorkspacePaths.Normalize(path) ?? throw new ArgumentException("Paths must be absolute.", nameof(path))] = text;
        return this;
    }

    /// <summary>Removes a file.</summary>
    public void Remove(string path) => _files.TryRemove(WorkspacePaths.Normalize(path) ?? path, out _);

    /// <inheritdoc />
    public IEnumerable<string> EnumerateSpecFiles(CancellationToken cancellationToken = default) =>
        _files.Keys
            .Where(IsSpecFile)
            .Order(WorkspacePaths.Comparer)
            .ToList();

    /// <inheritdoc />
    public bool IsSpecFile(string path) =>
        WorkspacePaths.FindRoot(path, Roots) is { } root && WorkspacePaths.IsMarkdown(path) && !IsSkipped(path[root.Length..]);

    /// <inheritdoc />
    public FileReadResult ReadFile(string path)
    {
        _reads.Enqueue(path);
        if (WorkspacePaths.FindRoot(path, Roots) is null)
        {
            return FileReadResult.Fail("The file is outside the workspace.");
        }

        return _files.TryGetValue(path, out var text) ? FileReadResult.Ok(text) : FileReadResult.Fail("The file does not exist.");
    }

    /// <inheritdoc />
    public PathState GetPathState(string path)
    {
        _reads.Enqueue(path);
        if (WorkspacePaths.FindRoot(path, Roots) is null)
        {
            return PathState.Outside;
        }

        if (_files.ContainsKey(path))
        {
            return PathState.File;
        }

        return _files.Keys.Any(p => p.Length > path.Length && WorkspacePaths.IsUnder(p, path)) ? PathState.Directory : PathState.Missing;
    }

    private static bool IsSkipped(string relative) =>
        relative.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Any(DiskWorkspace.IsSkippedFolder);
}
