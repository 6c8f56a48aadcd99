using System.Collections.Immutable;
using SpecLsp.Core;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Symbols;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Handlers;

/// <summary>The one code action handler: the facade's section, table of contents, placeholder and reference fixes, converted.</summary>
internal sealed class CodeActionHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<CodeActionParams, CodeAction[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix, SpecCodeActionKinds.InsertMissingSections, TableOfContents.Kind], ResolveProvider = false },
        };

    public async Task<CodeAction[]> HandleAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context, state))
        {
            return [];
        }

        var text = document.Text;
        var encoder = session.Encoder;

        // The client's diagnostics carry the data our fixes need; sent back as they came, so the client links them.
        var sent = new Dictionary<SpecDiagnostic, LspDiagnostic>(ReferenceEqualityComparer.Instance);
        foreach (var lsp in request.Context.Diagnostics)
        {
            if (CodeActionConversions.FromLsp(lsp, text, encoder) is { } diagnostic)
            {
                sent[diagnostic] = lsp;
            }
        }

        var asked = new CodeActionRequest(encoder.ToCore(text, request.Range), [.. sent.Keys], [.. request.Context.Only ?? []]);
        var result = service.CodeActions(context, asked)
            .Where(a => a.Changes is null || a.Changes.Creations.IsEmpty || conversions.CanCreateFiles)
            .Select(a => a.Changes is { } changes
                ? new CodeAction
                {
                    Title = a.Title,
                    Kind = CodeActionKind.QuickFix,
                    IsPreferred = a.IsPreferred ? true : null,
                    Diagnostics = [.. request.Context.Diagnostics.Where(d => a.Diagnostics.Any(f => d.Code?.ToString() == f.Code && encoder.ToCore(text, d.Range) == f.Range))],
                    Edit = conversions.ToWorkspaceEdit(state, changes),
                }
                : CodeActionConversions.ToLsp(a, document.Uri, text, encoder, sent));
        return [.. Order(result.Where(a => request.Context.Only is not { Length: > 0 } only
            || only.Any(kind => a.Kind == kind || (a.Kind ?? string.Empty).StartsWith(kind + ".", StringComparison.Ordinal))), request.Context.Diagnostics)];
    }

    /// <summary>
    /// Menus that show actions in the order given (Neovim, Emacs, Helix) and clients that take the first as the default
    /// should offer the fix for the problem under the cursor first: the preferred fixes of the client's diagnostics,
    /// then their other fixes, then any other quick fix, then whole-document source actions. The sort is stable.
    /// </summary>
    internal static IEnumerable<CodeAction> Order(IEnumerable<CodeAction> actions, LspDiagnostic[] underCursor) =>
        actions.OrderBy(action =>
        {
            bool fixesCursor = action.Diagnostics is { Length: > 0 } fixes && fixes.Any(d => underCursor.Any(c => c.Range == d.Range && c.Code?.ToString() == d.Code?.ToString()));
            bool source = action.Kind?.StartsWith(CodeActionKind.Source, StringComparison.Ordinal) == true;
            return source ? 3 : fixesCursor ? (action.IsPreferred == true ? 0 : 1) : 2;
        });
}
