using SpecLsp.Core.Analysis;
using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>The one code action handler: it combines the code action providers' actions.</summary>
internal sealed class CodeActionHandler(WorkspaceIndexService index, ClientSession session, DiagnosticsService diagnostics, DiagnosticEngine engine, ReferenceConversions conversions)
    : IRequestHandler<CodeActionParams, CodeAction[]>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix] } };

    public async Task<CodeAction[]> HandleAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (snapshot, view))
        {
            return [];
        }

        // Recomputed rather than read back from the client, which may have dropped the diagnostics' data.
        var encoder = session.Encoder;
        var range = encoder.ToCore(snapshot.Text, request.Range);
        var current = engine.Analyze(diagnostics.CreateContext(snapshot, view.Document), cancellationToken);
        var actions = ReferenceCodeActions.Compute(view, ReferenceCodeActions.Touching(current, range));
        return [.. actions
            .Where(a => a.Changes.Creations.IsEmpty || conversions.CanCreateFiles)
            .Select(a => new CodeAction
            {
                Title = a.Title,
                Kind = CodeActionKind.QuickFix,
                IsPreferred = a.IsPreferred ? true : null,
                Diagnostics = [.. request.Context.Diagnostics.Where(d => d.Code?.ToString() == a.DiagnosticCode && encoder.ToCore(snapshot.Text, d.Range) == a.DiagnosticRange)],
                Edit = conversions.ToWorkspaceEdit(a.Changes),
            })];
    }
}
