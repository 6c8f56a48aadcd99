using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Core.Analysis;

/// <summary>Runs every analyzer over a document and returns its diagnostics in document order.</summary>
public sealed class DiagnosticEngine
{
    private readonly ImmutableArray<IDocumentAnalyzer> _analyzers;

    /// <summary>Creates an engine over <paramref name="analyzers"/>.</summary>
    public DiagnosticEngine(IEnumerable<IDocumentAnalyzer> analyzers) => _analyzers = [.. analyzers];

    /// <summary>The parse diagnostics and every analyzer's, sorted by position.</summary>
    public ImmutableArray<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        var all = ImmutableArray.CreateBuilder<SpecDiagnostic>();
        all.AddRange(context.Document.ParseDiagnostics);
        foreach (var analyzer in _analyzers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            all.AddRange(analyzer.Analyze(context, cancellationToken));
        }

        return Sorted(all);
    }

    /// <summary>
    /// The parse diagnostics and every analyzer's as far as the document decides them, the cross-file ones
    /// (<see cref="ICrossFileAnalyzer"/>) left for <see cref="PendingAnalysis.Complete"/> with the complete workspace index.
    /// Analyzers that are not cross-file ones run in full here, so they must not read the workspace.
    /// </summary>
    public PendingAnalysis AnalyzeLater(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parts = ImmutableArray.CreateBuilder<object>(_analyzers.Length);
        foreach (var analyzer in _analyzers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parts.Add(analyzer is ICrossFileAnalyzer crossFile
                ? crossFile.AnalyzeLater(context, cancellationToken)
                : analyzer.Analyze(context, cancellationToken).ToImmutableArray());
        }

        return new PendingAnalysis(context.Document.ParseDiagnostics, parts.MoveToImmutable());
    }

    // The same sort for both paths, on the same sequence, so a deferred analysis orders ties exactly as a direct one.
    internal static ImmutableArray<SpecDiagnostic> Sorted(ImmutableArray<SpecDiagnostic>.Builder all)
    {
        all.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return all.ToImmutable();
    }
}
