using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Text;
using SpecLsp.Server.Handlers;

namespace SpecLsp.Server.Placeholders;

/// <summary>Quick fixes for placeholder and metadata diagnostics, and metadata completion.</summary>
internal sealed class PlaceholderFeatures(PlaceholderTemplates templates) : ICodeActionSource, ICompletionSource
{
    public IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, TextRange range, IReadOnlyList<SpecDiagnostic> diagnostics) =>
        diagnostics.SelectMany(d => PlaceholderFixes.For(d, context.Document, context.Today));

    public IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, Position caret)
    {
        var schema = templates.For(context)?.Metadata ?? MetadataSchema.Empty;
        return MetadataCompletion.Complete(context.Document, caret, schema, context.Today);
    }
}
