using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// One document as the reference features see it: its model, its own fresh index entry (so a stale workspace
/// entry for it never matters) and the workspace snapshot.
/// </summary>
public sealed class DocumentView
{
    private static readonly WorkspaceIndex NoWorkspace = WorkspaceIndex.Create(new InMemoryWorkspace());
    private readonly Func<string, SpecDocument?>? _openDocuments;

    private DocumentView(string? path, SpecDocument document, FileIndex index, WorkspaceIndex workspace, Func<string, SpecDocument?>? openDocuments)
    {
        Path = path;
        Document = document;
        Index = index;
        Workspace = workspace;
        _openDocuments = openDocuments;
    }

    /// <summary>The normalised path, or null for a buffer with no file (<c>untitled:</c>).</summary>
    public string? Path { get; }

    /// <summary>The parsed document.</summary>
    public SpecDocument Document { get; }

    /// <summary>Its index entry, built from <see cref="Document"/>.</summary>
    public FileIndex Index { get; }

    /// <summary>The workspace snapshot (an empty one with no roots when there is none).</summary>
    public WorkspaceIndex Workspace { get; }

    /// <summary>Builds the view of <paramref name="document"/> at <paramref name="uriOrPath"/> in <paramref name="workspace"/>.</summary>
    /// <param name="document">The document.</param>
    /// <param name="uriOrPath">Its <c>file:</c> URI or path.</param>
    /// <param name="workspace">The workspace snapshot, or null.</param>
    /// <param name="openDocuments">The editor's parsed documents by path (null when not open), preferred to the disk when a feature needs another file's text.</param>
    public static DocumentView Create(SpecDocument document, string? uriOrPath, WorkspaceIndex? workspace, Func<string, SpecDocument?>? openDocuments = null) =>
        Create(new Analysis.SpecSnapshot(document, uriOrPath), workspace, openDocuments);

    /// <summary>Builds the view of the version <paramref name="snapshot"/> holds in <paramref name="workspace"/>, with the version's own index entry.</summary>
    /// <param name="snapshot">The document's version.</param>
    /// <param name="workspace">The workspace snapshot, or null.</param>
    /// <param name="openDocuments">The editor's parsed documents by path (null when not open), preferred to the disk when a feature needs another file's text.</param>
    public static DocumentView Create(Analysis.SpecSnapshot snapshot, WorkspaceIndex? workspace, Func<string, SpecDocument?>? openDocuments = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        workspace ??= NoWorkspace;
        return new DocumentView(snapshot.Path, snapshot.Document, snapshot.IndexEntry(workspace.Roots), workspace, openDocuments);
    }

    /// <summary>True when <paramref name="path"/> is this document's.</summary>
    public bool IsSelf(string? path) => path is not null && Path is not null && WorkspacePaths.Comparer.Equals(path, Path);

    /// <summary>The index entry of <paramref name="path"/>: this document's own for its path, else the workspace's.</summary>
    public FileIndex? GetFile(string? path) => path is null ? null : IsSelf(path) ? Index : Workspace.GetFile(path);

    /// <summary>The file a resolved target points at, when it is indexed and readable.</summary>
    public FileIndex? GetTargetFile(LinkTarget target) => target.Kind switch
    {
        LinkTargetKind.SameDocument => Index,
        LinkTargetKind.File when GetFile(target.Path) is { UnreadableReason: null } file => file,
        _ => null,
    };

    /// <summary>
    /// The parsed text of <paramref name="path"/> for features that show text (hover): this document, an open one,
    /// or the file read from disk. Only indexed files inside the roots are ever read.
    /// </summary>
    public SpecDocument? LoadDocument(string path)
    {
        if (IsSelf(path))
        {
            return Document;
        }

        if (_openDocuments?.Invoke(path) is { } open)
        {
            return open;
        }

        if (Workspace.GetFile(path) is not { UnreadableReason: null } || Workspace.GetPathState(path) != PathState.File)
        {
            return null;
        }

        var read = Workspace.Workspace.ReadFile(path);
        return read.Text is null ? null : SpecParser.Parse(SourceText.From(read.Text));
    }

    /// <summary>Where <paramref name="id"/> is defined, as seen from this document.</summary>
    public ImmutableArray<IdDefinitionLocation> FindIdDefinitions(string id)
    {
        var own = Index.IdDefinitions.Where(d => d.Id == id).Select(d => new IdDefinitionLocation(Path ?? string.Empty, d));
        return IdSyntax.IsWorkspaceWide(id)
            ? [.. own.Concat(Workspace.FindWorkspaceIdDefinitions(id).Where(d => !IsSelf(d.Path)))]
            : [.. own];
    }

    /// <summary>Every mention of <paramref name="id"/> in its scope, as seen from this document.</summary>
    public ImmutableArray<IdMentionLocation> FindIdMentions(string id)
    {
        var own = Index.IdMentions.Where(m => m.Id == id).Select(m => new IdMentionLocation(Path ?? string.Empty, m));
        return IdSyntax.IsWorkspaceWide(id) && Path is not null
            ? [.. own.Concat(Workspace.FindIdMentions(id, Path).Where(m => !IsSelf(m.Path)))]
            : [.. own];
    }

    /// <summary>
    /// Every reference definition (<c>[label]: target</c>) leading to <paramref name="path"/> (to <paramref name="anchor"/>
    /// in it, when given), with where each leads; this document's own fresh.
    /// </summary>
    public ImmutableArray<(SourceLocation Location, LinkTarget Target)> FindDefinitionsTo(string path, string? anchor = null)
    {
        var result = ImmutableArray.CreateBuilder<(SourceLocation, LinkTarget)>();
        foreach (var file in Workspace.Files.Where(f => !IsSelf(f.Path)).Append(Index))
        {
            string filePath = file == Index ? Path ?? string.Empty : file.Path;
            for (int i = 0; i < file.ReferenceDefinitions.Length; i++)
            {
                var target = file.ReferenceDefinitionTargets[i];
                bool toPath = (target.Kind == LinkTargetKind.File && WorkspacePaths.Comparer.Equals(target.Path, path))
                    || (target.Kind == LinkTargetKind.SameDocument && WorkspacePaths.Comparer.Equals(filePath, path));
                bool toAnchor = anchor is null || (target.Fragment is { } f && f.Equals(anchor, StringComparison.OrdinalIgnoreCase));
                if (toPath && toAnchor)
                {
                    result.Add((new SourceLocation(filePath, file.ReferenceDefinitions[i].Range), target));
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Every link to <paramref name="path"/> (to <paramref name="anchor"/> in it, when given), this document's own links fresh.</summary>
    public ImmutableArray<LinkLocation> FindLinksTo(string path, string? anchor = null)
    {
        var fromWorkspace = anchor is null ? Workspace.FindLinksTo(path) : Workspace.FindLinksTo(path, anchor);
        var own = Index.Links
            .Where(l => (l.Target.Kind == LinkTargetKind.File && WorkspacePaths.Comparer.Equals(l.Target.Path, path))
                || (l.Target.Kind == LinkTargetKind.SameDocument && IsSelf(path)))
            .Where(l => anchor is null || (l.Target.Fragment is { } f && f.Equals(anchor, StringComparison.OrdinalIgnoreCase)))
            .Select(l => new LinkLocation(Path ?? string.Empty, l));
        return [.. own.Concat(fromWorkspace.Where(l => !IsSelf(l.Path)))];
    }
}
