using SpecLsp.Core;
using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class WorkspaceSymbolHandler(RequestInputs inputs, SpecLanguageService service, ReferenceConversions conversions)
    : IRequestHandler<WorkspaceSymbolParams, WorkspaceSymbol[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { WorkspaceSymbolProvider = true };

    public async Task<WorkspaceSymbol[]> HandleAsync(WorkspaceSymbolParams request, CancellationToken cancellationToken)
    {
        // The index holds every spec, open ones from the editor's text, so closed files are found too.
        var (state, current) = await inputs.GetWorkspaceAsync(cancellationToken).ConfigureAwait(false);
        var matches = service.WorkspaceSymbols(current, request.Query, cancellationToken);
        var locations = conversions.ToLocations(state, matches.Select(m => new SourceLocation(m.DocumentUri, m.Range)));
        return [.. matches.Select((match, i) => new WorkspaceSymbol
        {
            Name = match.Name,
            Kind = SymbolConversions.ToLsp(match.Kind),
            ContainerName = match.ContainerName,
            Location = locations[i],
        })];
    }
}
