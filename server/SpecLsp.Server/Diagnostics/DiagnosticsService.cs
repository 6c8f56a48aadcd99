using Microsoft.Extensions.Logging;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Diagnostics;

/// <summary>
/// Runs the <see cref="DiagnosticEngine"/> (every <see cref="IDocumentAnalyzer"/> registered in DI) and
/// delivers the results: pushed with publishDiagnostics, debounced while typing, or pulled with
/// textDocument/diagnostic.
/// </summary>
/// <remarks>
/// A client that declares pull support is never pushed to. VS Code (and any client using
/// vscode-languageclient) keeps pushed and pulled diagnostics in separate collections and shows both, so
/// doing both would list every problem twice. Clients that only take pushed ones (Neovim 0.7, Sublime,
/// older editors) still get every diagnostic, pushed.
/// </remarks>
internal sealed class DiagnosticsService : IDisposable
{
    private readonly WorkspaceState _workspace;
    private readonly DiagnosticEngine _engine;
    private readonly JsonRpcConnection _connection;
    private readonly ClientSession _session;
    private readonly ILogger<DiagnosticsService> _logger;
    private readonly WorkspaceIndexService _index;
    private readonly TemplateEnvironmentService _templates;

    private static readonly System.Text.Json.JsonElement NoParams = System.Text.Json.JsonDocument.Parse("null").RootElement.Clone();
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DiagnosticsService(WorkspaceState workspace, DiagnosticEngine engine, JsonRpcConnection connection, ClientSession session, ILogger<DiagnosticsService> logger, TemplateEnvironmentService templates, WorkspaceIndexService index)
    {
        _index = index;
        _templates = templates;
        templates.Changed += RefreshAll;
        _workspace = workspace;
        _engine = engine;
        _connection = connection;
        _session = session;
        _logger = logger;
        workspace.DocumentChanged += OnDocumentChanged;
        workspace.DocumentClosed += OnDocumentClosed;
    }

    /// <summary>How long typing must pause before diagnostics are pushed while edits keep coming.</summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The clock the debounce waits on and today's date comes from (tests set a fake one).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// The delay for a change that finds the document's previous diagnostics already delivered: one keystroke
    /// after a pause. Long enough to merge the several changes one editor action sends.
    /// </summary>
    public TimeSpan QuietDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    public AnalysisContext CreateContext(DocumentSnapshot document, SpecSnapshot snapshot)
    {
        var environment = _templates.Current;
        return new()
        {
            Document = snapshot.Document,
            DocumentUri = document.Uri,
            Snapshot = snapshot,
            Workspace = _index.Current,
            Environment = environment,
            SiteRoot = environment.Configuration.SiteRoot,
            Today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime),
        };
    }

    public async Task<LspDiagnostic[]> ComputeAsync(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var snapshot = await document.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var context = CreateContext(document, snapshot);
        var diagnostics = DiagnosticPolicy.Apply(_engine.Analyze(context, cancellationToken), context.Environment.Configuration);
        return ToLsp(diagnostics, document.Uri, document.Text);
    }

    /// <summary>Converts one document's diagnostics for this client (its position encoding, related information or not).</summary>
    public LspDiagnostic[] ToLsp(IEnumerable<SpecDiagnostic> diagnostics, string uri, SourceText text)
    {
        var encoder = _session.Encoder;
        bool related = _session.SupportsRelatedInformation;
        return [.. diagnostics.Select(d => DiagnosticConversions.ToLsp(d, uri, text, encoder, u => _workspace.Get(u)?.Text) is var lsp && related ? lsp : lsp with { RelatedInformation = null })];
    }

    /// <summary>Computes every open document's diagnostics again (the configuration or templates changed).</summary>
    public void RefreshAll()
    {
        if (_session.PullsDiagnostics)
        {
            if (_session.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true)
            {
                _ = _connection.SendRequestAsync(Methods.WorkspaceDiagnosticRefresh, NoParams, LspJsonContext.Default.JsonElement, LspJsonContext.Default.JsonElement)
                    .ContinueWith(t => _logger.LogWarning(t.Exception, "workspace/diagnostic/refresh failed."), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return;
        }

        foreach (var document in _workspace.Documents.Values)
        {
            OnDocumentChanged(document);
        }
    }

    /// <summary>Recomputes an open document's diagnostics because something it depends on (another file) changed.</summary>
    /// <remarks>
    /// A pulling client is asked to pull again by <see cref="WorkspaceDiagnosticsService"/>, once for a burst of index
    /// changes, which also covers the files that are not open.
    /// </remarks>
    public void Refresh(DocumentSnapshot document)
    {
        if (!_session.PullsDiagnostics)
        {
            OnDocumentChanged(document);
        }
    }

    public void Dispose()
    {
        _templates.Changed -= RefreshAll;
        _workspace.DocumentChanged -= OnDocumentChanged;
        _workspace.DocumentClosed -= OnDocumentClosed;
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

    private void OnDocumentChanged(DocumentSnapshot document) => Schedule(document);

    // Adaptive debounce: an edit whose predecessor's diagnostics are still pending means edits keep coming faster
    // than diagnostics, so the full debounce applies; an edit after a pause gets them almost at once. Opens keep
    // the full debounce because an editor restoring a session opens many documents in a burst.
    private void Schedule(DocumentSnapshot document)
    {
        if (_session.PullsDiagnostics)
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

        if (!_session.PullsDiagnostics)
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
            _logger.LogError(ex, "Computing diagnostics for {Uri} failed.", document.Uri);
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
        _connection.SendNotification(Methods.TextDocumentPublishDiagnostics, @params, LspJsonContext.Default.PublishDiagnosticsParams);
}
