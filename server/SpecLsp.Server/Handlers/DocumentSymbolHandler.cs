using Microsoft.Extensions.Logging;
using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed partial class DocumentSymbolHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session, ILogger<DocumentSymbolHandler> logger)
    : IRequestHandler<DocumentSymbolParams, DocumentSymbolResult>, ICapabilityProvider
{
    /// <summary>The most symbols one answer holds; the rest of a larger outline is cut, and the log says so.</summary>
    public const int MaxSymbols = 10_000;

    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DocumentSymbolProvider = true };

    public async Task<DocumentSymbolResult> HandleAsync(DocumentSymbolParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (document, context))
        {
            return Array.Empty<DocumentSymbol>();
        }

        // Editors ask again for the same version (outline, breadcrumbs, sticky scroll): one answer per version, kept
        // with it (and its serialised bytes beside the answer, in DocumentSymbolResultConverter).
        return context.Snapshot.Derived(snapshot =>
        {
            var symbols = service.Outline(context, MaxSymbols, out int cut);
            if (cut > 0)
            {
                LogOutlineCut(document.Uri, MaxSymbols, cut);
            }

            return new OutlineAnswer(session.SupportsHierarchicalDocumentSymbols
                ? SymbolConversions.ToDocumentSymbols(symbols, snapshot.Text, session.Encoder)
                : SymbolConversions.ToSymbolInformation(symbols, document.Uri, snapshot.Text, session.Encoder));
        }).Result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outline of {Uri} cut to its first {Kept} symbols; {Cut} more were left out.")]
    private partial void LogOutlineCut(string uri, int kept, int cut);

    // The snapshot keeps derived facts by type: this one is the outline in this session's LSP form.
    private sealed record OutlineAnswer(DocumentSymbolResult Result);
}
