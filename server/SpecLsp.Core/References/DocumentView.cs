using SpecLsp.Core.Model;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>One document as the reference features see it: its model, its own fresh index entry and the workspace.</summary>
/// <param name="Path">The normalised path, or null for a buffer with no file (<c>untitled:</c>).</param>
/// <param name="Document">The parsed document.</param>
/// <param name="Index">Its index entry, built from <paramref name="Document"/> so it is never stale.</param>
/// <param name="Workspace">The workspace snapshot (an empty one with no roots when there is none).</param>
public sealed record DocumentView(string? Path, SpecDocument Document, FileIndex Index, WorkspaceIndex Workspace)
{
    private static readonly WorkspaceIndex NoWorkspace = WorkspaceIndex.Create(new InMemoryWorkspace());

    /// <summary>Builds the view of <paramref name="document"/> at <paramref name="uriOrPath"/> in <paramref name="workspace"/>.</summary>
    public static DocumentView Create(SpecDocument document, string? uriOrPath, WorkspaceIndex? workspace)
    {
        ArgumentNullException.ThrowIfNull(document);
        workspace ??= NoWorkspace;
        var path = WorkspacePaths.FromUriOrPath(uriOrPath);
        return new DocumentView(path, document, FileIndex.Create(path ?? string.Empty, document, path is null ? [] : workspace.Roots), workspace);
    }

    /// <summary>The index entry of <paramref name="path"/>: this document's own for its path, else the workspace's.</summary>
    public FileIndex? GetFile(string? path) =>
        path is null ? null : Path is not null && WorkspacePaths.Comparer.Equals(path, Path) ? Index : Workspace.GetFile(path);

    /// <summary>The file a resolved target points at, when it is indexed and readable.</summary>
    public FileIndex? GetTargetFile(LinkTarget target) => target.Kind switch
    {
        LinkTargetKind.SameDocument => Index,
        LinkTargetKind.File when GetFile(target.Path) is { UnreadableReason: null } file => file,
        _ => null,
    };
}
