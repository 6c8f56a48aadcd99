using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.References;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Handlers;

/// <summary>The one code action handler: template section fixes, every registered code action source, and reference fixes.</summary>
internal sealed class CodeActionHandler(
    RequestInputs inputs,
    ClientSession session,
    IEnumerable<ICodeActionSource> sources,
    DiagnosticEngine engine,
    ReferenceConversions conversions)
    : IRequestHandler<CodeActionParams, CodeAction[]>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix, SpecCodeActionKinds.InsertMissingSections, TableOfContents.Kind], ResolveProvider = false },
        };

    public async Task<CodeAction[]> HandleAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, analysis))
        {
            return [];
        }

        var model = analysis.Document;
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
        var template = analysis.Snapshot.Choice(analysis.Environment).Template;
        if (template is not null)
        {
            bool sourceAsked = request.Context.Only is { Length: > 0 } asked && asked.Any(kind => SpecCodeActionKinds.InsertMissingSections.StartsWith(kind, StringComparison.Ordinal));
            actions.AddRange(SectionCodeActions.Compute(analysis.Snapshot.Match(template), range, context, sourceAsked));
        }

        // The table of contents: on request (Source Action…), or offered where one already is, to update it.
        bool tocAsked = request.Context.Only is { Length: > 0 } kinds && kinds.Any(kind => TableOfContents.Kind.StartsWith(kind, StringComparison.Ordinal));
        if ((tocAsked || TableOfContents.Contains(model, range.Start.Line)) && TableOfContents.Action(model, range.Start) is { } toc)
        {
            actions.Add(toc);
        }

        actions.AddRange(sources.SelectMany(source => source.GetActions(analysis, range, context)));
        var result = actions.Select(a => CodeActionConversions.ToLsp(a, document.Uri, text, encoder, sent)).ToList();

        // Editors ask for code actions on every caret move: analyse again only when a reference fix can apply.
        bool referenceProblem = request.Context.Diagnostics.Any(d => d.Code?.ToString() is DiagnosticCodes.BrokenLink or DiagnosticCodes.BrokenAnchor or DiagnosticCodes.UndefinedReference or DiagnosticCodes.DuplicateId);
        if (referenceProblem)
        {
            // Recomputed rather than read back from the client, which may have dropped the diagnostics' data.
            var current = engine.Analyze(analysis, cancellationToken);
            result.AddRange(ReferenceCodeActions.Compute(analysis.View, ReferenceCodeActions.Touching(current, range), path => NewSpecText(analysis, path, template))
                .Where(a => a.Changes.Creations.IsEmpty || conversions.CanCreateFiles)
                .Select(a => new CodeAction
                {
                    Title = a.Title,
                    Kind = CodeActionKind.QuickFix,
                    IsPreferred = a.IsPreferred ? true : null,
                    Diagnostics = [.. request.Context.Diagnostics.Where(d => d.Code?.ToString() == a.DiagnosticCode && encoder.ToCore(text, d.Range) == a.DiagnosticRange)],
                    Edit = conversions.ToWorkspaceEdit(a.Changes),
                }));
        }

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

    // The template configured for the new file's path, else the one this document follows; a bare title without either.
    private static string NewSpecText(AnalysisContext analysis, string path, SpecTemplate? documentTemplate)
    {
        var environment = analysis.Environment;
        var root = Core.Workspace.WorkspacePaths.FromUriOrPath(environment.WorkspaceRoot);
        var configured = root is not null && Core.Workspace.WorkspacePaths.IsUnder(path, root) && environment.Configuration.TemplateFor(path[root.Length..].TrimStart('/')) is { } name
            ? environment.Catalog.Find(name)
            : null;
        return (configured ?? documentTemplate) is { } template
            ? NewSpecRenderer.Render(template, ReferenceCodeActions.TitleFromFileName(path), analysis.Today)
            : ReferenceCodeActions.DefaultText(path);
    }
}
