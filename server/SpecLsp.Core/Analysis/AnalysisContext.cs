using SpecLsp.Core.Model;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Analysis;

/// <summary>
/// Everything an analyzer may look at for one document. Later features add what they need (template,
/// configuration, workspace view) as init properties, so analyzers stay independent of each other.
/// </summary>
public sealed class AnalysisContext
{
    /// <summary>The document analysed.</summary>
    public required SpecDocument Document { get; init; }

    /// <summary>The document's URI or path, for related locations; may be null for an unsaved buffer.</summary>
    public string? DocumentUri { get; init; }

    /// <summary>
    /// The workspace snapshot for cross-file checks (links, anchors in other files, SPEC- IDs); null when the
    /// document is analysed on its own, in which case links to other files are not checked.
    /// </summary>
    public WorkspaceIndex? Workspace { get; init; }

    /// <summary>
    /// The <c>siteRoot</c> setting: the folder, relative to the workspace root, that site-root links (<c>/x</c>)
    /// resolve in; null when not set, and then a site-root link that no file matches is not reported.
    /// </summary>
    public string? SiteRoot { get; init; }

    /// <summary>Today's date, injected so date rules are testable.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);
}
