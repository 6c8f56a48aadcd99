using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Core.Analysis;

/// <summary>One family of diagnostics (templates, placeholders, references…). Pure: same context, same result.</summary>
public interface IDocumentAnalyzer
{
    /// <summary>The diagnostics for <paramref name="context"/>.</summary>
    IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken);
}
