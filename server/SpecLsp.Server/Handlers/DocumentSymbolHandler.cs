using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SpecLsp.Core.Model;
using SpecLsp.Core.Symbols;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed partial class DocumentSymbolHandler(WorkspaceState workspace, ClientSession session, ILogger<DocumentSymbolHandler> logger)
    : IRequestHandler<DocumentSymbolParams, DocumentSymbolResult>, ICapabilityProvider
{
    /// <summary>The most symbols one answer holds; the rest of a larger outline is cut, and the log says so.</summary>
    public const int MaxSymbols = 10_000;

    private readonly ConditionalWeakTable<SpecDocument, DocumentSymbolResult> _answers = [];

    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
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
            var symbols = DocumentSymbols.Truncate(DocumentSymbols.Compute(m), MaxSymbols, out int cut);
            if (cut > 0)
            {
                LogOutlineCut(document.Uri, MaxSymbols, cut);
            }

            return session.SupportsHierarchicalDocumentSymbols
                ? SymbolConversions.ToDocumentSymbols(symbols, m.Source, session.Encoder)
                : SymbolConversions.ToSymbolInformation(symbols, document.Uri, m.Source, session.Encoder);
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outline of {Uri} cut to its first {Kept} symbols; {Cut} more were left out.")]
    private partial void LogOutlineCut(string uri, int kept, int cut);
}
