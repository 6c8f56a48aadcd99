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

        all.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return all.ToImmutable();
    }
}
