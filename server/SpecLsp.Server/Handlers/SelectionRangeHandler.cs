using SpecLsp.Core.Selection;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class SelectionRangeHandler(WorkspaceState workspace, ClientSession session)
    : IRequestHandler<SelectionRangeParams, SelectionRange[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { SelectionRangeProvider = true };

    public async Task<SelectionRange[]> HandleAsync(SelectionRangeParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return [];
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var encoder = session.Encoder;

        // The answer has one chain per caret, in order; each chain is built from the outermost range in.
        return [.. request.Positions.Select(caret =>
        {
            var chain = SelectionRanges.Compute(model, encoder.ToCore(model.Source, caret));
            SelectionRange? parent = null;
            for (int i = chain.Length - 1; i >= 0; i--)
            {
                parent = new SelectionRange { Range = encoder.ToLsp(model.Source, chain[i]), Parent = parent };
            }

            return parent ?? new SelectionRange { Range = new Protocol.Lsp.Range { Start = caret, End = caret } };
        })];
    }
}
