using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class FoldingRangeHandler(RequestInputs inputs, SpecLanguageService service)
    : IRequestHandler<FoldingRangeParams, FoldingRange[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { FoldingRangeProvider = true };

    public async Task<FoldingRange[]> HandleAsync(FoldingRangeParams request, CancellationToken cancellationToken) =>
        await inputs.GetAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is var (_, context)
            ? [.. service.FoldingRanges(context).Select(FoldingConversions.ToLsp)]
            : [];
}
