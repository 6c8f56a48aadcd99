using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one completion handler: it combines the completion providers' items.</summary>
internal sealed class CompletionHandler(WorkspaceIndexService index, ClientSession session)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = ["(", "#", "[", "/", "-"] } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (snapshot, view))
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var encoder = session.Encoder;
        var entries = ReferenceCompletion.Compute(view, encoder.ToCore(snapshot.Text, request.Position), DateOnly.FromDateTime(DateTime.Now));
        return new CompletionList
        {
            IsIncomplete = false,
            Items = [.. entries.Select(e => new CompletionItem
            {
                Label = e.Label,
                Kind = ToKind(e.Kind),
                Detail = e.Detail,
                SortText = e.SortText,
                TextEdit = new TextEdit { Range = encoder.ToLsp(snapshot.Text, e.ReplaceRange), NewText = e.Label },
            })],
        };
    }

    private static CompletionItemKind ToKind(CompletionEntryKind kind) => kind switch
    {
        CompletionEntryKind.File => CompletionItemKind.File,
        CompletionEntryKind.Anchor => CompletionItemKind.Reference,
        CompletionEntryKind.ReferenceLabel => CompletionItemKind.Reference,
        CompletionEntryKind.NewId => CompletionItemKind.Keyword,
        _ => CompletionItemKind.Value,
    };
}
