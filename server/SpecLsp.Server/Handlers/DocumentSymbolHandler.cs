using SpecLsp.Core.Symbols;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DocumentSymbolHandler(WorkspaceState workspace, ClientSession session)
    : IRequestHandler<DocumentSymbolParams, DocumentSymbolResult>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DocumentSymbolProvider = true };

    public async Task<DocumentSymbolResult> HandleAsync(DocumentSymbolParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return Array.Empty<DocumentSymbol>();
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var symbols = DocumentSymbols.Compute(model);
        return session.SupportsHierarchicalDocumentSymbols
            ? SymbolConversions.ToDocumentSymbols(symbols, document.Text, session.Encoder)
            : SymbolConversions.ToSymbolInformation(symbols, document.Uri, document.Text, session.Encoder);
    }
}
