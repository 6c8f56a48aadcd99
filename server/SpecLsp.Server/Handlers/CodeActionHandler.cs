using SpecLsp.Core.Diagnostics;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Handlers;

internal sealed class CodeActionHandler(WorkspaceState workspace, ClientSession session, DiagnosticsService diagnostics, IEnumerable<ICodeActionSource> sources)
    : IRequestHandler<CodeActionParams, CodeAction[]>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix] } };

    public async Task<CodeAction[]> HandleAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return [];
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var encoder = session.Encoder;
        var sent = new Dictionary<SpecDiagnostic, LspDiagnostic>(ReferenceEqualityComparer.Instance);
        foreach (var lsp in request.Context.Diagnostics)
        {
            if (CodeActionConversions.FromLsp(lsp, document.Text, encoder) is { } diagnostic)
            {
                sent[diagnostic] = lsp;
            }
        }

        var context = diagnostics.CreateContext(document, model);
        var range = encoder.ToCore(document.Text, request.Range);
        var only = request.Context.Only;
        return
        [
            .. sources.SelectMany(source => source.GetActions(context, range, [.. sent.Keys]))
                .Where(action => only is null || only.Any(kind => action.Kind == kind || action.Kind.StartsWith(kind + ".", StringComparison.Ordinal)))
                .Select(action => CodeActionConversions.ToLsp(action, document.Uri, document.Text, encoder, sent)),
        ];
    }
}
