using SpecLsp.Core.Hover;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class HoverHandler(WorkspaceState workspace, ClientSession session, TemplateEnvironmentService templates)
    : IRequestHandler<HoverParams, Hover?>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { HoverProvider = true };

    public async Task<Hover?> HandleAsync(HoverParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return null;
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var choice = templates.Current.Choose(model, document.Uri);
        var caret = session.Encoder.ToCore(document.Text, request.Position);
        var hover = SectionHover.ComputeForTitle(model, choice, caret)
            ?? (choice.Template is { } template ? SectionHover.Compute(TemplateMatch.Create(model, template), caret) : null);
        return hover is null
            ? null
            : new Hover
            {
                Contents = new MarkupContent { Kind = MarkupKind.Markdown, Value = hover.Markdown },
                Range = session.Encoder.ToLsp(document.Text, hover.Range),
            };
    }
}
