using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Workspace;

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

/// <summary>
/// What one read-only request works on: its document's version, the Core context the facade takes, and the server
/// state it was taken from (for converting the answer: other files' URIs, texts and versions as the request saw them).
/// </summary>
internal sealed record DocumentInputs(DocumentSnapshot Document, AnalysisContext Context, ServerState State)
{
    /// <summary>The document and the context, for handlers that convert nothing outside their own document.</summary>
    public void Deconstruct(out DocumentSnapshot document, out AnalysisContext context) => (document, context) = (Document, Context);
}

/// <summary>
/// The one way read-only handlers get their inputs: the <see cref="ServerState"/> as the request found it, read once,
/// synchronously, before the first await (the connection runs a read-only handler on its processing loop up to its
/// first await), so a request sees every mutating message that arrived before it and none after, for the other open
/// documents too; only the parses of the versions it took are awaited. The one exception:
/// <see cref="InputScope.WorkspaceAfterScan"/> takes the disk entries of a scan that landed while it waited (a scan is
/// no client message), keeping the open documents' versions it took.
/// </summary>
internal sealed class RequestInputs(ServerStateStore store, WorkspaceIndexService index, SpecLanguageService service)
{
    /// <summary>Today, from the server's one clock (the facade's).</summary>
    public DateOnly Today => service.Today;

    /// <summary>The template environment in force (for requests about no document).</summary>
    public TemplateEnvironment Environment => store.Current.Templates;

    /// <summary>The inputs for a request on <paramref name="uri"/>, or null when it is not open.</summary>
    public Task<DocumentInputs?> GetAsync(string uri, CancellationToken cancellationToken, InputScope scope = InputScope.Document)
    {
        var state = store.Current;
        if (state.GetDocument(uri) is not { } document)
        {
            return Task.FromResult<DocumentInputs?>(null);
        }

        return CompleteAsync(state, document, Today, scope == InputScope.WorkspaceAfterScan ? index.Scan : null, scope, cancellationToken);
    }

    /// <summary>
    /// The state as the request found it and the index with every open document's entry from it, for requests about
    /// no document in particular (workspace symbols, file moves).
    /// </summary>
    public async Task<(ServerState State, WorkspaceIndex Workspace)> GetWorkspaceAsync(CancellationToken cancellationToken)
    {
        var state = store.Current;
        return (state, await state.GetWorkspaceAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<DocumentInputs?> CompleteAsync(
        ServerState state, DocumentSnapshot document, DateOnly today, Task? scan, InputScope scope, CancellationToken cancellationToken)
    {
        if (scan is { IsCompleted: false })
        {
            try
            {
                await scan.WaitAsync(WorkspaceIndexService.ScanWait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A huge workspace: answer from what is indexed so far.
            }

            state = state.WithDiskEntriesOf(store.Current);
        }

        var snapshot = await document.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var workspace = scope == InputScope.Document ? state.Index : await state.GetWorkspaceAsync(cancellationToken).ConfigureAwait(false);
        var environment = state.Templates;
        return new DocumentInputs(document, new AnalysisContext
        {
            Document = snapshot.Document,
            DocumentUri = document.Uri,
            Snapshot = snapshot,
            Workspace = workspace,
            OpenDocuments = path => state.GetDocumentAt(path)?.SpecIfKnown?.Document,
            Environment = environment,
            SiteRoot = environment.Configuration.SiteRoot,
            Today = today,
        }, state);
    }
}
