using SpecLsp.Core.Completion;
using SpecLsp.Core.References;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one completion handler: template sections, every registered completion source, and link targets, labels and IDs from the index.</summary>
internal sealed class CompletionHandler(
    RequestInputs inputs,
    ClientSession session,
    IEnumerable<ICompletionSource> sources)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    // "#" starts a heading or an anchor; "(", "[", "/" and "-" continue link targets, labels and IDs;
    // a space ends "**Status:**", after which the allowed values are offered; "*" starts a metadata key.
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = ["#", "(", "[", "/", "-", " ", "*"], ResolveProvider = false } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, analysis))
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var model = analysis.Document;
        var caret = session.Encoder.ToCore(document.Text, request.Position);
        bool snippets = session.Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;
        var items = new List<SpecCompletionItem>();
        // Sections answer "#" and explicit invocation; " " and "*" are metadata triggers.
        // Except a space typed after a line's "#"s ("## "): that asks for sections, not metadata values.
        bool metadataTrigger = request.Context?.TriggerCharacter is " " or "*";
        bool headingSpace = request.Context?.TriggerCharacter == " " && caret.Line < model.Source.LineCount
            && model.Source.GetLineText(caret.Line).TrimStart().StartsWith('#');
        if ((!metadataTrigger || headingSpace) && analysis.Snapshot.Match(analysis.Environment) is { } match)
        {
            items.AddRange(SectionCompletion.Complete(match, caret));
        }

        items.AddRange(sources.SelectMany(source => source.Complete(analysis, caret)));
        var result = items.Select(i => TemplateConversions.ToLsp(i, document.Text, session.Encoder, snippets) with { Kind = ToLsp(i.Kind) }).ToList();

        if (!metadataTrigger)
        {
            result.AddRange(ReferenceCompletion.Compute(analysis.View, caret, analysis.Today).Select(e => new CompletionItem
            {
                Label = e.Label,
                Kind = ToKind(e.Kind),
                Detail = e.Detail,
                SortText = e.SortText,
                TextEdit = new TextEdit { Range = session.Encoder.ToLsp(document.Text, e.ReplaceRange), NewText = e.Label },
            }));
        }

        return new CompletionList { IsIncomplete = false, Items = [.. result] };
    }

    private static CompletionItemKind ToLsp(SpecCompletionKind kind) => kind switch
    {
        SpecCompletionKind.Value => CompletionItemKind.EnumMember,
        SpecCompletionKind.Date => CompletionItemKind.Constant,
        SpecCompletionKind.Key => CompletionItemKind.Property,
        _ => CompletionItemKind.Snippet,
    };

    private static CompletionItemKind ToKind(CompletionEntryKind kind) => kind switch
    {
        CompletionEntryKind.File => CompletionItemKind.File,
        CompletionEntryKind.Anchor or CompletionEntryKind.ReferenceLabel => CompletionItemKind.Reference,
        CompletionEntryKind.NewId => CompletionItemKind.Keyword,
        _ => CompletionItemKind.Value,
    };
}
