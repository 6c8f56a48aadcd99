using System.Globalization;
using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DocumentLinkHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<DocumentLinkParams, DocumentLink[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DocumentLinkProvider = new DocumentLinkOptions { ResolveProvider = false } };

    public async Task<DocumentLink[]> HandleAsync(DocumentLinkParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context, state))
        {
            return [];
        }

        // VS Code and most editors open "file:///x.md#L12" at line 12 (1-based).
        return [.. service.DocumentLinks(context).Select(link => new DocumentLink
        {
            Range = session.Encoder.ToLsp(document.Text, link.Range),
            Target = state.ToUri(link.TargetPath) + (link.TargetLine is { } line ? "#L" + (line + 1).ToString(CultureInfo.InvariantCulture) : string.Empty),
        })];
    }
}
