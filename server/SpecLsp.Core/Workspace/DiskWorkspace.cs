using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;

namespace SpecLsp.Core.Workspace;

/// <summary>
/// The workspace on disk. It never leaves its roots: every path is checked lexically and again after resolving
/// symbolic links, folders are scanned once each (a visited set of real paths stops link loops), and
/// <c>.git</c>, <c>node_modules</c> and hidden folders are skipped.
/// </summary>
public sealed class DiskWorkspace : IWorkspace
{
    /// <summary>Files larger than this are not read as text.</summary>
    public const long DefaultMaxFileBytes = 8 * 1024 * 1024;

    private const int MaxLinkHops = 40;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ImmutableArray<string> _realRoots;
    private readonly Func<string, bool> _isSpecFile;
    private readonly long _maxFileBytes;

    // A scan's view (ForScan) only: the real path of each folder of a path checked, so that each further file of the
    // folder costs one lstat (is it a link?) instead of one for every segment of its path.
    private readonly ConcurrentDictionary<string, string?>? _realFolders;

    /// <summary>Creates a workspace over <paramref name="roots"/>.</summary>
    /// <param name="roots">Absolute folder paths.</param>
    /// <param name="isSpecFile">
    /// Which files are specs, given their path relative to their root with <c>/</c> (the configured globs);
    /// by default every Markdown file.
    /// </param>
    /// <param name="maxFileBytes">Files larger than this are unreadable.</param>
    public DiskWorkspace(IEnumerable<string> roots, Func<string, bool>? isSpecFile = null, long maxFileBytes = DefaultMaxFileBytes)
    {
        Roots = [.. roots.Select(WorkspacePaths.Normalize).OfType<string>().Distinct(WorkspacePaths.Comparer)];
        _realRoots = [.. Roots.Select(r => ResolveRealPath(r) ?? r)];
        _isSpecFile = isSpecFile ?? WorkspacePaths.IsMarkdown;
        _maxFileBytes = maxFileBytes;
    }

    // The scan view of workspace: the same roots and rules, with a memory of real folders of its own.
    private DiskWorkspace(DiskWorkspace workspace)
    {
        Roots = workspace.Roots;
        _realRoots = workspace._realRoots;
        _isSpecFile = workspace._isSpecFile;
        _maxFileBytes = workspace._maxFileBytes;
        _realFolders = new ConcurrentDictionary<string, string?>(WorkspacePaths.Comparer);
    }

    /// <inheritdoc />
    public ImmutableArray<string> Roots { get; }

    /// <summary>
    /// A view for one scan that remembers the real path of every folder it resolves (a scan reads thousands of files
    /// in a hundred folders): a link changed while it runs is seen by the next scan, as by any read after it.
    /// </summary>
    public IWorkspace ForScan() => new DiskWorkspace(this);

    /// <summary>True for folder names never scanned: <c>.git</c>, <c>node_modules</c> and hidden ones.</summary>
    public static bool IsSkippedFolder(string name) => name.StartsWith('.') || name == "node_modules";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateSpecFiles(CancellationToken cancellationToken = default)
    {
        var visited = new HashSet<string>(WorkspacePaths.Comparer);
        var seenFiles = new HashSet<string>(WorkspacePaths.Comparer);
        var pending = new Stack<(string Logical, string Root)>();
        foreach (var root in Roots)
        {
            pending.Push((root, root));
        }

        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (folder, root) = pending.Pop();
            var real = ResolveRealPath(folder);
            if (real is null || !IsInsideRealRoots(real) || !visited.Add(real))
            {
                continue;
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                continue;
            }

            var subfolders = new List<string>();
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                string path = folder.TrimEnd('/') + "/" + entry.Name;

                // The enumeration already knows which entries are links: asking each file for its link target costs a
                // system call per file (readlink), for the few that are links only.
                bool isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null;
                if (entry is DirectoryInfo)
                {
                    if (!IsSkippedFolder(entry.Name))
                    {
                        subfolders.Add(path);
                    }

                    continue;
                }

                if (!_isSpecFile(path[root.TrimEnd('/').Length..].TrimStart('/')))
                {
                    continue;
                }

                var realFile = isLink ? ResolveRealPath(path) : real.TrimEnd('/') + "/" + entry.Name;
                if (realFile is null || !IsInsideRealRoots(realFile) || !seenFiles.Add(realFile) || (isLink && !File.Exists(realFile)))
                {
                    continue;
                }

                yield return path;
            }

            for (int i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push((subfolders[i], root));
            }
        }
    }

    /// <inheritdoc />
    public bool IsSpecFile(string path)
    {
        if (WorkspacePaths.Normalize(path) is not { } normalized || WorkspacePaths.FindRoot(normalized, Roots) is not { } root)
        {
            return false;
        }

        var relative = normalized[root.TrimEnd('/').Length..].TrimStart('/');
        return !relative.Split('/').SkipLast(1).Any(IsSkippedFolder) && _isSpecFile(relative);
    }

    /// <inheritdoc />
    public FileReadResult ReadFile(string path)
    {
        if (!IsInside(path, out var real))
        {
            return FileReadResult.Fail("The file is outside the workspace.");
        }

        try
        {
            var info = new FileInfo(real);
            if (!info.Exists)
            {
                return FileReadResult.Fail("The file does not exist.");
            }

            if (info.Length > _maxFileBytes)
            {
                return FileReadResult.Fail($"The file is larger than {_maxFileBytes / (1024 * 1024)} MB.");
            }

            // Opening a named pipe (or a device) blocks until someone writes to it, and those report no length:
            // an empty file has no text anyway, so nothing of length 0 is ever opened.
            if (info.Length == 0)
            {
                return FileReadResult.Ok(string.Empty);
            }

            var bytes = ReadBytes(real, info.Length);
            try
            {
                return Decode(bytes.Span);
            }
            finally
            {
                bytes.Dispose();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return FileReadResult.Fail("The file cannot be read: " + e.Message);
        }
    }

    /// <inheritdoc />
    public UInt128? HashFile(string path)
    {
        if (!IsInside(path, out var real))
        {
            return null;
        }

        try
        {
            // As ReadFile: a named pipe (or a device) reports no length and would block the open.
            var info = new FileInfo(real);
            if (!info.Exists || info.Length == 0)
            {
                return info.Exists ? Cache.ContentHash.OfUtf8([]) : null;
            }

            if (info.Length > _maxFileBytes)
            {
                return null;
            }

            var bytes = ReadBytes(real, info.Length);
            try
            {
                var span = bytes.Span;
                return Cache.ContentHash.OfUtf8(span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? span[3..] : span);
            }
            finally
            {
                bytes.Dispose();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }

    // The file's bytes in a pooled buffer (a scan reads 10,000 files: no array of each is left to the GC). A file that
    // grew since its length was taken is read whole all the same.
    private static PooledBytes ReadBytes(string real, long length)
    {
        // The pool keeps what it lends: only spec-sized files borrow from it, a large one is read into its own array.
        if (length >= 1 << 20)
        {
            var all = File.ReadAllBytes(real);
            return new PooledBytes(all, all.Length, pooled: false);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(length + 1, int.MaxValue));
        try
        {
            using var handle = File.OpenHandle(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            int read = 0;
            while (read < buffer.Length && RandomAccess.Read(handle, buffer.AsSpan(read), read) is int n and > 0)
            {
                read += n;
            }

            if (read < buffer.Length)
            {
                return new PooledBytes(buffer, read);
            }
        }
        catch
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        var whole = File.ReadAllBytes(real);
        return new PooledBytes(whole, whole.Length, pooled: false);
    }

    private readonly struct PooledBytes(byte[] buffer, int length, bool pooled = true) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Dispose()
        {
            if (pooled)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Decodes a file's bytes as UTF-8 text, refusing NUL bytes and invalid UTF-8.</summary>
    public static FileReadResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return FileReadResult.Fail("The file holds NUL bytes; it is not text.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return FileReadResult.Ok(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return FileReadResult.Fail("The file is not valid UTF-8.");
        }
    }

    /// <inheritdoc />
    public PathState GetPathState(string path)
    {
        if (!IsInside(path, out var real))
        {
            return PathState.Outside;
        }

        return File.Exists(real) ? PathState.File : Directory.Exists(real) ? PathState.Directory : PathState.Missing;
    }

    private bool IsInside(string path, out string real)
    {
        real = string.Empty;
        if (WorkspacePaths.Normalize(path) is not { } normalized || WorkspacePaths.FindRoot(normalized, Roots) is null)
        {
            return false;
        }

        if (RealPathOf(normalized) is not { } resolved || !IsInsideRealRoots(resolved))
        {
            return false;
        }

        real = resolved;
        return true;
    }

    private bool IsInsideRealRoots(string realPath) => WorkspacePaths.FindRoot(realPath, _realRoots) is not null;

    // ResolveRealPath of a normalised path; in a scan's view, through the real path of its folder, resolved once.
    private string? RealPathOf(string normalized)
    {
        int slash = normalized.LastIndexOf('/');
        if (_realFolders is null || slash <= 0 || slash == normalized.Length - 1)
        {
            return ResolveRealPath(normalized);
        }

        if (_realFolders.GetOrAdd(normalized[..slash], static folder => ResolveRealPath(folder)) is not { } folder)
        {
            return null;
        }

        // As ResolveRealPath walks the last segment: one lstat; a link is resolved from the real folder on.
        string path = folder.TrimEnd('/') + "/" + normalized[(slash + 1)..];
        try
        {
            var attributes = new FileInfo(path).Attributes;
            if ((int)attributes != -1 && attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                return ResolveRealPath(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException)
        {
        }

        return WorkspacePaths.Normalize(path);
    }

    /// <summary>
    /// The path with every symbolic link along it resolved (missing tail segments kept as written), or null for a
    /// link loop or chain longer than 40 hops.
    /// </summary>
    internal static string? ResolveRealPath(string path)
    {
        if (WorkspacePaths.Normalize(path) is not { } normalized)
        {
            return null;
        }

        int hops = 0;
        var pending = new Queue<string>(normalized.Split('/', StringSplitOptions.RemoveEmptyEntries));
        string current = normalized.StartsWith('/') ? "/" : pending.Dequeue() + "/";
        bool exists = true;
        while (pending.Count > 0)
        {
            string segment = pending.Dequeue();
            string next = WorkspacePaths.Normalize(current.TrimEnd('/') + "/" + segment)!;
            if (exists)
            {
                string? target;
                try
                {
                    // One lstat per segment (the attributes are -1 for a missing path; a link has ReparsePoint), and a
                    // readlink only for a link: every file read and path checked walks this, and system calls are most
                    // of a read's cost here (three per segment before).
                    var info = new FileInfo(next);
                    var attributes = info.Attributes;
                    exists = (int)attributes != -1;
                    target = exists && attributes.HasFlag(FileAttributes.ReparsePoint) ? info.LinkTarget : null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException)
                {
                    target = null;
                    exists = false;
                }

                if (target is not null)
                {
                    if (++hops > MaxLinkHops)
                    {
                        return null;
                    }

                    string resolved = Path.IsPathRooted(target) ? target : current.TrimEnd('/') + "/" + target;
                    if (WorkspacePaths.Normalize(resolved) is not { } absolute)
                    {
                        return null;
                    }

                    // Restart from the link's target so links inside it are resolved too.
                    var rest = pending.ToList();
                    pending.Clear();
                    var parts = absolute.Split('/', StringSplitOptions.RemoveEmptyEntries);
                    current = absolute.StartsWith('/') ? "/" : parts[0] + "/";
                    foreach (var part in (absolute.StartsWith('/') ? parts : parts[1..]).Concat(rest))
                    {
                        pending.Enqueue(part);
                    }

                    continue;
                }
            }

            current = next;
        }

        return WorkspacePaths.Normalize(current);
    }
}
