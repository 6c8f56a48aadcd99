using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one hover handler: each hover provider is asked in turn and the first answer wins.</summary>
internal sealed class HoverHandler(WorkspaceIndexService index, ClientSession session)
    : IRequestHandler<HoverParams, Hover?>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { HoverProvider = true };

    public async Task<Hover?> HandleAsync(HoverParams request, CancellationToken cancellationToken)
    {
        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (snapshot, view))
        {
            return null;
        }

        var hover = ReferenceHover.Compute(view, session.Encoder.ToCore(snapshot.Text, request.Position));
        return hover is null ? null : new Hover
        {
            Contents = new MarkupContent { Kind = MarkupKind.Markdown, Value = hover.Markdown },
            Range = session.Encoder.ToLsp(snapshot.Text, hover.Range),
        };
    }
}
