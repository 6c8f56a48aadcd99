using Microsoft.Extensions.Logging;
using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Diagnostics;

/// <summary>
/// Asks the <see cref="SpecLanguageService"/> for a document's diagnostics (its analyzers, the configured policy) and
/// delivers the results: pushed with publishDiagnostics, debounced while typing, as the <see cref="ServerState"/>
/// changes, or pulled with textDocument/diagnostic.
/// </summary>
/// <remarks>
/// A client that declares pull support is never pushed to. VS Code (and any client using
/// vscode-languageclient) keeps pushed and pulled diagnostics in separate collections and shows both, so
/// doing both would list every problem twice. Clients that only take pushed ones (Neovim 0.7, Sublime,
/// older editors) still get every diagnostic, pushed.
/// </remarks>
internal sealed class DiagnosticsService(ServerStateStore store, SpecLanguageService service, JsonRpcConnection connection, ClientSession session, ILogger<DiagnosticsService> logger, TimeProvider time)
    : IServerStateObserver, IDisposable
{
    private static readonly System.Text.Json.JsonElement NoParams = System.Text.Json.JsonDocument.Parse("null").RootElement.Clone();
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long typing must pause before diagnostics are pushed while edits keep coming.</summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The clock the debounce waits on and today's date comes from: the server's one registered clock (tests set a fake one).</summary>
    public TimeProvider Time { get; set; } = time;

    /// <summary>
    /// The delay for a change that finds the document's previous diagnostics already delivered: one keystroke
    /// after a pause. Long enough to merge the several changes one editor action sends.
    /// </summary>
    public TimeSpan QuietDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    public AnalysisContext CreateContext(DocumentSnapshot document, SpecSnapshot snapshot) => CreateContext(store.Current, document, snapshot);

    public AnalysisContext CreateContext(ServerState state, DocumentSnapshot document, SpecSnapshot snapshot) => new()
    {
        Document = snapshot.Document,
        DocumentUri = document.Uri,
        Snapshot = snapshot,
        Workspace = state.Index,
        Environment = state.Templates,
        SiteRoot = state.Templates.Configuration.SiteRoot,
        Today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime),
    };

    /// <summary>The diagnostics of <paramref name="document"/> against the workspace and configuration as they are now.</summary>
    public Task<LspDiagnostic[]> ComputeAsync(DocumentSnapshot document, CancellationToken cancellationToken) => ComputeAsync(store.Current, document, cancellationToken);

    public async Task<LspDiagnostic[]> ComputeAsync(ServerState state, DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var snapshot = await document.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = service.Diagnose(CreateContext(state, document, snapshot), cancellationToken);
        return ToLsp(diagnostics, document.Uri, document.Text);
    }

    /// <summary>Converts one document's diagnostics for this client (its position encoding, related information or not).</summary>
    public LspDiagnostic[] ToLsp(IEnumerable<SpecDiagnostic> diagnostics, string uri, SourceText text)
    {
        var encoder = session.Encoder;
        bool related = session.SupportsRelatedInformation;
        var documents = store.Current;
        return [.. diagnostics.Select(d => DiagnosticConversions.ToLsp(d, uri, text, encoder, u => documents.GetDocument(u)?.Text) is var lsp && related ? lsp : lsp with { RelatedInformation = null })];
    }

    /// <summary>
    /// Follows the state: a document opened or changed gets its diagnostics computed (debounced), a closed one has
    /// them cleared; when an index entry changes, the open documents that depend on it (links to it, SPEC- IDs)
    /// are computed again, and all of them when the configuration or templates changed.
    /// </summary>
    /// <remarks>
    /// A pulling client is asked to pull again instead: by <see cref="WorkspaceDiagnosticsService"/>, once for a
    /// burst of index changes, which also covers the files that are not open.
    /// </remarks>
    public void OnStateChanged(ServerState previous, ServerState next)
    {
        if (!ReferenceEquals(previous.Documents, next.Documents))
        {
            foreach (var uri in previous.Documents.Keys.Where(u => !next.Documents.ContainsKey(u)))
            {
                OnDocumentClosed(uri);
            }
        }

        if (next.TemplatesDiffer(previous))
        {
            RefreshAll(next);
            return;
        }

        if (!ReferenceEquals(previous.Documents, next.Documents))
        {
            foreach (var (uri, document) in next.Documents)
            {
                if (!previous.Documents.TryGetValue(uri, out var before) || !ReferenceEquals(before, document))
                {
                    Schedule(document);
                }
            }
        }

        if (!ReferenceEquals(previous.Index, next.Index) && !session.PullsDiagnostics && !next.OpenPaths.IsEmpty)
        {
            var changes = next.Index.ChangesSince(previous.Index);
            var dependents = changes is null
                ? next.OpenPaths.Keys
                : changes.SelectMany(c => next.Index.FindDependents(c.Path, c.Previous, next.OpenPaths.Keys)).Distinct(Core.Workspace.WorkspacePaths.Comparer);
            foreach (var path in dependents.ToList())
            {
                if (next.GetDocumentAt(path) is { } document && ReferenceEquals(previous.GetDocumentAt(path), document))
                {
                    Schedule(document);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var pending in _pending.Values)
            {
                pending.Cancel();
                pending.Dispose();
            }

            _pending.Clear();
        }
    }

    // Every open document's diagnostics again (the configuration or templates changed).
    private void RefreshAll(ServerState state)
    {
        if (session.PullsDiagnostics)
        {
            if (session.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true)
            {
                _ = connection.SendRequestAsync(Methods.WorkspaceDiagnosticRefresh, NoParams, LspJsonContext.Default.JsonElement, LspJsonContext.Default.JsonElement)
                    .ContinueWith(t => logger.LogWarning(t.Exception, "workspace/diagnostic/refresh failed."), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return;
        }

        foreach (var document in state.Documents.Values)
        {
            Schedule(document);
        }
    }

    // Adaptive debounce: an edit whose predecessor's diagnostics are still pending means edits keep coming faster
    // than diagnostics, so the full debounce applies; an edit after a pause gets them almost at once. Opens keep
    // the full debounce because an editor restoring a session opens many documents in a burst.
    private void Schedule(DocumentSnapshot document)
    {
        if (session.PullsDiagnostics)
        {
            return;
        }

        var (cancellation, busy) = Restart(document.Uri);
        _ = PublishAfterDelayAsync(document, cancellation, busy ? DebounceDelay : QuietDelay);
    }

    private void OnDocumentClosed(string uri)
    {
        lock (_lock)
        {
            _published.Remove(uri);
            if (_pending.Remove(uri, out var previous))
            {
                previous.Cancel();
                previous.Dispose();
            }
        }

        if (!session.PullsDiagnostics)
        {
            Publish(new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });
        }
    }

    // Busy: the document was just opened or its previous diagnostics are still pending.
    private (CancellationTokenSource Cancellation, bool Busy) Restart(string uri)
    {
        var cancellation = new CancellationTokenSource();
        bool busy;
        lock (_lock)
        {
            busy = _pending.Remove(uri, out var previous) || !_published.Contains(uri);
            if (previous is not null)
            {
                previous.Cancel();
                previous.Dispose();
            }

            _pending[uri] = cancellation;
        }

        return (cancellation, busy);
    }

    private async Task PublishAfterDelayAsync(DocumentSnapshot document, CancellationTokenSource cancellation, TimeSpan delay)
    {
        try
        {
            var token = cancellation.Token;
            await Task.Delay(delay, Time, token).ConfigureAwait(false);
            var diagnostics = await ComputeAsync(document, token).ConfigureAwait(false);
            lock (_lock)
            {
                // Checked under the lock so a newer edit's Restart cannot slip between the check and the send.
                if (!token.IsCancellationRequested)
                {
                    Publish(new PublishDiagnosticsParams { Uri = document.Uri, Version = document.Version, Diagnostics = diagnostics });
                    _published.Add(document.Uri);
                    Release(document.Uri, cancellation);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || (ex is JsonRpcException { Code: ErrorCodes.ContentModified }))
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Computing diagnostics for {Uri} failed.", document.Uri);
        }
        finally
        {
            lock (_lock)
            {
                Release(document.Uri, cancellation);
            }
        }
    }

    // Under _lock: the document has nothing pending any more unless a newer edit already replaced this one.
    private void Release(string uri, CancellationTokenSource cancellation)
    {
        if (_pending.TryGetValue(uri, out var current) && ReferenceEquals(current, cancellation))
        {
            _pending.Remove(uri);
            cancellation.Dispose();
        }
    }

    private void Publish(PublishDiagnosticsParams @params) =>
        connection.SendNotification(Methods.TextDocumentPublishDiagnostics, @params, LspJsonContext.Default.PublishDiagnosticsParams);
}
