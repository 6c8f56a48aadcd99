using System.Collections.Immutable;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Server.Workspace;

/// <summary>
/// Everything the server knows, as one immutable value: the open documents (by URI, with the path each is indexed
/// at), the workspace index (every spec on disk, open documents' entries in place of theirs once parsed), the
/// folders not scanned yet, and the template environment. <see cref="ServerStateStore"/> holds the current one;
/// every change makes a new value, so a request that reads it once keeps a consistent view however long it runs.
/// </summary>
internal sealed record ServerState
{
    public static ServerState Empty { get; } = new()
    {
        Documents = ImmutableDictionary.Create<string, DocumentSnapshot>(StringComparer.Ordinal),
        OpenPaths = ImmutableDictionary.Create<string, string>(WorkspacePaths.Comparer),
        Index = WorkspaceIndex.Create(new DiskWorkspace([])),
        Unscanned = null,
        Templates = TemplateEnvironment.Default,
        PushWorkspaceDiagnostics = false,
    };

    /// <summary>The open documents by the URI the client names them by.</summary>
    public required ImmutableDictionary<string, DocumentSnapshot> Documents { get; init; }

    /// <summary>The URI of each open document that has a file path, by that path.</summary>
    public required ImmutableDictionary<string, string> OpenPaths { get; init; }

    /// <summary>The workspace index; an open document's entry is its last parsed version's (see <see cref="GetWorkspaceAsync"/>).</summary>
    public required WorkspaceIndex Index { get; init; }

    /// <summary>Roots whose files are not indexed yet: null for all of them (before and during a full scan), else the folders added since the last scan landed.</summary>
    public required ImmutableArray<string>? Unscanned { get; init; }

    /// <summary>The templates and configuration: <c>.speclsp.yaml</c> laid over the client's settings.</summary>
    public required TemplateEnvironment Templates { get; init; }

    /// <summary>The client's <c>speclsp.diagnostics.workspace</c> setting is <c>on</c>.</summary>
    public required bool PushWorkspaceDiagnostics { get; init; }

    public DocumentSnapshot? GetDocument(string uri) => Documents.GetValueOrDefault(uri);

    /// <summary>The open document at <paramref name="path"/>, or null.</summary>
    public DocumentSnapshot? GetDocumentAt(string path) => OpenPaths.TryGetValue(path, out var uri) ? Documents.GetValueOrDefault(uri) : null;

    /// <summary>The URI the client knows a path by: its own spelling for open documents.</summary>
    public string ToUri(string path) => OpenPaths.TryGetValue(path, out var uri) ? uri : WorkspacePaths.ToFileUri(path);

    /// <summary>The text of a file for position conversion: the open document's, else the disk's (inside the roots only).</summary>
    public SourceText? GetText(string path) =>
        GetDocumentAt(path) is { } open ? open.Text : Index.Workspace.ReadFile(path).Text is { } text ? SourceText.From(text) : null;

    /// <summary>Whether anything the diagnostics of every document read (configuration, templates, their settings) differs from <paramref name="other"/>.</summary>
    public bool TemplatesDiffer(ServerState other) =>
        !ReferenceEquals(Templates, other.Templates) || PushWorkspaceDiagnostics != other.PushWorkspaceDiagnostics;

    /// <summary>Whether the files counted as specs differ: the workspace is then scanned again.</summary>
    public static bool GlobsDiffer(TemplateEnvironment a, TemplateEnvironment b) =>
        !a.Configuration.Specs.SequenceEqual(b.Configuration.Specs, StringComparer.Ordinal)
        || !a.Configuration.Exclude.SequenceEqual(b.Configuration.Exclude, StringComparer.Ordinal);

    /// <summary>This state with a newly loaded environment; when it counts other files as specs, every folder is to be scanned again.</summary>
    public ServerState WithTemplates(TemplateEnvironment templates, bool pushWorkspaceDiagnostics) => this with
    {
        Templates = templates,
        PushWorkspaceDiagnostics = pushWorkspaceDiagnostics,
        Unscanned = GlobsDiffer(Templates, templates) ? null : Unscanned,
    };

    public ServerState WithDocument(string? path, DocumentSnapshot snapshot) => this with
    {
        Documents = Documents.SetItem(snapshot.Uri, snapshot),
        OpenPaths = path is null ? OpenPaths : OpenPaths.SetItem(path, snapshot.Uri),
    };

    /// <summary>This state without the document; its index entry goes too, so the disk's version (if any) shows again.</summary>
    public ServerState WithoutDocument(string? path, string uri) => this with
    {
        Documents = Documents.Remove(uri),
        OpenPaths = path is null ? OpenPaths : OpenPaths.Remove(path),
        Index = path is null ? Index : Index.WithoutOpenFile(path),
    };

    /// <summary>This state with <paramref name="entry"/> as the index entry of <paramref name="snapshot"/>, if that is still the document's current version.</summary>
    public ServerState WithParsed(DocumentSnapshot snapshot, FileIndex entry) =>
        ReferenceEquals(GetDocument(snapshot.Uri), snapshot) && OpenPaths.ContainsKey(entry.Path) && !ReferenceEquals(Index.GetFile(entry.Path), entry)
            ? this with { Index = Index.WithOpenFile(entry) }
            : this;

    /// <summary>
    /// The index built from a newer state's disk entries (a scan that landed since this state was taken) with this
    /// state's open documents: for requests that wait for the scan and still answer as of their own arrival.
    /// </summary>
    public ServerState WithDiskEntriesOf(ServerState later)
    {
        if (ReferenceEquals(later.Index, Index) || !ReferenceEquals(later.Index.Workspace, Index.Workspace))
        {
            return this;
        }

        var index = later.Index;
        foreach (var path in later.OpenPaths.Keys.Where(p => !OpenPaths.ContainsKey(p)))
        {
            index = index.WithoutOpenFile(path);
        }

        foreach (var path in OpenPaths.Keys)
        {
            index = Index.IsOpen(path) && Index.GetFile(path) is { } entry ? index.WithOpenFile(entry) : index.WithoutOpenFile(path);
        }

        return this with { Index = index };
    }

    /// <summary>
    /// The index with every open document's entry built from its version in this state, waiting for the parses
    /// still running: what a request that must see the edits that arrived just before it reads (the entries in
    /// <see cref="Index"/> are only updated when each parse finishes). A version a newer edit overtook before its
    /// parse is parsed here on its own, so the answer still holds exactly the messages that came before it.
    /// </summary>
    public async Task<WorkspaceIndex> GetWorkspaceAsync(CancellationToken cancellationToken)
    {
        var index = Index;
        foreach (var (path, uri) in OpenPaths)
        {
            if (Documents.TryGetValue(uri, out var snapshot))
            {
                // Usually the entry is already there: a new index only for a newer model, so a request between edits
                // builds nothing and keeps the index's lazily built lookups.
                var spec = await snapshot.GetSnapshotForViewAsync(cancellationToken).ConfigureAwait(false);
                var entry = spec.IndexEntry(index.Roots);
                if (!ReferenceEquals(index.GetFile(path), entry))
                {
                    index = index.WithOpenFile(entry);
                }
            }
        }

        return index;
    }
}
