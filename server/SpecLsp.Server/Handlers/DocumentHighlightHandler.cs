using SpecLsp.Core;
using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DocumentHighlightHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<DocumentHighlightParams, DocumentHighlight[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DocumentHighlightProvider = true };

    public async Task<DocumentHighlight[]> HandleAsync(DocumentHighlightParams request, CancellationToken cancellationToken)
    {
        // Highlights are this document's own occurrences: no need to wait for the workspace scan.
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context))
        {
            return [];
        }

        var encoder = session.Encoder;
        return [.. service.Highlights(context, encoder.ToCore(document.Text, request.Position)).Select(h => new DocumentHighlight
        {
            Range = encoder.ToLsp(document.Text, h.Range),
            Kind = h.Kind == HighlightKind.Write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        })];
    }
}
