using System.Runtime.CompilerServices;
using SpecLsp.Core.Model;
using SpecLsp.Core.Symbols;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DocumentSymbolHandler(WorkspaceState workspace, ClientSession session)
    : IRequestHandler<DocumentSymbolParams, DocumentSymbolResult>, ICapabilityProvider
{
    private readonly ConditionalWeakTable<SpecDocument, DocumentSymbolResult> _answers = [];

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

        // Editors ask again for the same version (outline, breadcrumbs, sticky scroll): one answer per model.
        return _answers.GetValue(model, m =>
        {
            var symbols = DocumentSymbols.Compute(m);
            return session.SupportsHierarchicalDocumentSymbols
                ? SymbolConversions.ToDocumentSymbols(symbols, m.Source, session.Encoder)
                : SymbolConversions.ToSymbolInformation(symbols, document.Uri, m.Source, session.Encoder);
        });
    }
}
