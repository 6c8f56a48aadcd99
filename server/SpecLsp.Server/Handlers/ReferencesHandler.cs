using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class ReferencesHandler(RequestInputs inputs, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<ReferenceParams, Location[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { ReferencesProvider = true };

    public async Task<Location[]> HandleAsync(ReferenceParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.WorkspaceAfterScan).ConfigureAwait(false) is not var (snapshot, context))
        {
            return [];
        }

        var position = session.Encoder.ToCore(snapshot.Text, request.Position);
        return conversions.ToLocations(ReferenceNavigation.FindReferences(context.View, position, request.Context.IncludeDeclaration));
    }
}
