using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>The references feature's completions (link targets, labels, IDs) and fixes (broken links and anchors, undefined and duplicate IDs).</summary>
public sealed class ReferenceSources : ICompletionSource, ICodeActionSource
{
    private static readonly DiagnosticEngine Analyzers = new([new LinkAnalyzer(), new IdAnalyzer()]);

    /// <inheritdoc />
    public IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, CompletionRequest request) =>
        request.IsMetadataTrigger
            ? []
            : ReferenceCompletion.Compute(context.View, request.Caret, context.Today).Select(e =>
                new SpecCompletionItem(e.Label, e.Detail ?? string.Empty, e.SortText, e.Label, e.Label, e.Label, e.ReplaceRange, string.Empty) { Kind = ToKind(e.Kind) });

    /// <inheritdoc />
    public IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, CodeActionRequest request)
    {
        // Editors ask for code actions on every caret move: analyse again only when a reference fix can apply.
        if (!request.Diagnostics.Any(d => d.Code is DiagnosticCodes.BrokenLink or DiagnosticCodes.BrokenAnchor or DiagnosticCodes.UndefinedReference or DiagnosticCodes.DuplicateId))
        {
            return [];
        }

        // Recomputed rather than read back from the client, which may have dropped the diagnostics' data.
        var current = ReferenceCodeActions.Touching(Analyzers.Analyze(context), request.Range).ToList();
        var template = context.Snapshot.Choice(context.Environment).Template;
        return ReferenceCodeActions.Compute(context.View, current, path => NewSpecText(context, path, template)).Select(a =>
            new SpecCodeAction(a.Title, SpecCodeActionKinds.QuickFix, [])
            {
                IsPreferred = a.IsPreferred,
                Changes = a.Changes,
                Diagnostics = [.. current.Where(d => d.Code == a.DiagnosticCode && d.Range == a.DiagnosticRange)],
            });
    }

    // The template configured for the new file's path, else the one this document follows; a bare title without either.
    private static string NewSpecText(AnalysisContext context, string path, SpecTemplate? documentTemplate)
    {
        var environment = context.Environment;
        var root = WorkspacePaths.FromUriOrPath(environment.WorkspaceRoot);
        var configured = root is not null && WorkspacePaths.IsUnder(path, root) && environment.Configuration.TemplateFor(path[root.Length..].TrimStart('/')) is { } name
            ? environment.Catalog.Find(name)
            : null;
        return (configured ?? documentTemplate) is { } template
            ? NewSpecRenderer.Render(template, ReferenceCodeActions.TitleFromFileName(path), context.Today)
            : ReferenceCodeActions.DefaultText(path);
    }

    private static SpecCompletionKind ToKind(CompletionEntryKind kind) => kind switch
    {
        CompletionEntryKind.File => SpecCompletionKind.File,
        CompletionEntryKind.Anchor => SpecCompletionKind.Anchor,
        CompletionEntryKind.ReferenceLabel => SpecCompletionKind.ReferenceLabel,
        CompletionEntryKind.NewId => SpecCompletionKind.NewId,
        _ => SpecCompletionKind.Id,
    };
}
