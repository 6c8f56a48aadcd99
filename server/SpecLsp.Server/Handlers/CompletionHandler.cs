using SpecLsp.Core.Completion;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class CompletionHandler(WorkspaceState workspace, ClientSession session, TemplateEnvironmentService templates, DiagnosticsService diagnostics, IEnumerable<ICompletionSource> sources)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    // "#" starts a heading; a space ends "**Status:**", after which the allowed values are offered; "*" starts a key.
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = ["#", " ", "*"], ResolveProvider = false } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var caret = session.Encoder.ToCore(document.Text, request.Position);
        bool snippets = session.Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;
        var items = new List<SpecCompletionItem>();
        // Sections answer "#" and explicit invocation; " " and "*" are metadata triggers.
        bool metadataTrigger = request.Context?.TriggerCharacter is " " or "*";
        if (!metadataTrigger && templates.Current.Choose(model, document.Uri).Template is { } template)
        {
            items.AddRange(SectionCompletion.Complete(TemplateMatch.Create(model, template), caret));
        }

        var analysis = diagnostics.CreateContext(document, model);
        items.AddRange(sources.SelectMany(source => source.Complete(analysis, caret)));
        return new CompletionList
        {
            IsIncomplete = false,
            Items = [.. items.Select(i => TemplateConversions.ToLsp(i, document.Text, session.Encoder, snippets) with { Kind = ToLsp(i.Kind) })],
        };
    }

    private static CompletionItemKind ToLsp(SpecCompletionKind kind) => kind switch
    {
        SpecCompletionKind.Value => CompletionItemKind.EnumMember,
        SpecCompletionKind.Date => CompletionItemKind.Constant,
        SpecCompletionKind.Key => CompletionItemKind.Property,
        _ => CompletionItemKind.Snippet,
    };
}
