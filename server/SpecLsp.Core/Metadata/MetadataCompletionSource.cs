using SpecLsp.Core.Analysis;
using SpecLsp.Core.Completion;

namespace SpecLsp.Core.Metadata;

/// <summary>Metadata keys and values (statuses, dates) from the schema of the template the document follows.</summary>
public sealed class MetadataCompletionSource : ICompletionSource
{
    /// <inheritdoc />
    public IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, CompletionRequest request) =>
        MetadataCompletion.Complete(context.Document, request.Caret, context.Snapshot.TemplateFacts(context.Environment)?.Metadata ?? MetadataSchema.Empty, context.Today);
}
