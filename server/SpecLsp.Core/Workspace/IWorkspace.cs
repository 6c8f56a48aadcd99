using System.Collections.Immutable;

namespace SpecLsp.Core.Workspace;

/// <summary>What a path points at, as far as the workspace may know.</summary>
public enum PathState
{
    /// <summary>Nothing exists there (inside the workspace).</summary>
    Missing,

    /// <summary>A file inside the workspace.</summary>
    File,

    /// <summary>A directory inside the workspace.</summary>
    Directory,

    /// <summary>Outside every workspace root (after resolving symbolic links): never read, never reported.</summary>
    Outside,
}

/// <summary>The result of reading a file: its text, or why it cannot be indexed as text.</summary>
/// <param name="Text">The decoded text, or null.</param>
/// <param name="Error">Why the file is unreadable (too large, binary, invalid UTF-8, I/O error), or null.</param>
public sealed record FileReadResult(string? Text, string? Error)
{
    /// <summary>A successful read.</summary>
    public static FileReadResult Ok(string text) => new(text, null);

    /// <summary>A failed read.</summary>
    public static FileReadResult Fail(string error) => new(null, error);
}

/// <summary>
/// The files a workspace holds, behind an interface so the server, the command line and the tests
/// (<see cref="InMemoryWorkspace"/>) share every workspace-wide feature. Paths are absolute and normalised
/// by <see cref="WorkspacePaths.Normalize"/>. An implementation never reads outside <see cref="Roots"/>.
/// </summary>
public interface IWorkspace
{
    /// <summary>The workspace roots (normalised absolute paths); empty for a file opened on its own.</summary>
    ImmutableArray<string> Roots { get; }

    /// <summary>Every spec file under the roots, skipping <c>.git</c>, <c>node_modules</c> and hidden folders.</summary>
    IEnumerable<string> EnumerateSpecFiles(CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="path"/> is one of the files <see cref="EnumerateSpecFiles"/> would give (by its path alone).</summary>
    bool IsSpecFile(string path);

    /// <summary>Reads a file as text. Never throws; paths outside the roots fail without being touched.</summary>
    FileReadResult ReadFile(string path);

    /// <summary>
    /// The <see cref="Cache.ContentHash"/> of the file's text, or null when it cannot be read as text: what the index
    /// cache compares with its entries. Never throws. The disk reads the bytes without decoding them.
    /// </summary>
    UInt128? HashFile(string path) => ReadFile(path).Text is { } text ? Cache.ContentHash.Of(text) : null;

    /// <summary>What <paramref name="path"/> is. Paths outside the roots are <see cref="PathState.Outside"/> without being touched.</summary>
    PathState GetPathState(string path);

    /// <summary>
    /// This workspace for one scan of many files: the same answers, but it may remember what it learnt along the way
    /// (the disk, each folder's real path) until the scan ends, so that the next scan sees any change made meanwhile.
    /// </summary>
    IWorkspace ForScan() => this;
}
