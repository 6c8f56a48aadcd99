using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// A spec written as several documents: the folder of a feature (spec-kit's <c>specs/NNN-feature/</c> with
/// <c>spec.md</c>, <c>plan.md</c>, <c>tasks.md</c> and <c>checklists/</c>; an OpenSpec change with
/// <c>proposal.md</c>; a KEP folder with <c>kep.yaml</c>). Its documents share one scope for IDs: what
/// <c>spec.md</c> defines is known in <c>tasks.md</c> and in the checklists.
/// </summary>
public sealed class FeatureFolder
{
    // A folder is a feature folder when it holds one of these.
    private static readonly string[] Markers = ["spec.md", "proposal.md", "kep.yaml"];

    private readonly ImmutableArray<FileIndex> _others;

    private FeatureFolder(string path, ImmutableArray<FileIndex> others, bool isComplete)
    {
        Path = path;
        _others = others;
        Definitions = [.. others.SelectMany(f => f.IdDefinitions.Where(d => !IdSyntax.IsWorkspaceWide(d.Id)).Select(d => new IdDefinitionLocation(f.Path, d)))];
        IsComplete = isComplete;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The local (not SPEC-) IDs its other documents define.</summary>
    public ImmutableArray<IdDefinitionLocation> Definitions { get; }

    /// <summary>False until the workspace is indexed: another document may still define an ID.</summary>
    public bool IsComplete { get; }

    /// <summary>The mentions of local IDs in its other documents.</summary>
    public IEnumerable<IdMentionLocation> Mentions =>
        _others.SelectMany(f => f.IdMentions.Where(m => !IdSyntax.IsWorkspaceWide(m.Id)).Select(m => new IdMentionLocation(f.Path, m)));

    /// <summary>
    /// The feature folder of the document at <paramref name="path"/>: its own folder, or the folder above it (for a
    /// document in <c>checklists/</c> or <c>contracts/</c>), whichever holds a marker file first; null when neither does.
    /// </summary>
    public static FeatureFolder? Find(string? path, WorkspaceIndex workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (path is null || workspace.Roots.IsEmpty)
        {
            return null;
        }

        string directory = WorkspacePaths.GetDirectory(path);
        foreach (string candidate in new[] { directory, WorkspacePaths.GetDirectory(directory) })
        {
            if (WorkspacePaths.FindRoot(candidate, workspace.Roots) is null)
            {
                break;
            }

            if (Markers.Any(marker => WorkspacePaths.Combine(candidate, marker) is { } file && workspace.GetPathState(file) == PathState.File))
            {
                string prefix = candidate.TrimEnd('/') + "/";
                var others = workspace.Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal) && !WorkspacePaths.Comparer.Equals(f.Path, path));
                return new FeatureFolder(candidate, [.. others], workspace.IsComplete);
            }
        }

        return null;
    }
}
