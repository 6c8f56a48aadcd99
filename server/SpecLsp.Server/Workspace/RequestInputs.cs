using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Model;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Workspace;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Workspace;

/// <summary>How much of the workspace a read-only request needs besides its own document.</summary>
internal enum InputScope
{
    /// <summary>The document; the index as it is (other open documents' entries as of their last finished parse).</summary>
    Document,

    /// <summary>The index with every open document's entry built from the version the request took.</summary>
    Workspace,

    /// <summary>As <see cref="Workspace"/>, after waiting for a background scan in progress (up to <see cref="WorkspaceIndexService.ScanWait"/>).</summary>
    WorkspaceAfterScan,
}

/// <summary>What one read-only request works on: its document's version and the Core context the facade takes.</summary>
internal sealed record DocumentInputs(DocumentSnapshot Document, AnalysisContext Context);

/// <summary>
/// The one way read-only handlers get their inputs. Everything is taken synchronously, before the first await (the
/// document's version, the other open documents' versions, the index, the template environment and today), so a
/// request sees every mutating message that arrived before it and none after; only the parses of the versions taken
/// are awaited. The one exception: <see cref="InputScope.WorkspaceAfterScan"/> reads the index again once the scan has
/// landed (a scan is no client message), keeping the open documents' versions taken.
/// </summary>
internal sealed class RequestInputs(WorkspaceState documents, WorkspaceIndexService index, TemplateEnvironmentService templates, TimeProvider time)
{
    /// <summary>Today, from the server's one clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>The template environment in force (for requests about no document).</summary>
    public TemplateEnvironment Environment => templates.Current;

    /// <summary>The inputs for a request on <paramref name="uri"/>, or null when it is not open.</summary>
    public Task<DocumentInputs?> GetAsync(string uri, CancellationToken cancellationToken, InputScope scope = InputScope.Document)
    {
        var document = documents.Get(uri);
        if (document is null)
        {
            return Task.FromResult<DocumentInputs?>(null);
        }

        var view = Take();
        return CompleteAsync(document, view, templates.Current, Today, scope, cancellationToken);
    }

    /// <summary>The index with every open document's latest entry, for requests about no document in particular (workspace symbols).</summary>
    public Task<WorkspaceIndex> GetWorkspaceAsync(CancellationToken cancellationToken) => Take().WithOpenDocumentsAsync(null, cancellationToken);

    private TakenView Take() => new(index, index.Current, index.OpenUris, documents.Documents);

    private static async Task<DocumentInputs?> CompleteAsync(
        DocumentSnapshot document, TakenView view, TemplateEnvironment environment, DateOnly today, InputScope scope, CancellationToken cancellationToken)
    {
        WorkspaceIndex? afterScan = null;
        if (scope == InputScope.WorkspaceAfterScan)
        {
            afterScan = await view.WaitForScanAsync(cancellationToken).ConfigureAwait(false);
        }

        var snapshot = await document.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var workspace = scope == InputScope.Document ? view.Index : await view.WithOpenDocumentsAsync(afterScan, cancellationToken).ConfigureAwait(false);
        return new DocumentInputs(document, new AnalysisContext
        {
            Document = snapshot.Document,
            DocumentUri = document.Uri,
            Snapshot = snapshot,
            Workspace = workspace,
            OpenDocuments = view.OpenDocument,
            Environment = environment,
            SiteRoot = environment.Configuration.SiteRoot,
            Today = today,
        });
    }

    // The index and the open documents' versions as they were when the request was taken.
    private sealed class TakenView(
        WorkspaceIndexService service, WorkspaceIndex index, ImmutableDictionary<string, string> openUris, ImmutableDictionary<string, DocumentSnapshot> open)
    {
        public WorkspaceIndex Index { get; } = index;

        public SpecDocument? OpenDocument(string path) =>
            openUris.TryGetValue(path, out var uri) && open.TryGetValue(uri, out var d) && d.Parsed.IsCompletedSuccessfully ? d.Parsed.Result : null;

        public async Task<WorkspaceIndex> WaitForScanAsync(CancellationToken cancellationToken)
        {
            if (!service.Scan.IsCompleted)
            {
                try
                {
                    await service.Scan.WaitAsync(WorkspaceIndexService.ScanWait, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // A huge workspace: answer from what is indexed so far.
                }
            }

            return service.Current;
        }

        // Each open document's entry from the version taken (usually already in the index: then nothing is rebuilt and
        // the index keeps its lazily built lookups).
        public async Task<WorkspaceIndex> WithOpenDocumentsAsync(WorkspaceIndex? over, CancellationToken cancellationToken)
        {
            var result = over ?? Index;
            foreach (var (path, uri) in openUris)
            {
                if (open.TryGetValue(uri, out var snapshot))
                {
                    var entry = (await snapshot.GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).IndexEntry(result.Roots);
                    if (!ReferenceEquals(result.GetFile(path), entry))
                    {
                        result = result.WithOpenFile(entry);
                    }
                }
            }

            return result;
        }
    }
}
