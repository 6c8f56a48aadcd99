using SpecLsp.Core.Model;
using SpecLsp.Core.Symbols;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class WorkspaceSymbolHandler(WorkspaceState workspace, ClientSession session)
    : IRequestHandler<WorkspaceSymbolParams, WorkspaceSymbol[]>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { WorkspaceSymbolProvider = true };

    public async Task<WorkspaceSymbol[]> HandleAsync(WorkspaceSymbolParams request, CancellationToken cancellationToken)
    {
        var documents = workspace.Documents;
        var models = new List<KeyValuePair<string, SpecDocument>>(documents.Count);
        foreach (var document in documents.Values)
        {
            models.Add(new(document.Uri, await document.GetModelAsync(cancellationToken).ConfigureAwait(false)));
        }

        var encoder = session.Encoder;
        return [.. WorkspaceSymbols.Search(models, request.Query).Select(match => new WorkspaceSymbol
        {
            Name = match.Name,
            Kind = SymbolConversions.ToLsp(match.Kind),
            ContainerName = match.ContainerName,
            Location = new Location { Uri = match.DocumentUri, Range = encoder.ToLsp(documents[match.DocumentUri].Text, match.Range) },
        })];
    }
}
