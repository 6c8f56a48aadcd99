using System.Collections.Immutable;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Workspace;

/// <summary>An ID definition and the file it is in.</summary>
/// <param name="Path">The file.</param>
/// <param name="Definition">The definition.</param>
public sealed record IdDefinitionLocation(string Path, IdDefinition Definition);

/// <summary>An ID mention and the file it is in.</summary>
/// <param name="Path">The file.</param>
/// <param name="Mention">The mention.</param>
public sealed record IdMentionLocation(string Path, IdMention Mention);

/// <summary>A link and the file it is in.</summary>
/// <param name="Path">The file holding the link.</param>
/// <param name="Link">The link and its target.</param>
public sealed record LinkLocation(string Path, IndexedLink Link);

/// <summary>
/// An immutable snapshot of the workspace: one <see cref="FileIndex"/> per spec, from disk or, overriding disk,
/// from the editor's open documents. Changes return a new snapshot; the cross-file lookups are built lazily,
/// once per snapshot, so typing in one document costs no workspace-wide work until a request needs it.
/// </summary>
public sealed class WorkspaceIndex
{
    private readonly ImmutableDictionary<string, FileIndex> _disk;
    private readonly ImmutableDictionary<string, FileIndex> _open;
    private readonly DiskLookups _diskLookups;
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<IdDefinitionLocation>>> _workspaceIds;

    private WorkspaceIndex(IWorkspace workspace, ImmutableDictionary<string, FileIndex> disk, ImmutableDictionary<string, FileIndex> open, bool isComplete, DiskLookups? diskLookups = null)
    {
        Workspace = workspace;
        _disk = disk;
        _open = open;
        IsComplete = isComplete;
        _diskLookups = diskLookups ?? new DiskLookups(disk);
        _workspaceIds = new(BuildWorkspaceIds);
    }

    /// <summary>The workspace the files come from.</summary>
    public IWorkspace Workspace { get; }

    /// <summary>The workspace roots.</summary>
    public ImmutableArray<string> Roots => Workspace.Roots;

    /// <summary>
    /// True once every spec on disk has been indexed. Until then a workspace-wide ID that is not found may
    /// simply not be indexed yet, so <c>undefined-id</c> stays silent for SPEC- IDs.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>Every file, open documents in place of their disk version.</summary>
    public IEnumerable<FileIndex> Files => _open.IsEmpty
        ? _diskLookups.Files.Value
        : _open.Values.Concat(_diskLookups.Files.Value.Where(f => !_open.ContainsKey(f.Path)));

    /// <summary>The open documents' entries.</summary>
    public IEnumerable<FileIndex> OpenFiles => _open.Values;

    /// <summary>
    /// The disk entries' symbol tables side by side, built once per set of disk entries (an open document's edit
    /// keeps them; a file changed on disk builds only its own table again). Open documents override their disk entry:
    /// skip those here (<see cref="IsOpen"/>) and match <see cref="OpenFiles"/> instead.
    /// </summary>
    public DiskSymbols DiskSymbols => _diskLookups.Symbols;

    /// <summary>The number of files.</summary>
    public int Count => _disk.Count + _open.Keys.Count(k => !_disk.ContainsKey(k));

    /// <summary>An empty index over <paramref name="workspace"/>.</summary>
    public static WorkspaceIndex Create(IWorkspace workspace) =>
        new(workspace, ImmutableDictionary.Create<string, FileIndex>(WorkspacePaths.Comparer), ImmutableDictionary.Create<string, FileIndex>(WorkspacePaths.Comparer), isComplete: false);

    /// <summary>The file at <paramref name="path"/> (open version first), or null.</summary>
    public FileIndex? GetFile(string path) => _open.TryGetValue(path, out var open) ? open : _disk.GetValueOrDefault(path);

    /// <summary>True when <paramref name="path"/> is open in the editor.</summary>
    public bool IsOpen(string path) => _open.ContainsKey(path);

    /// <summary>Replaces the disk entries of these files.</summary>
    public WorkspaceIndex WithDiskFiles(IEnumerable<FileIndex> files) =>
        new(Workspace, _disk.SetItems(files.Select(f => KeyValuePair.Create(f.Path, f))), _open, IsComplete);

    /// <summary>Replaces one disk entry.</summary>
    public WorkspaceIndex WithDiskFile(FileIndex file) => new(Workspace, _disk.SetItem(file.Path, file), _open, IsComplete);

    /// <summary>Removes a file deleted from disk (an open document stays).</summary>
    public WorkspaceIndex WithoutDiskFile(string path) => new(Workspace, _disk.Remove(path), _open, IsComplete);

    /// <summary>Sets the entry of an open document, which overrides the disk.</summary>
    public WorkspaceIndex WithOpenFile(FileIndex file) => new(Workspace, _disk, _open.SetItem(file.Path, file), IsComplete, _diskLookups);

    /// <summary>Drops an open document's entry; its disk version, if any, shows again.</summary>
    public WorkspaceIndex WithoutOpenFile(string path) => new(Workspace, _disk, _open.Remove(path), IsComplete, _diskLookups);

    /// <summary>
    /// This index over <paramref name="workspace"/>, whose roots differ (workspace folders added or removed): disk
    /// entries outside the new roots leave, the others and every open document's entry stay with their links resolved
    /// against the new roots. Not complete: the new roots' files are not indexed yet.
    /// </summary>
    public WorkspaceIndex WithWorkspace(IWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var roots = workspace.Roots;
        var disk = _disk.Values
            .Where(f => WorkspacePaths.FindRoot(f.Path, roots) is not null)
            .Select(f => KeyValuePair.Create(f.Path, f.WithRoots(roots)));
        var open = _open.Values.Select(f => KeyValuePair.Create(f.Path, f.WithRoots(roots)));
        return new(
            workspace,
            ImmutableDictionary.CreateRange(WorkspacePaths.Comparer, disk),
            ImmutableDictionary.CreateRange(WorkspacePaths.Comparer, open),
            isComplete: false);
    }

    /// <summary>Marks the initial scan finished.</summary>
    public WorkspaceIndex AsComplete() => new(Workspace, _disk, _open, isComplete: true, _diskLookups);

    /// <summary>What <paramref name="path"/> is: an indexed (or open) file counts as existing before the disk is asked.</summary>
    public PathState GetPathState(string path)
    {
        if (WorkspacePaths.FindRoot(path, Roots) is null)
        {
            return PathState.Outside;
        }

        return GetFile(path) is not null ? PathState.File : Workspace.GetPathState(path);
    }

    /// <summary>Where a workspace-wide (SPEC-) ID is defined, across every file.</summary>
    public ImmutableArray<IdDefinitionLocation> FindWorkspaceIdDefinitions(string id) =>
        Overlay(
            _diskLookups.Ids.Value.TryGetValue(id, out var found) ? found : [],
            d => d.Path,
            file => file.IdDefinitions.Where(d => d.Id == id && IdSyntax.IsWorkspaceWide(d.Id)).Select(d => new IdDefinitionLocation(file.Path, d)));

    /// <summary>Every workspace-wide ID and its definitions.</summary>
    public IEnumerable<KeyValuePair<string, ImmutableArray<IdDefinitionLocation>>> WorkspaceIds => _workspaceIds.Value;

    /// <summary>Where an ID is defined, as seen from the file at <paramref name="fromPath"/>: SPEC- IDs anywhere, others in that file only.</summary>
    public ImmutableArray<IdDefinitionLocation> FindIdDefinitions(string id, string fromPath)
    {
        if (IdSyntax.IsWorkspaceWide(id))
        {
            return FindWorkspaceIdDefinitions(id);
        }

        return GetFile(fromPath) is { } file
            ? [.. file.IdDefinitions.Where(d => d.Id == id).Select(d => new IdDefinitionLocation(file.Path, d))]
            : [];
    }

    /// <summary>Every mention of an ID in its scope: SPEC- IDs anywhere, others in <paramref name="fromPath"/> only.</summary>
    public ImmutableArray<IdMentionLocation> FindIdMentions(string id, string fromPath)
    {
        if (IdSyntax.IsWorkspaceWide(id))
        {
            return Overlay(
                [.. _diskLookups.IdMentions.Value[id]],
                m => m.Path,
                file => file.IdMentions.Where(m => m.Id == id).Select(m => new IdMentionLocation(file.Path, m)));
        }

        return GetFile(fromPath) is { } file
            ? [.. file.IdMentions.Where(m => m.Id == id).Select(m => new IdMentionLocation(file.Path, m))]
            : [];
    }

    /// <summary>Every link, in any file, to <paramref name="path"/> (any fragment), plus same-document fragment links inside it.</summary>
    public ImmutableArray<LinkLocation> FindLinksTo(string path)
    {
        var result = ImmutableArray.CreateBuilder<LinkLocation>();
        result.AddRange(Overlay(
            [.. _diskLookups.IncomingLinks.Value[path]],
            l => l.Path,
            file => file.Links.Where(l => l.Target.Kind == LinkTargetKind.File && WorkspacePaths.Comparer.Equals(l.Target.Path, path)).Select(l => new LinkLocation(file.Path, l))));
        if (GetFile(path) is { } file)
        {
            result.AddRange(file.Links.Where(l => l.Target.Kind == LinkTargetKind.SameDocument).Select(l => new LinkLocation(file.Path, l)));
        }

        return result.ToImmutable();
    }

    /// <summary>Every link to the heading or explicit anchor <paramref name="anchor"/> of <paramref name="path"/>.</summary>
    public ImmutableArray<LinkLocation> FindLinksTo(string path, string anchor) =>
        [.. FindLinksTo(path).Where(l => l.Link.Target.Fragment is { } f && f.Equals(anchor, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The files whose entry differs from <paramref name="previous"/>'s, each with its entry there (null: it was not
    /// indexed); null when anything may have changed: another workspace, the scan finished, or more than
    /// <paramref name="limit"/> files changed (a scan landed). Cheap when only open documents changed.
    /// </summary>
    public IReadOnlyList<(string Path, FileIndex? Previous)>? ChangesSince(WorkspaceIndex previous, int limit = 64)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (ReferenceEquals(this, previous))
        {
            return [];
        }

        if (!ReferenceEquals(Workspace, previous.Workspace) || IsComplete != previous.IsComplete)
        {
            return null;
        }

        var paths = new HashSet<string>(_open.Keys, WorkspacePaths.Comparer);
        paths.UnionWith(previous._open.Keys);
        if (!ReferenceEquals(_disk, previous._disk))
        {
            int before = paths.Count;
            foreach (var (path, file) in _disk)
            {
                if ((!previous._disk.TryGetValue(path, out var old) || !ReferenceEquals(old, file)) && paths.Add(path) && paths.Count - before > limit)
                {
                    return null;
                }
            }

            foreach (var path in previous._disk.Keys)
            {
                if (!_disk.ContainsKey(path) && paths.Add(path) && paths.Count - before > limit)
                {
                    return null;
                }
            }
        }

        var changes = new List<(string Path, FileIndex? Previous)>();
        foreach (var path in paths)
        {
            var old = previous.GetFile(path);
            if (!ReferenceEquals(old, GetFile(path)))
            {
                changes.Add((path, old));
            }
        }

        return changes;
    }

    /// <summary>
    /// The paths among <paramref name="candidates"/> (the open documents) whose diagnostics may change when
    /// <paramref name="changedPath"/> changes: those linking to it and, when it defined or defines SPEC- IDs
    /// (<paramref name="previous"/> is its entry before the change), those mentioning or defining SPEC- IDs.
    /// </summary>
    public IEnumerable<string> FindDependents(string changedPath, FileIndex? previous, IEnumerable<string> candidates)
    {
        var changed = GetFile(changedPath);
        bool definesWorkspaceIds = DefinesWorkspaceIds(changed) || DefinesWorkspaceIds(previous);
        foreach (var candidate in candidates)
        {
            if (WorkspacePaths.Comparer.Equals(candidate, changedPath) || GetFile(candidate) is not { } file)
            {
                continue;
            }

            if (file.Links.Any(l => l.Target.Kind == LinkTargetKind.File && WorkspacePaths.Comparer.Equals(l.Target.Path, changedPath))
                || (definesWorkspaceIds && (file.IdMentions.Any(m => IdSyntax.IsWorkspaceWide(m.Id)) || file.IdDefinitions.Any(d => IdSyntax.IsWorkspaceWide(d.Id)))))
            {
                yield return candidate;
            }
        }
    }

    // The open documents' entries first, then the disk's for files not open: the order of Files, so results are the
    // same as from lookups over Files, while the disk lookups are built once and shared by every snapshot that only
    // differs in its open documents (each keystroke makes one).
    private ImmutableArray<T> Overlay<T>(ImmutableArray<T> fromDisk, Func<T, string> pathOf, Func<FileIndex, IEnumerable<T>> fromOpen)
    {
        if (_open.IsEmpty)
        {
            return fromDisk;
        }

        var result = ImmutableArray.CreateBuilder<T>();
        foreach (var file in _open.Values)
        {
            result.AddRange(fromOpen(file));
        }

        foreach (var item in fromDisk)
        {
            if (!_open.ContainsKey(pathOf(item)))
            {
                result.Add(item);
            }
        }

        return result.ToImmutable();
    }

    private static bool DefinesWorkspaceIds(FileIndex? file) => file is not null && file.IdDefinitions.Any(d => IdSyntax.IsWorkspaceWide(d.Id));

    private ImmutableDictionary<string, ImmutableArray<IdDefinitionLocation>> BuildWorkspaceIds()
    {
        var builder = new Dictionary<string, ImmutableArray<IdDefinitionLocation>.Builder>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            foreach (var definition in file.IdDefinitions)
            {
                if (!IdSyntax.IsWorkspaceWide(definition.Id))
                {
                    continue;
                }

                if (!builder.TryGetValue(definition.Id, out var list))
                {
                    builder[definition.Id] = list = ImmutableArray.CreateBuilder<IdDefinitionLocation>();
                }

                list.Add(new IdDefinitionLocation(file.Path, definition));
            }
        }

        return builder.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }

    /// <summary>The cross-file lookups over the disk entries alone, built lazily, once per set of disk entries.</summary>
    private sealed class DiskLookups(ImmutableDictionary<string, FileIndex> disk)
    {
        private DiskSymbols? _symbols;
        private object? _symbolsLock;

        // Walking an immutable dictionary of 10,000 entries costs more than a workspace/symbol query's matching.
        public Lazy<ImmutableArray<FileIndex>> Files { get; } = new(() => [.. disk.Values]);

        // Built once: a second query arriving meanwhile waits instead of building the same arrays again.
        public DiskSymbols Symbols => LazyInitializer.EnsureInitialized(ref _symbols, ref _symbolsLock, () => DiskSymbols.Build(Files.Value));

        // In path order: the dictionary's order follows string hash codes, which differ from process to process, and
        // a duplicate SPEC- ID's message lists the other files in this order (check printed them in a random one).
        public Lazy<ImmutableDictionary<string, ImmutableArray<IdDefinitionLocation>>> Ids { get; } = new(() => disk.Values
            .SelectMany(f => f.IdDefinitions.Where(d => IdSyntax.IsWorkspaceWide(d.Id)).Select(d => new IdDefinitionLocation(f.Path, d)))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .GroupBy(d => d.Definition.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal));

        public Lazy<ILookup<string, LinkLocation>> IncomingLinks { get; } = new(() => disk.Values
            .SelectMany(f => f.Links.Where(l => l.Target.Kind == LinkTargetKind.File).Select(l => new LinkLocation(f.Path, l)))
            .ToLookup(l => l.Link.Target.Path!, WorkspacePaths.Comparer));

        public Lazy<ILookup<string, IdMentionLocation>> IdMentions { get; } = new(() => disk.Values
            .SelectMany(f => f.IdMentions.Where(m => IdSyntax.IsWorkspaceWide(m.Id)).Select(m => new IdMentionLocation(f.Path, m)))
            .ToLookup(m => m.Mention.Id, StringComparer.Ordinal));
    }
}
