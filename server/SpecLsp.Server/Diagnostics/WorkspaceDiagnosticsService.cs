using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Diagnostics;

/// <summary>
/// Diagnostics for every indexed spec, open or not: answers <c>workspace/diagnostic</c> and keeps result ids for
/// <c>textDocument/diagnostic</c>; for a client without pull support, pushes closed files' diagnostics when the
/// <c>speclsp.diagnostics.workspace</c> setting is on. A closed file is analysed from disk exactly as
/// <c>speclsp check</c> analyses it.
/// </summary>
/// <remarks>
/// A result id is the session, the configuration's generation, the file's dependency generation and a hash of the
/// analysed text. A file's dependency generation grows when the index entry of a file it depends on changes (a
/// link target, a file defining SPEC- IDs; <see cref="WorkspaceIndex.FindDependents"/>), so an unchanged file whose
/// neighbours did not change either keeps its id and costs nothing: not even a disk read while its index entry is
/// the one its report was computed from.
/// </remarks>
internal sealed partial class WorkspaceDiagnosticsService : IServerStateObserver, IDisposable
{
    private const string GoneSuffix = ".gone";

    private readonly ServerStateStore _store;
    private readonly DiagnosticsService _diagnostics;
    private readonly SpecLanguageService _service;
    private readonly TemplateEnvironmentService _templates;
    private readonly ClientSession _session;
    private readonly JsonRpcConnection _connection;
    private readonly ILogger<WorkspaceDiagnosticsService> _logger;
    private readonly string _nonce = Guid.NewGuid().ToString("N")[..8];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _pushing = new(1, 1);

    // Under _lock: the files whose index entry changed since the dependency generations were last brought up to
    // date, each with its entry before the first of those changes (what FindDependents compares with).
    private readonly Dictionary<string, FileIndex?> _pendingChanges = new(WorkspacePaths.Comparer);
    private readonly Dictionary<string, long> _generations = new(WorkspacePaths.Comparer);
    private long _generation;
    private long _configuration;
    private bool _refreshNeeded;

    private readonly ConcurrentDictionary<string, CachedReport> _cache = new(WorkspacePaths.Comparer);

    // What was pushed for closed files, by URI: its result id. Only touched by the push loop (one at a time).
    private readonly Dictionary<string, string> _pushed = new(StringComparer.Ordinal);
    private int _pushedCount;
    private int _refreshScheduled;
    private int _pushScheduled;

    public WorkspaceDiagnosticsService(
        ServerStateStore store, DiagnosticsService diagnostics, SpecLanguageService service,
        TemplateEnvironmentService templates, ClientSession session, JsonRpcConnection connection, ILogger<WorkspaceDiagnosticsService> logger)
    {
        _store = store;
        _diagnostics = diagnostics;
        _service = service;
        _templates = templates;
        _session = session;
        _connection = connection;
        _logger = logger;
    }

    /// <summary>How long changes are gathered before a refresh request or a push goes out.</summary>
    public TimeSpan FollowUpDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Follows the state: a new configuration or templates, and the index entries that changed.</summary>
    public void OnStateChanged(ServerState previous, ServerState next)
    {
        if (next.TemplatesDiffer(previous))
        {
            OnConfigurationChanged();
        }

        if (!ReferenceEquals(previous.Index, next.Index))
        {
            if (next.Index.ChangesSince(previous.Index) is { } changes)
            {
                foreach (var (path, entry) in changes)
                {
                    OnIndexChanged(next, path, entry);
                }
            }
            else
            {
                OnIndexChanged(next, null, null);
            }
        }
    }

    // An index entry changed (null: the whole index, after a scan or a change of folders), with the entry before the change.
    private void OnIndexChanged(ServerState state, string? path, FileIndex? previous)
    {
        bool open = path is not null && state.GetDocumentAt(path) is not null;
        lock (_lock)
        {
            if (path is null)
            {
                _generation++;
                _pendingChanges.Clear();
            }
            else
            {
                _pendingChanges.TryAdd(path, previous);
            }

            // An edit of an open document needs no refresh by itself (the client pulls that document again);
            // its dependents do, and are found when the refresh is due.
            _refreshNeeded |= !open;
        }

        ScheduleFollowUp();
    }

    /// <summary>Answers <c>workspace/diagnostic</c>: a report per indexed spec, unchanged where the client's id still holds.</summary>
    public async Task<WorkspaceDiagnosticReport> PullWorkspaceAsync(IReadOnlyList<PreviousResultId> previousResultIds, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in previousResultIds)
        {
            previous[id.Uri] = id.Value;
        }

        var state = _store.Current;
        var (reports, covered) = await CollectAsync(state, previous, includeOpen: true, cancellationToken).ConfigureAwait(false);
        string? configurationUri = _templates.ConfigurationDiagnostics?.Uri;
        foreach (var (uri, value) in previous)
        {
            // A file that left the index gets one empty report; the id it carries means "already cleared".
            if (!covered.Contains(uri) && !value.EndsWith(GoneSuffix, StringComparison.Ordinal) && state.GetDocument(uri) is null && uri != configurationUri)
            {
                reports.Add(new WorkspaceFullDocumentDiagnosticReport { Uri = uri, Version = null, ResultId = _nonce + GoneSuffix, Items = [] });
            }
        }

        return new WorkspaceDiagnosticReport { Items = [.. reports] };
    }

    /// <summary>Answers <c>textDocument/diagnostic</c> for an open document, with a result id.</summary>
    public async Task<DocumentDiagnosticReport> PullDocumentAsync(DocumentSnapshot document, string? previousResultId, CancellationToken cancellationToken)
    {
        var state = _store.Current;
        BringGenerationsUpToDate();
        string key = WorkspacePaths.FromUriOrPath(document.Uri) ?? document.Uri;
        var (resultId, items) = await OpenReportAsync(state, key, document, previousResultId, cancellationToken).ConfigureAwait(false);
        return items is null
            ? new UnchangedDocumentDiagnosticReport { ResultId = resultId }
            : new FullDocumentDiagnosticReport { ResultId = resultId, Items = items };
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private bool PushesClosedFiles => !_session.PullsDiagnostics && _store.Current.PushWorkspaceDiagnostics;

    private void OnConfigurationChanged()
    {
        lock (_lock)
        {
            _configuration++;
            _refreshNeeded = true;
        }

        // DiagnosticsService already asks a pulling client to refresh after a configuration change.
        if (!_session.PullsDiagnostics)
        {
            ScheduleFollowUp();
        }
    }

    private void ScheduleFollowUp()
    {
        if (_session.PullsDiagnostics)
        {
            if (_session.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true && Interlocked.Exchange(ref _refreshScheduled, 1) == 0)
            {
                _ = RefreshLaterAsync();
            }
        }
        else if ((PushesClosedFiles || Volatile.Read(ref _pushedCount) > 0) && Interlocked.Exchange(ref _pushScheduled, 1) == 0)
        {
            _ = PushLaterAsync();
        }
    }

    private async Task RefreshLaterAsync()
    {
        try
        {
            await Task.Delay(FollowUpDelay, _stopping.Token).ConfigureAwait(false);
            Interlocked.Exchange(ref _refreshScheduled, 0);
            bool dependents = BringGenerationsUpToDate();
            bool needed;
            lock (_lock)
            {
                needed = _refreshNeeded || dependents;
                _refreshNeeded = false;
            }

            if (needed)
            {
                await _connection.SendRequestAsync(Methods.WorkspaceDiagnosticRefresh, NoParams, LspJsonContext.Default.JsonElement, LspJsonContext.Default.JsonElement, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
        }
        catch (Exception ex)
        {
            LogFollowUpFailed(_logger, ex);
        }
    }

    private async Task PushLaterAsync()
    {
        try
        {
            await Task.Delay(FollowUpDelay, _stopping.Token).ConfigureAwait(false);
            Interlocked.Exchange(ref _pushScheduled, 0);
            await _pushing.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                await PushAsync(_stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                _pushing.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
        }
        catch (Exception ex)
        {
            LogFollowUpFailed(_logger, ex);
        }
    }

    // Publishes the closed files whose diagnostics changed since they were last pushed, and clears those that left
    // the index (or all of them, once the setting is off). Open documents are DiagnosticsService's.
    private async Task PushAsync(CancellationToken cancellationToken)
    {
        List<WorkspaceDocumentDiagnosticReport> reports = [];
        HashSet<string> covered = new(StringComparer.Ordinal);
        var state = _store.Current;
        if (PushesClosedFiles)
        {
            (reports, covered) = await CollectAsync(state, _pushed, includeOpen: false, cancellationToken).ConfigureAwait(false);
        }

        foreach (var report in reports.OfType<WorkspaceFullDocumentDiagnosticReport>())
        {
            Publish(report.Uri, report.Items);
            _pushed[report.Uri] = report.ResultId!;
        }

        foreach (var uri in _pushed.Keys.Where(u => !covered.Contains(u)).ToList())
        {
            _pushed.Remove(uri);
            if (_store.Current.GetDocument(uri) is null)
            {
                Publish(uri, []);
            }
        }

        Volatile.Write(ref _pushedCount, _pushed.Count);
    }

    private void Publish(string uri, LspDiagnostic[] items) =>
        _connection.SendNotification(Methods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = items }, LspJsonContext.Default.PublishDiagnosticsParams);

    private async Task<(List<WorkspaceDocumentDiagnosticReport> Reports, HashSet<string> Covered)> CollectAsync(
        ServerState state, IReadOnlyDictionary<string, string> previous, bool includeOpen, CancellationToken cancellationToken)
    {
        BringGenerationsUpToDate();
        var index = await state.GetWorkspaceAsync(cancellationToken).ConfigureAwait(false);
        var configuration = state.Templates.Configuration;
        var today = DateOnly.FromDateTime(_diagnostics.Time.GetLocalNow().DateTime);
        var reports = new List<WorkspaceDocumentDiagnosticReport>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var closed = new List<(string Path, string Uri, FileIndex Entry)>();
        foreach (var file in index.Files)
        {
            string uri = state.ToUri(file.Path);
            if (state.GetDocument(uri) is { } open)
            {
                if (!includeOpen)
                {
                    continue;
                }

                covered.Add(uri);
                try
                {
                    var (resultId, items) = await OpenReportAsync(state, file.Path, open, previous.GetValueOrDefault(uri), cancellationToken).ConfigureAwait(false);
                    reports.Add(items is null
                        ? new WorkspaceUnchangedDocumentDiagnosticReport { Uri = uri, Version = open.Version, ResultId = resultId }
                        : new WorkspaceFullDocumentDiagnosticReport { Uri = uri, Version = open.Version, ResultId = resultId, Items = items });
                }
                catch (JsonRpcException ex) when (ex.Code == ErrorCodes.ContentModified)
                {
                    // A newer edit overtook this version: the client pulls that document again anyway.
                }
            }
            else
            {
                covered.Add(uri);
                closed.Add((file.Path, uri, file));
            }
        }

        var closedReports = new WorkspaceDocumentDiagnosticReport[closed.Count];
        Parallel.For(0, closed.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (path, uri, entry) = closed[i];
            closedReports[i] = ClosedReport(path, uri, entry, index, configuration, today, previous.GetValueOrDefault(uri), cancellationToken);
        });
        reports.AddRange(closedReports);
        return (reports, covered);
    }

    private async Task<(string ResultId, LspDiagnostic[]? Items)> OpenReportAsync(ServerState state, string key, DocumentSnapshot document, string? previous, CancellationToken cancellationToken)
    {
        string stamp = Stamp(key, DateOnly.FromDateTime(_diagnostics.Time.GetLocalNow().DateTime));
        if (_cache.TryGetValue(key, out var cached) && ReferenceEquals(cached.Source, document) && cached.Stamp == stamp)
        {
            if (cached.ResultId == previous)
            {
                return (cached.ResultId, null);
            }

            if (cached.Items is { } known)
            {
                return (cached.ResultId, known);
            }
        }

        string resultId = stamp + "." + Hash(document.Text.Text);
        if (resultId == previous)
        {
            _cache[key] = new CachedReport(document, stamp, resultId, null);
            return (resultId, null);
        }

        var items = await _diagnostics.ComputeAsync(state, document, cancellationToken).ConfigureAwait(false);
        _cache[key] = new CachedReport(document, stamp, resultId, items);
        return (resultId, items);
    }

    private WorkspaceDocumentDiagnosticReport ClosedReport(
        string path, string uri, FileIndex entry, WorkspaceIndex index, SpecLspConfiguration configuration, DateOnly today, string? previous, CancellationToken cancellationToken)
    {
        string stamp = Stamp(path, today);
        if (_cache.TryGetValue(path, out var cached) && ReferenceEquals(cached.Source, entry) && cached.Stamp == stamp)
        {
            if (cached.ResultId == previous)
            {
                return new WorkspaceUnchangedDocumentDiagnosticReport { Uri = uri, Version = null, ResultId = cached.ResultId };
            }

            if (cached.Items is { } known)
            {
                return new WorkspaceFullDocumentDiagnosticReport { Uri = uri, Version = null, ResultId = cached.ResultId, Items = known };
            }
        }

        var read = index.Workspace.ReadFile(path);
        string resultId = stamp + "." + Hash(read.Text ?? "\0unreadable\0" + read.Error);
        if (resultId == previous)
        {
            _cache[path] = new CachedReport(entry, stamp, resultId, null);
            return new WorkspaceUnchangedDocumentDiagnosticReport { Uri = uri, Version = null, ResultId = resultId };
        }

        LspDiagnostic[] items;
        if (read.Text is { } text)
        {
            var source = SourceText.From(text);
            var model = SpecParser.Parse(source, cancellationToken);
            var context = new AnalysisContext { Document = model, DocumentUri = WorkspacePaths.ToFileUri(path), Workspace = index, Environment = _templates.Current, SiteRoot = configuration.SiteRoot, Today = today };
            items = _diagnostics.ToLsp(_service.Diagnose(context, cancellationToken), uri, source);
        }
        else
        {
            // As speclsp check reports it.
            SpecDiagnostic unreadable = new(default, Core.Diagnostics.DiagnosticSeverity.Error, DiagnosticCodes.UnreadableFile, $"Cannot read the file as text: {read.Error ?? "unreadable"}.");
            items = _diagnostics.ToLsp([unreadable], uri, SourceText.From(string.Empty));
        }

        _cache[path] = new CachedReport(entry, stamp, resultId, items);
        return new WorkspaceFullDocumentDiagnosticReport { Uri = uri, Version = null, ResultId = resultId, Items = items };
    }

    private string Stamp(string path, DateOnly today)
    {
        lock (_lock)
        {
            return $"{_nonce}.{_configuration}.{_generation}.{_generations.GetValueOrDefault(path)}.{today.DayNumber}";
        }
    }

    // Raises the dependency generation of every file changed since the last call and of the files depending on them.
    // Returns whether any file other than the changed ones was affected.
    private bool BringGenerationsUpToDate()
    {
        lock (_lock)
        {
            if (_pendingChanges.Count == 0)
            {
                return false;
            }

            var index = _store.Current.Index;
            var candidates = index.Files.Select(f => f.Path).ToList();
            bool dependents = false;
            // The changed file's own report needs no new generation: its id hashes its text. Nor do the others when
            // nothing they can see of it changed (typing in a paragraph of a spec that defines a SPEC- ID).
            foreach (var (path, previous) in _pendingChanges)
            {
                if (SameForOtherFiles(previous, index.GetFile(path)))
                {
                    continue;
                }

                foreach (var dependent in index.FindDependents(path, previous, candidates))
                {
                    _generations[dependent] = _generations.GetValueOrDefault(dependent) + 1;
                    dependents = true;
                }
            }

            // A pull that comes first (VS Code pulls a changed document at once) takes these changes from the follow-up
            // it raced: leave the follow-up the refresh the dependents need, or an open one keeps a stale answer.
            _pendingChanges.Clear();
            _refreshNeeded |= dependents;
            return dependents;
        }
    }

    // What other files' diagnostics read of a file: that it exists and is readable, its headings' anchors and
    // titles, its explicit anchors and its ID definitions (a SPEC- ID's position too: duplicate-id points at it).
    private static bool SameForOtherFiles(FileIndex? a, FileIndex? b) =>
        a is not null && b is not null
        && a.UnreadableReason == b.UnreadableReason
        && a.Title == b.Title
        && a.Headings.Select(h => (h.Title, h.Anchor, h.Slug, h.Level)).SequenceEqual(b.Headings.Select(h => (h.Title, h.Anchor, h.Slug, h.Level)))
        && a.ExplicitAnchors.Select(e => e.Name).SequenceEqual(b.ExplicitAnchors.Select(e => e.Name), StringComparer.Ordinal)
        && a.IdDefinitions.Select(Visible).SequenceEqual(b.IdDefinitions.Select(Visible));

    private static (string Id, IdDefinitionKind Kind, string Title, TextRange Range) Visible(IdDefinition d) =>
        (d.Id, d.Kind, d.Title, IdSyntax.IsWorkspaceWide(d.Id) ? d.Range : default);

    private static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexString(hash[..12]);
    }

    private static readonly System.Text.Json.JsonElement NoParams = System.Text.Json.JsonDocument.Parse("null").RootElement.Clone();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing or pushing workspace diagnostics failed.")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception);

    // Source: the FileIndex entry (closed file) or the DocumentSnapshot (open document) the report was computed from.
    private sealed record CachedReport(object Source, string Stamp, string ResultId, LspDiagnostic[]? Items);
}
