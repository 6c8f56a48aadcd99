using SpecLsp.Core.Completion;
using SpecLsp.Core.References;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one completion handler: sections from the template, and link targets, labels and IDs from the index.</summary>
internal sealed class CompletionHandler(WorkspaceState workspace, ClientSession session, TemplateEnvironmentService templates, WorkspaceIndexService index)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = ["#", "(", "[", "/", "-"], ResolveProvider = false } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var caret = session.Encoder.ToCore(document.Text, request.Position);
        var items = new List<CompletionItem>();
        var template = templates.Current.Choose(model, document.Uri).Template;
        if (template is not null)
        {
            bool snippets = session.Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;
            items.AddRange(SectionCompletion.Complete(TemplateMatch.Create(model, template), caret).Select(i => TemplateConversions.ToLsp(i, document.Text, session.Encoder, snippets)));
        }

        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is var (_, view))
        {
            items.AddRange(ReferenceCompletion.Compute(view, caret, DateOnly.FromDateTime(DateTime.Now)).Select(e => new CompletionItem
            {
                Label = e.Label,
                Kind = ToKind(e.Kind),
                Detail = e.Detail,
                SortText = e.SortText,
                TextEdit = new TextEdit { Range = session.Encoder.ToLsp(document.Text, e.ReplaceRange), NewText = e.Label },
            }));
        }

        return new CompletionList { IsIncomplete = false, Items = [.. items] };
    }

    private static CompletionItemKind ToKind(CompletionEntryKind kind) => kind switch
    {
        CompletionEntryKind.File => CompletionItemKind.File,
        CompletionEntryKind.Anchor or CompletionEntryKind.ReferenceLabel => CompletionItemKind.Reference,
        CompletionEntryKind.NewId => CompletionItemKind.Keyword,
        _ => CompletionItemKind.Value,
    };
}
