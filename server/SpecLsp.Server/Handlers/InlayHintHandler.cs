using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class InlayHintHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<InlayHintParams, InlayHint[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.InlayHint is null ? capabilities : capabilities with { InlayHintProvider = true };

    public async Task<InlayHint[]> HandleAsync(InlayHintParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (document, context))
        {
            return [];
        }

        var encoder = session.Encoder;
        var range = encoder.ToCore(document.Text, request.Range);
        return [.. service.ChecklistProgress(context)
            .Where(progress => range.Contains(progress.HeadingRange.Start))
            .Select(progress => new InlayHint
            {
                Position = encoder.ToLsp(document.Text, new Core.Text.Position(progress.HeadingRange.Start.Line, document.Text.GetLineText(progress.HeadingRange.Start.Line).Length)),
                Label = progress.Label,
                PaddingLeft = true,
            })];
    }
}
