using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Checklists;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Folding;
using SpecLsp.Core.Hover;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.References;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Selection;
using SpecLsp.Core.SemanticTokens;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core;

/// <summary>Go to definition: where the symbol at the caret is defined, and the symbol's own range (for editors that underline it).</summary>
/// <param name="Targets">The definitions.</param>
/// <param name="Origin">The range of the ID or link under the caret, or null.</param>
public sealed record DefinitionAnswer(ImmutableArray<SourceLocation> Targets, TextRange? Origin);

/// <summary>
/// Every language feature of SpecLsp behind one object, composed here from the feature folders (sections,
/// placeholders, metadata, references, symbols…) without dependency injection. The language server's handlers and
/// <c>speclsp check</c> both call it, so the editor and CI see the same diagnostics and fixes. Each call takes an
/// <see cref="AnalysisContext"/>: one document version (its <see cref="SpecSnapshot"/>), the cross-file view, the
/// template environment and today, taken once by the caller.
/// </summary>
public sealed class SpecLanguageService
{
    private readonly ITemplateEnvironmentSource _templates;
    private readonly TimeProvider _time;
    private readonly DiagnosticEngine _engine;
    private readonly ImmutableArray<ICompletionSource> _completions;
    private readonly ImmutableArray<ICodeActionSource> _codeActions;
    private readonly PlaceholderFixSource _placeholderFixes = new();

    /// <summary>Composes the features.</summary>
    /// <param name="templates">Where the templates and configuration in force come from.</param>
    /// <param name="time">The one clock "today" is read from.</param>
    /// <param name="analyzers">More analyzers to run after the built-in ones (tests, extensions).</param>
    /// <param name="completions">More completion sources, asked after the built-in metadata one.</param>
    /// <param name="codeActions">More code action sources, asked after the built-in placeholder one.</param>
    public SpecLanguageService(
        ITemplateEnvironmentSource templates,
        TimeProvider time,
        IEnumerable<IDocumentAnalyzer>? analyzers = null,
        IEnumerable<ICompletionSource>? completions = null,
        IEnumerable<ICodeActionSource>? codeActions = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(time);
        _templates = templates;
        _time = time;
        static TemplateFacts? Facts(AnalysisContext context) => context.Snapshot.TemplateFacts(context.Environment);
        _engine = new DiagnosticEngine(
            new IDocumentAnalyzer[] { new SectionAnalyzer(), new LinkAnalyzer(), new IdAnalyzer(), new PlaceholderAnalyzer(Facts), new MetadataAnalyzer(Facts) }
                .Concat(analyzers ?? []));
        var sections = new SectionSources();
        var references = new ReferenceSources();
        _completions = [sections, new MetadataCompletionSource(), .. completions ?? [], references];
        _codeActions = [sections, new TableOfContentsSource(), _placeholderFixes, .. codeActions ?? [], references];
    }

    /// <summary>The template environment in force now.</summary>
    public TemplateEnvironment Environment => _templates.Current;

    /// <summary>Today, in the local time zone, from the service's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    /// <summary>A context for <paramref name="snapshot"/> with the environment in force and today (for callers that take no other view).</summary>
    public AnalysisContext CreateContext(SpecSnapshot snapshot, WorkspaceIndex? workspace = null, Func<string, Model.SpecDocument?>? openDocuments = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var environment = Environment;
        return new AnalysisContext
        {
            Document = snapshot.Document,
            DocumentUri = snapshot.Uri,
            Snapshot = snapshot,
            Workspace = workspace,
            OpenDocuments = openDocuments,
            Environment = environment,
            SiteRoot = environment.Configuration.SiteRoot,
            Today = Today,
        };
    }

    /// <summary>The document's diagnostics, in document order, with the configuration's severities and limit applied.</summary>
    public ImmutableArray<SpecDiagnostic> Diagnose(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DiagnosticPolicy.Apply(_engine.Analyze(context, cancellationToken), context.Environment.Configuration);
    }

    /// <summary>
    /// The document's diagnostics as far as it decides them alone; <see cref="PendingDiagnosis.Complete"/> answers the
    /// cross-file ones from the complete workspace index and gives exactly what <see cref="Diagnose"/> would have given
    /// with that index. <paramref name="context"/>'s workspace may still be incomplete; nothing kept refers to the document.
    /// </summary>
    public PendingDiagnosis DiagnoseLater(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PendingDiagnosis(_engine.AnalyzeLater(context, cancellationToken), context.Environment.Configuration);
    }

    /// <summary>Every feature's completions at the caret: sections, metadata, then link targets, labels and IDs.</summary>
    public ImmutableArray<SpecCompletionItem> Complete(AnalysisContext context, CompletionRequest request) =>
        [.. _completions.SelectMany(source => source.Complete(context, request))];

    /// <summary>Every feature's code actions for the range: section fixes, the table of contents, placeholder and metadata fixes, reference fixes.</summary>
    public ImmutableArray<SpecCodeAction> CodeActions(AnalysisContext context, CodeActionRequest request) =>
        [.. _codeActions.SelectMany(source => source.GetActions(context, request))];

    /// <summary>
    /// The fixes <c>speclsp check --fix</c> may apply without a person choosing: for each diagnostic its first safe
    /// placeholder or metadata fix (removing an empty template prompt), none overlapping one chosen before.
    /// </summary>
    public ImmutableArray<SpecCodeAction> SafeFixes(AnalysisContext context, IEnumerable<SpecDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var chosen = ImmutableArray.CreateBuilder<SpecCodeAction>();
        foreach (var diagnostic in diagnostics)
        {
            var action = _placeholderFixes.GetActions(context, new CodeActionRequest(diagnostic.Range, [diagnostic]))
                .FirstOrDefault(a => a.IsSafeToAutoApply && !a.Edits.IsEmpty);
            if (action is not null && !chosen.Any(c => Overlaps(c, action)))
            {
                chosen.Add(action);
            }
        }

        return chosen.ToImmutable();
    }

    /// <summary>The hover at the caret: a reference's target first, then the template's guidance for a heading.</summary>
    public SpecHover? Hover(AnalysisContext context, Position caret)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ReferenceHover.Compute(context.View, caret) is { } reference)
        {
            return new SpecHover(reference.Markdown, reference.Range);
        }

        var snapshot = context.Snapshot;
        return SectionHover.ComputeForTitle(context.Document, snapshot.Choice(context.Environment), caret)
            ?? (snapshot.Match(context.Environment) is { } match ? SectionHover.Compute(match, caret) : null);
    }

    /// <summary>Where the ID, link or heading at the caret is defined.</summary>
    public DefinitionAnswer Definition(AnalysisContext context, Position caret)
    {
        ArgumentNullException.ThrowIfNull(context);
        var targets = ReferenceNavigation.FindDefinition(context.View, caret);
        return new DefinitionAnswer(targets, targets.IsEmpty ? null : ReferenceSymbol.Find(context.View, caret)?.Range);
    }

    /// <summary>Every reference to the symbol at the caret, across the workspace.</summary>
    public ImmutableArray<SourceLocation> References(AnalysisContext context, Position caret, bool includeDeclaration) =>
        ReferenceNavigation.FindReferences(View(context), caret, includeDeclaration);

    /// <summary>What a rename at the caret would rename, or null.</summary>
    public RenameTarget? PrepareRename(AnalysisContext context, Position caret) => ReferenceRename.Prepare(View(context), caret);

    /// <summary>The edits that rename the symbol at the caret everywhere, or why not.</summary>
    public RenameResult Rename(AnalysisContext context, Position caret, string newName) => ReferenceRename.Rename(View(context), caret, newName);

    /// <summary>The document's links the editor can follow.</summary>
    public ImmutableArray<DocumentLinkEntry> DocumentLinks(AnalysisContext context) => ReferenceNavigation.FindDocumentLinks(View(context));

    /// <summary>This document's occurrences of the symbol at the caret.</summary>
    public ImmutableArray<ReferenceHighlight> Highlights(AnalysisContext context, Position caret) => ReferenceHighlights.Find(View(context), caret);

    /// <summary>"3 references" above each requirement, story and linked heading.</summary>
    public ImmutableArray<ReferenceLens> ReferenceLenses(AnalysisContext context, CancellationToken cancellationToken = default) =>
        Core.References.ReferenceLenses.Compute(View(context), cancellationToken);

    /// <summary>Checklist progress per section with task items.</summary>
    public ImmutableArray<ChecklistProgress> ChecklistProgress(AnalysisContext context) => Checklists.ChecklistProgress.Compute(Document(context));

    /// <summary>
    /// The semantic tokens: IDs, metadata, RFC 2119 keywords, and placeholders where the diagnostics report them (only
    /// in a document that follows a template).
    /// </summary>
    public ImmutableArray<SpecToken> Tokens(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = context.Snapshot.TemplateFacts(context.Environment);
        var placeholders = facts is null
            ? []
            : PlaceholderScanner.Scan(context.Snapshot, facts.Metadata, facts.Placeholders, cancellationToken)
                .Where(p => p.Kind is PlaceholderKind.Text or PlaceholderKind.Date or PlaceholderKind.OptionList or PlaceholderKind.Token or PlaceholderKind.NeedsClarification)
                .Select(p => p.Range);
        return SpecTokens.Compute(context.Document, placeholders, cancellationToken);
    }

    /// <summary>The ranges around the caret, innermost first.</summary>
    public ImmutableArray<TextRange> SelectionRanges(AnalysisContext context, Position caret) => Selection.SelectionRanges.Compute(Document(context), caret);

    /// <summary>The folding regions.</summary>
    public ImmutableArray<FoldingRegion> FoldingRanges(AnalysisContext context) => Folding.FoldingRanges.Compute(Document(context));

    /// <summary>The outline (computed once per version), cut to its first <paramref name="maxSymbols"/> symbols; <paramref name="cut"/> says how many more were left out.</summary>
    public ImmutableArray<SymbolNode> Outline(AnalysisContext context, int maxSymbols, out int cut)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DocumentSymbols.Truncate(context.Snapshot.Outline, maxSymbols, out cut);
    }

    /// <summary>The headings and IDs of every indexed spec that match <paramref name="query"/>.</summary>
    public ImmutableArray<WorkspaceSymbolMatch> WorkspaceSymbols(WorkspaceIndex workspace, string query, CancellationToken cancellationToken = default) =>
        IndexSymbols.Search(workspace, query, cancellationToken: cancellationToken);

    private static DocumentView View(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.View;
    }

    private static Model.SpecDocument Document(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Document;
    }

    private static bool Overlaps(SpecCodeAction a, SpecCodeAction b) =>
        a.Edits.Any(x => b.Edits.Any(y => (x.Range.Start < y.Range.End && y.Range.Start < x.Range.End) || x.Range.Start == y.Range.Start));
}

/// <summary>A document's diagnostics waiting for the complete workspace index (see <see cref="SpecLanguageService.DiagnoseLater"/>).</summary>
public sealed class PendingDiagnosis
{
    private readonly PendingAnalysis _analysis;
    private readonly SpecLspConfiguration _configuration;

    internal PendingDiagnosis(PendingAnalysis analysis, SpecLspConfiguration configuration) => (_analysis, _configuration) = (analysis, configuration);

    /// <summary>The analysis before the configuration's severities and limit are applied (what a cache keeps).</summary>
    public PendingAnalysis Analysis => _analysis;

    /// <summary>A diagnosis of <paramref name="analysis"/> (read back from a cache) under <paramref name="configuration"/>.</summary>
    public static PendingDiagnosis FromAnalysis(PendingAnalysis analysis, SpecLspConfiguration configuration) => new(analysis, configuration);

    /// <summary>The diagnostics with the configuration's severities and limit applied, cross-file ones answered from <paramref name="workspace"/>.</summary>
    public ImmutableArray<SpecDiagnostic> Complete(WorkspaceIndex workspace) => DiagnosticPolicy.Apply(_analysis.Complete(workspace), _configuration);
}
