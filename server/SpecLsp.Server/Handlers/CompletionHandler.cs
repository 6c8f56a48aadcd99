using SpecLsp.Core;
using SpecLsp.Core.Completion;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one completion handler: the facade's template sections, metadata, and link targets, labels and IDs from the index.</summary>
internal sealed class CompletionHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<CompletionParams, CompletionList>, ICapabilityProvider
{
    // "#" starts a heading or an anchor; "(", "[", "/" and "-" continue link targets, labels and IDs;
    // a space ends "**Status:**", after which the allowed values are offered; "*" starts a metadata key.
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CompletionProvider = new CompletionOptions { TriggerCharacters = ["#", "(", "[", "/", "-", " ", "*"], ResolveProvider = false } };

    public async Task<CompletionList> HandleAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context))
        {
            return new CompletionList { IsIncomplete = false, Items = [] };
        }

        var caret = session.Encoder.ToCore(document.Text, request.Position);
        bool snippets = session.Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;
        var items = service.Complete(context, new CompletionRequest(caret, request.Context?.TriggerCharacter));
        return new CompletionList { IsIncomplete = false, Items = [.. items.Select(i => CompletionConversions.ToLsp(i, document.Text, session.Encoder, snippets))] };
    }
}
