using SpecLsp.Core.Folding;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class FoldingRangeHandler(WorkspaceState workspace)
    : IRequestHandler<FoldingRangeParams, FoldingRange[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { FoldingRangeProvider = true };

    public async Task<FoldingRange[]> HandleAsync(FoldingRangeParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return [];
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        return [.. FoldingRanges.Compute(model).Select(FoldingConversions.ToLsp)];
    }
}
