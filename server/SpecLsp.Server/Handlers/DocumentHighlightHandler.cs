using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DocumentHighlightHandler(WorkspaceIndexService index, ClientSession session)
    : IRequestHandler<DocumentHighlightParams, DocumentHighlight[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DocumentHighlightProvider = true };

    public async Task<DocumentHighlight[]> HandleAsync(DocumentHighlightParams request, CancellationToken cancellationToken)
    {
        // Highlights are this document's own occurrences: no need to wait for the workspace scan.
        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (snapshot, view))
        {
            return [];
        }

        var encoder = session.Encoder;
        return [.. ReferenceHighlights.Find(view, encoder.ToCore(snapshot.Text, request.Position)).Select(h => new DocumentHighlight
        {
            Range = encoder.ToLsp(snapshot.Text, h.Range),
            Kind = h.Kind == HighlightKind.Write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        })];
    }
}
