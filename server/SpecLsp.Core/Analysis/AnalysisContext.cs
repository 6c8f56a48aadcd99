using SpecLsp.Core.Model;
using SpecLsp.Core.References;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Analysis;

/// <summary>
/// Everything a feature may look at for one document: the document, the cross-file view, the template environment
/// and today. The server takes it once per request (before its first await); <c>speclsp check</c> builds one per file.
/// </summary>
public sealed class AnalysisContext
{
    private DocumentView? _view;
    private SpecSnapshot? _snapshot;

    /// <summary>The document analysed.</summary>
    public required SpecDocument Document { get; init; }

    /// <summary>The document's URI or path, for related locations; may be null for an unsaved buffer.</summary>
    public string? DocumentUri { get; init; }

    /// <summary>
    /// The version analysed with its derived facts (the server passes the one its parse lane built, so every feature
    /// shares them); one is made from <see cref="Document"/> and <see cref="DocumentUri"/> when not given.
    /// </summary>
    public SpecSnapshot Snapshot
    {
        get => _snapshot ??= new SpecSnapshot(Document, DocumentUri);
        init => _snapshot = value;
    }

    /// <summary>
    /// The workspace snapshot for cross-file checks (links, anchors in other files, SPEC- IDs); null when the
    /// document is analysed on its own, in which case links to other files are not checked.
    /// </summary>
    public WorkspaceIndex? Workspace { get; init; }

    /// <summary>The editor's parsed documents by path (null when not open), preferred to the disk when a feature shows another file's text.</summary>
    public Func<string, SpecDocument?>? OpenDocuments { get; init; }

    /// <summary>The templates and configuration in force; the built-in ones when not given.</summary>
    public TemplateEnvironment Environment { get; init; } = TemplateEnvironment.Default;

    /// <summary>
    /// The <c>siteRoot</c> setting: the folder, relative to the workspace root, that site-root links (<c>/x</c>)
    /// resolve in; null when not set, and then a site-root link that no file matches is not reported.
    /// </summary>
    public string? SiteRoot { get; init; }

    /// <summary>Today's date (from the one <see cref="TimeProvider"/> the caller holds), so date rules are testable.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The document as the reference features see it, built on first use.</summary>
    public DocumentView View => _view ??= DocumentView.Create(Snapshot, Workspace, OpenDocuments);
}
