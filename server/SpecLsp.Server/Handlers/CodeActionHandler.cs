using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class CodeActionHandler(WorkspaceState workspace, ClientSession session, TemplateEnvironmentService templates)
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
        var template = templates.Current.Choose(model, document.Uri).Template;
        if (template is null)
        {
            return [];
        }

        var text = document.Text;
        var range = session.Encoder.ToCore(text, request.Range);
        var context = request.Context.Diagnostics
            .Select(d => TemplateConversions.ToCore(d, text, session.Encoder))
            .OfType<SpecDiagnostic>()
            .ToList();
        var actions = SectionCodeActions.Compute(TemplateMatch.Create(model, template), range, context);
        return [.. actions
            .Where(a => request.Context.Only is not { Length: > 0 } only || only.Any(kind => a.Kind == kind || a.Kind.StartsWith(kind + ".", StringComparison.Ordinal)))
            .Select(a => TemplateConversions.ToLsp(a, document.Uri, text, session.Encoder))];
    }
}
