using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;

namespace SpecLsp.Core.Placeholders;

/// <summary>Quick fixes for the placeholder and metadata diagnostics the client sent back.</summary>
public sealed class PlaceholderFixSource : ICodeActionSource
{
    /// <inheritdoc />
    public IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, CodeActionRequest request) =>
        request.Diagnostics.SelectMany(d => PlaceholderFixes.For(d, context.Document, context.Today));
}
