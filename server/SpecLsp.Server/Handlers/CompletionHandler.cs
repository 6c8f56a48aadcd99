using SpecLsp.Core.Completion;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class CompletionHandler(WorkspaceState workspace, ClientSession session, TemplateEnvironmentService templates)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = ["#"], ResolveProvider = false } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var template = templates.Current.Choose(model, document.Uri).Template;
        if (template is null)
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var caret = session.Encoder.ToCore(document.Text, request.Position);
        bool snippets = session.Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;
        var items = SectionCompletion.Complete(TemplateMatch.Create(model, template), caret);
        return new CompletionList
        {
            IsIncomplete = false,
            Items = [.. items.Select(i => TemplateConversions.ToLsp(i, document.Text, session.Encoder, snippets))],
        };
    }
}
