using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Handlers;

internal sealed class CodeActionHandler(WorkspaceState workspace, ClientSession session, TemplateEnvironmentService templates, DiagnosticsService diagnostics, IEnumerable<ICodeActionSource> sources)
    : IRequestHandler<CodeActionParams, CodeAction[]>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix, SpecCodeActionKinds.InsertMissingSections], ResolveProvider = false },
        };

    public async Task<CodeAction[]> HandleAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return [];
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var text = document.Text;
        var encoder = session.Encoder;
        var range = encoder.ToCore(text, request.Range);

        // The client's diagnostics carry the data our fixes need; sent back as they came, so the client links them.
        var sent = new Dictionary<SpecDiagnostic, LspDiagnostic>(ReferenceEqualityComparer.Instance);
        foreach (var lsp in request.Context.Diagnostics)
        {
            if (CodeActionConversions.FromLsp(lsp, text, encoder) is { } diagnostic)
            {
                sent[diagnostic] = lsp;
            }
        }

        var context = sent.Keys.ToList();
        var actions = new List<SpecCodeAction>();
        if (templates.Current.Choose(model, document.Uri).Template is { } template)
        {
            actions.AddRange(SectionCodeActions.Compute(TemplateMatch.Create(model, template), range, context));
        }

        var analysis = diagnostics.CreateContext(document, model);
        actions.AddRange(sources.SelectMany(source => source.GetActions(analysis, range, context)));
        return [.. actions
            .Where(a => request.Context.Only is not { Length: > 0 } only || only.Any(kind => a.Kind == kind || a.Kind.StartsWith(kind + ".", StringComparison.Ordinal)))
            .Select(a => CodeActionConversions.ToLsp(a, document.Uri, text, encoder, sent))];
    }
}
