using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class SelectionRangeHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<SelectionRangeParams, SelectionRange[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { SelectionRangeProvider = true };

    public async Task<SelectionRange[]> HandleAsync(SelectionRangeParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (_, context))
        {
            return [];
        }

        var encoder = session.Encoder;

        // The answer has one chain per caret, in order; each chain is built from the outermost range in.
        return [.. request.Positions.Select(caret =>
        {
            var chain = service.SelectionRanges(context, encoder.ToCore(context.Document.Source, caret));
            SelectionRange? parent = null;
            for (int i = chain.Length - 1; i >= 0; i--)
            {
                parent = new SelectionRange { Range = encoder.ToLsp(context.Document.Source, chain[i]), Parent = parent };
            }

            return parent ?? new SelectionRange { Range = new Protocol.Lsp.Range { Start = caret, End = caret } };
        })];
    }
}
