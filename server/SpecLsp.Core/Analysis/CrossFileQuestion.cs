using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Analysis;

/// <summary>
/// A diagnostic, or none, that only the complete workspace (other files' entries, the file system) can decide. The
/// kinds are a closed set of plain values (<see cref="References.LinkTargetQuestion"/>, <see cref="References.IdQuestion"/>),
/// never closures over the document, so a pending analysis can be written to a cache and read back.
/// </summary>
public abstract class CrossFileQuestion
{
    private protected CrossFileQuestion()
    {
    }

    /// <summary>The diagnostic the question's values give in <paramref name="answers"/>'s workspace, or null.</summary>
    internal abstract SpecDiagnostic? Answer(QuestionAnswers answers);
}

/// <summary>What a question is answered from: the workspace, the document's own entry when known, and the document's scratch.</summary>
internal sealed class QuestionAnswers(WorkspaceIndex workspace, FileIndex? self, QuestionScratch scratch)
{
    public WorkspaceIndex Workspace { get; } = workspace;

    /// <summary>The index entry of the document at <paramref name="path"/>: the fresh one given, else the workspace's.</summary>
    public FileIndex? Self(string path) => self is not null && WorkspacePaths.Comparer.Equals(self.Path, path) ? self : Workspace.GetFile(path);

    public QuestionScratch Scratch { get; } = scratch;
}

/// <summary>
/// What the questions of one document share while they are answered from one workspace (path states, anchor
/// suggestions, the feature folder's IDs): looked up once per document, as the analysis did when it answered at once.
/// Never stored; a new one is made for an analysis read back.
/// </summary>
internal sealed class QuestionScratch
{
    private WorkspaceIndex? _workspace;

    public Dictionary<string, PathState> States { get; } = new(WorkspacePaths.Comparer);

    public Dictionary<(FileIndex File, string Fragment), string?> Suggestions { get; } = [];

    public HashSet<string>? FolderIds { get; set; }

    public bool FolderKnown { get; set; }

    /// <summary>Forgets what was looked up in another workspace.</summary>
    public void For(WorkspaceIndex workspace)
    {
        if (!ReferenceEquals(_workspace, workspace))
        {
            _workspace = workspace;
            States.Clear();
            Suggestions.Clear();
            FolderIds = null;
        }
    }
}
