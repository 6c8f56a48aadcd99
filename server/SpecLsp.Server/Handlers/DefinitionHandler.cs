using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>Go to definition: <c>LocationLink[]</c> for a client that declares <c>linkSupport</c> (it underlines the whole ID or link), else <c>Location[]</c>.</summary>
internal sealed class DefinitionHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<DefinitionParams, DefinitionResult>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { DefinitionProvider = true };

    public async Task<DefinitionResult> HandleAsync(DefinitionParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context, state))
        {
            return Array.Empty<Location>();
        }

        var answer = service.Definition(context, session.Encoder.ToCore(document.Text, request.Position));
        if (session.Capabilities.TextDocument?.Definition?.LinkSupport == true && context.Snapshot.Path is { } path && answer.Origin is { } origin)
        {
            return conversions.ToLocationLinks(state, answer.Targets, path, origin);
        }

        return conversions.ToLocations(state, answer.Targets);
    }
}
