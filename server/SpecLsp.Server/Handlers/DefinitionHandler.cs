using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>Go to definition: <c>LocationLink[]</c> for a client that declares <c>linkSupport</c> (it underlines the whole ID or link), else <c>Location[]</c>.</summary>
internal sealed class DefinitionHandler(RequestInputs inputs, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<DefinitionParams, DefinitionResult>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DefinitionProvider = true };

    public async Task<DefinitionResult> HandleAsync(DefinitionParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (snapshot, context))
        {
            return Array.Empty<Location>();
        }

        var view = context.View;
        var position = session.Encoder.ToCore(snapshot.Text, request.Position);
        var targets = ReferenceNavigation.FindDefinition(view, position);
        if (session.Capabilities.TextDocument?.Definition?.LinkSupport == true && view.Path is { } path && !targets.IsEmpty
            && ReferenceSymbol.Find(view, position) is { } origin)
        {
            return conversions.ToLocationLinks(targets, path, origin.Range);
        }

        return conversions.ToLocations(targets);
    }
}
