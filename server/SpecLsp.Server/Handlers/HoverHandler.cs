using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one hover handler: the facade asks each feature in turn, the most specific first, and the first answer wins.</summary>
internal sealed class HoverHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<HoverParams, Hover?>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { HoverProvider = true };

    public async Task<Hover?> HandleAsync(HoverParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context))
        {
            return null;
        }

        var hover = service.Hover(context, session.Encoder.ToCore(document.Text, request.Position));
        return hover is null ? null : new Hover
        {
            Contents = session.HoverMarkdown
                ? new MarkupContent { Kind = MarkupKind.Markdown, Value = hover.Markdown }
                : new MarkupContent { Kind = MarkupKind.PlainText, Value = StripMarkdown(hover.Markdown) },
            Range = session.Encoder.ToLsp(document.Text, hover.Range),
        };
    }

    // For a client that only shows plaintext: emphasis, code ticks, heading marks and link syntax removed.
    internal static string StripMarkdown(string markdown)
    {
        string text = System.Text.RegularExpressions.Regex.Replace(markdown, @"\[([^\]]*)\]\([^)]*\)", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^\s{0,3}#{1,6}\s+", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\*([^*\n]+)\*", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
