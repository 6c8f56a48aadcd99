using SpecLsp.Core.Hover;
using SpecLsp.Core.References;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one hover handler: each provider is asked in turn, the most specific first, and the first answer wins.</summary>
internal sealed class HoverHandler(RequestInputs inputs, ClientSession session)
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

        var caret = session.Encoder.ToCore(document.Text, request.Position);
        if (ReferenceHover.Compute(context.View, caret) is { } reference)
        {
            return ToLsp(document, reference.Markdown, reference.Range);
        }

        var model = context.Document;
        var choice = context.Snapshot.Choice(context.Environment);
        var hover = SectionHover.ComputeForTitle(model, choice, caret)
            ?? (context.Snapshot.Match(context.Environment) is { } match ? SectionHover.Compute(match, caret) : null);
        return hover is null ? null : ToLsp(document, hover.Markdown, hover.Range);
    }

    private Hover ToLsp(DocumentSnapshot document, string markdown, Core.Text.TextRange range) => new()
    {
        Contents = session.HoverMarkdown
            ? new MarkupContent { Kind = MarkupKind.Markdown, Value = markdown }
            : new MarkupContent { Kind = MarkupKind.PlainText, Value = StripMarkdown(markdown) },
        Range = session.Encoder.ToLsp(document.Text, range),
    };

    // For a client that only shows plaintext: emphasis, code ticks, heading marks and link syntax removed.
    internal static string StripMarkdown(string markdown)
    {
        string text = System.Text.RegularExpressions.Regex.Replace(markdown, @"\[([^\]]*)\]\([^)]*\)", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^\s{0,3}#{1,6}\s+", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\*([^*\n]+)\*", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
