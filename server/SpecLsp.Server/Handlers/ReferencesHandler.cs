using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class ReferencesHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<ReferenceParams, Location[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { ReferencesProvider = true };

    public async Task<Location[]> HandleAsync(ReferenceParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.WorkspaceAfterScan).ConfigureAwait(false) is not var (document, context, state))
        {
            return [];
        }

        var position = session.Encoder.ToCore(document.Text, request.Position);
        return conversions.ToLocations(state, service.References(context, position, request.Context.IncludeDeclaration));
    }
}
