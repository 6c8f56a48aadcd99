using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DefinitionHandler(WorkspaceIndexService index, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<DefinitionParams, Location[]>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DefinitionProvider = true };

    public async Task<Location[]> HandleAsync(DefinitionParams request, CancellationToken cancellationToken)
    {
        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (snapshot, view))
        {
            return [];
        }

        var position = session.Encoder.ToCore(snapshot.Text, request.Position);
        return conversions.ToLocations(ReferenceNavigation.FindDefinition(view, position));
    }
}
