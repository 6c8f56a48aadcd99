using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class WorkspaceSymbolHandler(WorkspaceIndexService index, ReferenceConversions conversions)
    : IRequestHandler<WorkspaceSymbolParams, WorkspaceSymbol[]>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { WorkspaceSymbolProvider = true };

    public async Task<WorkspaceSymbol[]> HandleAsync(WorkspaceSymbolParams request, CancellationToken cancellationToken)
    {
        // The index holds every spec, open ones from the editor's text, so closed files are found too.
        var current = await index.GetCurrentWithOpenDocumentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. IndexSymbols.Search(current, request.Query, cancellationToken: cancellationToken).Select(match => new WorkspaceSymbol
        {
            Name = match.Name,
            Kind = SymbolConversions.ToLsp(match.Kind),
            ContainerName = match.ContainerName,
            Location = conversions.ToLocation(new SourceLocation(match.DocumentUri, match.Range)),
        })];
    }
}
