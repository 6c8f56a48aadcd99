using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>A file or folder moved from one path to another.</summary>
/// <param name="OldPath">Where it was.</param>
/// <param name="NewPath">Where it goes.</param>
public sealed record FileMove(string OldPath, string NewPath);

/// <summary>
/// The link edits a move needs, so that no link breaks: every relative link and reference definition to a moved
/// file (or to anything under a moved folder) is rewritten to reach its new place, and every relative link inside a
/// moved file to reach its old target from the new place. Fragments (<c>#anchor</c>), queries, a leading <c>./</c>
/// and angle brackets are kept; site-root links (<c>/docs/x.md</c>) stay site-root links. Edits are against the
/// files as they are before the move (their old paths), as <c>workspace/willRenameFiles</c> applies them.
/// </summary>
public static class FileMoves
{
    /// <summary>The edits for <paramref name="moves"/> over every file of <paramref name="workspace"/>, one per link whose text changes.</summary>
    public static WorkspaceChanges LinkEdits(WorkspaceIndex workspace, IReadOnlyList<FileMove> moves, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(moves);
        var edits = new List<(string Path, TextReplacement Edit)>();
        if (moves.Count == 0)
        {
            return WorkspaceChanges.FromEdits(edits);
        }

        foreach (var file in workspace.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.UnreadableReason is not null)
            {
                continue;
            }

            var fileNew = NewPathOf(moves, file.Path) ?? file.Path;
            foreach (var link in file.Links)
            {
                if (link.Node.Kind != Model.LinkKind.Reference && link.Node.Destination is { } destination
                    && Rewrite(workspace, moves, file.Path, fileNew, destination, link.Target) is { } text)
                {
                    edits.Add((file.Path, new TextReplacement(link.Node.TargetRange, text)));
                }
            }

            for (int i = 0; i < file.ReferenceDefinitions.Length && i < file.ReferenceDefinitionTargets.Length; i++)
            {
                var definition = file.ReferenceDefinitions[i];
                if (Rewrite(workspace, moves, file.Path, fileNew, definition.Destination, file.ReferenceDefinitionTargets[i]) is { } text)
                {
                    edits.Add((file.Path, new TextReplacement(definition.DestinationRange, text)));
                }
            }
        }

        return WorkspaceChanges.FromEdits(edits);
    }

    /// <summary>Where <paramref name="path"/> is after <paramref name="moves"/> (itself moved, or under a moved folder), or null when it stays.</summary>
    public static string? NewPathOf(IReadOnlyList<FileMove> moves, string path)
    {
        ArgumentNullException.ThrowIfNull(moves);
        foreach (var move in moves)
        {
            if (WorkspacePaths.Comparer.Equals(path, move.OldPath))
            {
                return move.NewPath;
            }

            var folder = move.OldPath.TrimEnd('/') + "/";
            if (path.StartsWith(folder, WorkspacePaths.Comparison))
            {
                return move.NewPath.TrimEnd('/') + "/" + path[folder.Length..];
            }
        }

        return null;
    }

    // The destination as it must read after the move, or null when it stays as written.
    private static string? Rewrite(WorkspaceIndex workspace, IReadOnlyList<FileMove> moves, string filePath, string fileNew, string destination, LinkTarget target)
    {
        if (target.Kind != LinkTargetKind.File || target.Path is not { } targetPath)
        {
            return null;
        }

        var targetNew = NewPathOf(moves, targetPath) ?? targetPath;
        bool fileMoved = !WorkspacePaths.Comparer.Equals(fileNew, filePath);
        if ((target.IsRootRelative || !fileMoved) && WorkspacePaths.Comparer.Equals(targetNew, targetPath))
        {
            return null;
        }

        bool angle = destination.Length >= 2 && destination[0] == '<' && destination[^1] == '>';
        var inner = angle ? destination[1..^1] : destination;
        int cut = inner.IndexOfAny(['#', '?']);
        var pathPart = cut < 0 ? inner : inner[..cut];
        var suffix = cut < 0 ? string.Empty : inner[cut..];
        if (pathPart.Length == 0)
        {
            return null;
        }

        string written;
        if (target.IsRootRelative)
        {
            if (WorkspacePaths.FindRoot(fileNew, workspace.Roots) is not { } root || !WorkspacePaths.IsUnder(targetNew, root))
            {
                return null;
            }

            written = "/" + WorkspacePaths.GetRelativePath(root, targetNew);
        }
        else
        {
            written = WorkspacePaths.GetRelativePath(WorkspacePaths.GetDirectory(fileNew), targetNew);
            if (written.Length == 0)
            {
                written = ".";
            }

            if (pathPart.StartsWith("./", StringComparison.Ordinal) && !written.StartsWith("../", StringComparison.Ordinal))
            {
                written = "./" + written;
            }
        }

        if (pathPart.EndsWith('/') && !written.EndsWith('/'))
        {
            written += "/";
        }

        // A path with a space must be escaped or in angle brackets to stay a link.
        if (!angle)
        {
            written = written.Replace(" ", "%20", StringComparison.Ordinal);
        }

        var result = angle ? $"<{written}{suffix}>" : written + suffix;
        return result == destination ? null : result;
    }
}
