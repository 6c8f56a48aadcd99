using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Analysis;

/// <summary>
/// An analyzer whose diagnostics partly depend on other files (their anchors, their IDs) or on the file system (a
/// linked file that may appear or go): it can find everything the document alone decides first, and the rest once
/// the whole workspace is indexed, from a few values it keeps instead of the document. <c>speclsp check</c> uses
/// this to parse each spec once, and to keep a spec's analysis in its cache while the rest of the workspace changes.
/// </summary>
public interface ICrossFileAnalyzer : IDocumentAnalyzer
{
    /// <summary>
    /// The diagnostics for <paramref name="context"/>, with the ones that read other files' index entries or the file
    /// system left as questions for <see cref="PendingDiagnostics.Complete"/>. <see cref="IDocumentAnalyzer.Analyze"/>
    /// is this, completed at once with the context's workspace.
    /// </summary>
    PendingDiagnostics AnalyzeLater(AnalysisContext context, CancellationToken cancellationToken);
}

/// <summary>One diagnostic already decided, or one question still to answer: what a pending analysis holds, in order.</summary>
/// <param name="Diagnostic">The diagnostic, or null for a question.</param>
/// <param name="Question">The question, or null for a diagnostic.</param>
public readonly record struct PendingSlot(SpecDiagnostic? Diagnostic, CrossFileQuestion? Question);

/// <summary>
/// Diagnostics in the order an analyzer found them, some of them still questions to the complete workspace index.
/// A question keeps only the values it was given (never the document), so many can wait at once, and be stored.
/// </summary>
public sealed class PendingDiagnostics
{
    private readonly List<PendingSlot> _slots = [];
    private readonly QuestionScratch _scratch = new();

    /// <summary>The diagnostics and questions in the order found.</summary>
    public IReadOnlyList<PendingSlot> Slots => _slots;

    /// <summary>A diagnostic already decided.</summary>
    public void Add(SpecDiagnostic diagnostic) => _slots.Add(new PendingSlot(diagnostic, null));

    /// <summary>A diagnostic, or none, that <paramref name="question"/> decides from the workspace.</summary>
    public void Later(CrossFileQuestion question) => _slots.Add(new PendingSlot(null, question));

    /// <summary>Every diagnostic, in the order found, the questions answered from <paramref name="workspace"/>.</summary>
    /// <param name="workspace">The workspace index to answer from.</param>
    /// <param name="self">
    /// The document's own fresh index entry, when the caller has it (the editor: the workspace's entry of an open
    /// document may be an older version's); else the workspace's entry for the document's path is used.
    /// </param>
    public IEnumerable<SpecDiagnostic> Complete(WorkspaceIndex workspace, FileIndex? self = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _scratch.For(workspace);
        var answers = new QuestionAnswers(workspace, self, _scratch);
        foreach (var slot in _slots)
        {
            if ((slot.Diagnostic ?? slot.Question!.Answer(answers)) is { } diagnostic)
            {
                yield return diagnostic;
            }
        }
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

    /// <summary>
    /// Every diagnostic and question in the order <see cref="Complete"/> collects them before sorting: what a cache
    /// stores, and <see cref="FromSlots"/> reads back into an analysis that completes to the same diagnostics.
    /// </summary>
    public IEnumerable<PendingSlot> Slots => _parse.Select(d => new PendingSlot(d, null)).Concat(_parts.SelectMany(PartSlots));

    /// <summary>An analysis of <paramref name="slots"/>, in that order (what <see cref="Slots"/> gave).</summary>
    public static PendingAnalysis FromSlots(IEnumerable<PendingSlot> slots)
    {
        var pending = new PendingDiagnostics();
        foreach (var slot in slots)
        {
            if (slot.Diagnostic is { } diagnostic)
            {
                pending.Add(diagnostic);
            }
            else if (slot.Question is { } question)
            {
                pending.Later(question);
            }
        }

        return new PendingAnalysis([], [pending]);
    }

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

    private static IEnumerable<PendingSlot> PartSlots(object part) =>
        part is PendingDiagnostics pending ? pending.Slots : ((ImmutableArray<SpecDiagnostic>)part).Select(d => new PendingSlot(d, null));
}
