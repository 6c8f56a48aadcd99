using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Analysis;

/// <summary>
/// An analyzer whose diagnostics partly depend on other files (their anchors, their IDs): it can find everything the
/// document alone decides first, and the rest once the whole workspace is indexed, from a few values it keeps instead
/// of the document. <c>speclsp check</c> uses this to parse each spec once: the document is analyzed while the index
/// is still being built, and only the cross-file questions wait for it.
/// </summary>
public interface ICrossFileAnalyzer : IDocumentAnalyzer
{
    /// <summary>
    /// The diagnostics for <paramref name="context"/>, with the ones that read other files' index entries left as
    /// questions for <see cref="PendingDiagnostics.Complete"/>. <see cref="IDocumentAnalyzer.Analyze"/> is this,
    /// completed at once with the context's workspace.
    /// </summary>
    PendingDiagnostics AnalyzeLater(AnalysisContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Diagnostics in the order an analyzer found them, some of them still questions to the complete workspace index.
/// A question keeps only the values it was given (never the document), so many can wait at once.
/// </summary>
public sealed class PendingDiagnostics
{
    private readonly List<object> _slots = [];

    /// <summary>A diagnostic already decided.</summary>
    public void Add(SpecDiagnostic diagnostic) => _slots.Add(diagnostic);

    /// <summary>A diagnostic, or none, that <paramref name="check"/> decides from the workspace, with <paramref name="state"/> as its only input.</summary>
    public void Later<TState>(TState state, Func<TState, WorkspaceIndex, SpecDiagnostic?> check) => _slots.Add(new Question<TState>(state, check));

    /// <summary>Every diagnostic, in the order found, the questions answered from <paramref name="workspace"/>.</summary>
    public IEnumerable<SpecDiagnostic> Complete(WorkspaceIndex workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        foreach (var slot in _slots)
        {
            if ((slot as SpecDiagnostic ?? ((IQuestion)slot).Answer(workspace)) is { } diagnostic)
            {
                yield return diagnostic;
            }
        }
    }

    private interface IQuestion
    {
        SpecDiagnostic? Answer(WorkspaceIndex workspace);
    }

    private sealed class Question<TState>(TState state, Func<TState, WorkspaceIndex, SpecDiagnostic?> check) : IQuestion
    {
        public SpecDiagnostic? Answer(WorkspaceIndex workspace) => check(state, workspace);
    }
}

/// <summary>
/// A document's diagnostics as <see cref="DiagnosticEngine.AnalyzeLater"/> found them before the workspace index was
/// complete: each analyzer's findings, in the engine's order, some of them waiting for <see cref="Complete"/>.
/// </summary>
public sealed class PendingAnalysis
{
    private readonly ImmutableArray<SpecDiagnostic> _parse;
    private readonly ImmutableArray<object> _parts;

    internal PendingAnalysis(ImmutableArray<SpecDiagnostic> parse, ImmutableArray<object> parts) => (_parse, _parts) = (parse, parts);

    /// <summary>The diagnostics, sorted by position exactly as <see cref="DiagnosticEngine.Analyze"/> sorts them, the questions answered from <paramref name="workspace"/>.</summary>
    public ImmutableArray<SpecDiagnostic> Complete(WorkspaceIndex workspace)
    {
        var all = ImmutableArray.CreateBuilder<SpecDiagnostic>();
        all.AddRange(_parse);
        foreach (var part in _parts)
        {
            all.AddRange(part is PendingDiagnostics pending ? pending.Complete(workspace) : (ImmutableArray<SpecDiagnostic>)part);
        }

        return DiagnosticEngine.Sorted(all);
    }
}
