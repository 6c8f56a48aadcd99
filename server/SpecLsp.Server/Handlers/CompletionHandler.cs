using SpecLsp.Core.Completion;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class CompletionHandler(WorkspaceState workspace, ClientSession session, DiagnosticsService diagnostics, IEnumerable<ICompletionSource> sources)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    // A space ends "**Status:**", after which the allowed values are offered; "*" starts a key.
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = [.. (capabilities.CompletionProvider?.TriggerCharacters ?? []).Union([" ", "*"])] } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var encoder = session.Encoder;
        var caret = encoder.ToCore(document.Text, request.Position);
        var context = diagnostics.CreateContext(document, model);
        bool snippets = session.Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;
        var items = sources.SelectMany(source => source.Complete(context, caret)).Select(item => new CompletionItem
        {
            Label = item.Label,
            Kind = item.Kind switch
            {
                SpecCompletionKind.Value => CompletionItemKind.EnumMember,
                SpecCompletionKind.Date => CompletionItemKind.Constant,
                SpecCompletionKind.Key => CompletionItemKind.Property,
                _ => CompletionItemKind.Module,
            },
            Detail = item.Detail.Length > 0 ? item.Detail : null,
            Documentation = item.Documentation.Length > 0 ? new MarkupContent { Kind = MarkupKind.Markdown, Value = item.Documentation } : null,
            SortText = item.SortText,
            FilterText = item.FilterText,
            InsertTextFormat = snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            TextEdit = new TextEdit { Range = encoder.ToLsp(document.Text, item.ReplaceRange), NewText = snippets ? item.SnippetText : item.PlainText },
        });
        return new CompletionList { IsIncomplete = false, Items = [.. items] };
    }
}
