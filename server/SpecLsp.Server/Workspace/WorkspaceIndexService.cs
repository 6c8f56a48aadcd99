using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpecLsp.Core.Model;
using SpecLsp.Core.References;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Workspace;

/// <summary>
/// The workspace index: every spec on disk, scanned in the background after <c>initialized</c>, with the open
/// documents' entries in place of their disk versions. Readers take <see cref="Current"/> once; writers replace it
/// under a lock. When a file's entry changes, the open documents that depend on it get fresh diagnostics.
/// </summary>
internal sealed partial class WorkspaceIndexService : IDisposable
{
    private readonly WorkspaceState _documents;
    private readonly ClientSession _session;
    private readonly JsonRpcConnection _connection;
    private readonly IServiceProvider _services;
    private readonly TemplateEnvironmentService _templates;
    private readonly ILogger<WorkspaceIndexService> _logger;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private WorkspaceIndex _current;
    private ImmutableDictionary<string, string> _openUris = ImmutableDictionary.Create<string, string>(WorkspacePaths.Comparer);
    private int _scanGeneration;

    // Roots whose files are not indexed yet: null for all of them (before and during a full scan), else the folders
    // added since the last scan finished. Read and written under _lock.
    private ImmutableArray<string>? _unscanned;
    private string _scannedGlobs = string.Empty;

    public WorkspaceIndexService(
        WorkspaceState documents, ClientSession session, JsonRpcConnection connection, TemplateEnvironmentService templates, IServiceProvider services, ILogger<WorkspaceIndexService> logger)
    {
        _templates = templates;
        templates.Changed += OnConfigurationChanged;
        _documents = documents;
        _session = session;
        _connection = connection;
        _services = services;
        _logger = logger;
        _current = WorkspaceIndex.Create(new DiskWorkspace([]));
        documents.DocumentChanged += OnDocumentChanged;
        documents.DocumentClosed += OnDocumentClosed;
    }

    /// <summary>How long a workspace-wide request waits for a background scan in progress.</summary>
    public static TimeSpan ScanWait { get; } = TimeSpan.FromSeconds(10);

    public WorkspaceIndex Current => Volatile.Read(ref _current);

    /// <summary>The open documents' URIs by path, as the client spells them.</summary>
    public ImmutableDictionary<string, string> OpenUris => Volatile.Read(ref _openUris);

    /// <summary>The scan in progress or finished (completed before <see cref="Start"/>).</summary>
    public Task Scan { get; private set; } = Task.CompletedTask;

    /// <summary>Takes the workspace folders from initialize and scans them in the background.</summary>
    public void Start()
    {
        var @params = _session.InitializeParams;
        var folders = @params?.WorkspaceFolders?.Select(f => f.Uri) ?? (@params?.RootUri is { } root ? [root] : @params?.RootPath is { } rootPath ? [rootPath] : []);
        var roots = folders.Select(WorkspacePaths.FromUriOrPath).OfType<string>().ToList();
        lock (_lock)
        {
            _current = RebaseOpenEntries(WorkspaceIndex.Create(new DiskWorkspace(roots, IsSpec)));
        }

        _ = RegisterWatchersAsync();
        Rescan();
    }

    /// <summary>Scans every spec again (after the spec globs changed), keeping open documents.</summary>
    public void Rescan()
    {
        _scannedGlobs = CurrentGlobs();
        lock (_lock)
        {
            _unscanned = null;
            StartScan();
        }
    }

    /// <summary>
    /// Follows <c>workspace/didChangeWorkspaceFolders</c>: the removed folders' files leave the index at once, the
    /// added folders are scanned in the background, and open documents keep their entries. URIs that are not
    /// absolute <c>file:</c> URIs or paths are ignored.
    /// </summary>
    public void ChangeRoots(IEnumerable<string> added, IEnumerable<string> removed)
    {
        var addedRoots = added.Select(WorkspacePaths.FromUriOrPath).OfType<string>().ToList();
        var removedRoots = removed.Select(WorkspacePaths.FromUriOrPath).OfType<string>().ToHashSet(WorkspacePaths.Comparer);
        lock (_lock)
        {
            var before = _current.Roots;
            var roots = before.Where(r => !removedRoots.Contains(r)).Concat(addedRoots).Distinct(WorkspacePaths.Comparer).ToList();
            if (roots.SequenceEqual(before, WorkspacePaths.Comparer))
            {
                return;
            }

            var workspace = new DiskWorkspace(roots, IsSpec);
            _unscanned = _unscanned is { } pending
                ? [.. pending.Concat(addedRoots).Distinct(WorkspacePaths.Comparer).Where(r => workspace.Roots.Contains(r, WorkspacePaths.Comparer))]
                : null;
            _current = _current.WithWorkspace(workspace);

            // Only folders were removed (or the ones added meanwhile, before their scan landed): every remaining
            // folder is indexed. Without any folder the index stays incomplete, as in a session that never had one.
            if (_unscanned is { IsEmpty: true } && !workspace.Roots.IsEmpty)
            {
                _current = _current.AsComplete();
            }

            LogRootsChanged(_logger, addedRoots.Count, removedRoots.Count, workspace.Roots.Length);
            StartScan();
        }

        // Links into a removed folder now lead outside the workspace and IDs defined there are gone.
        RefreshOpenDocuments(null);
    }

    /// <summary>
    /// The view of an open document for the reference features, or null when it is not open. Every open document's
    /// entry is its latest text's, even when the request came right after its didOpen or didChange; with
    /// <paramref name="waitForScan"/> (requests over the whole workspace, such as references and rename) a background
    /// scan in progress is awaited first, for up to <see cref="ScanWait"/>.
    /// </summary>
    public async Task<(DocumentSnapshot Snapshot, DocumentView View)?> GetViewAsync(string uri, CancellationToken cancellationToken, bool waitForScan = false)
    {
        var snapshot = _documents.Get(uri);
        if (snapshot is null)
        {
            return null;
        }

        if (waitForScan && !Scan.IsCompleted)
        {
            try
            {
                await Scan.WaitAsync(ScanWait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A huge workspace: answer from what is indexed so far.
            }
        }

        var model = await snapshot.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var current = await GetCurrentWithOpenDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var open = _documents.Documents;
        var uris = _openUris;
        SpecDocument? OpenDocument(string path) =>
            uris.TryGetValue(path, out var u) && open.TryGetValue(u, out var d) && d.Parsed.IsCompletedSuccessfully ? d.Parsed.Result : null;
        return (snapshot, DocumentView.Create(model, uri, current, OpenDocument));
    }

    /// <summary>
    /// <see cref="Current"/> with every open document's entry built from its latest model, for requests that must
    /// see edits that arrived just before them (the entries are otherwise updated when each parse finishes).
    /// </summary>
    public async Task<WorkspaceIndex> GetCurrentWithOpenDocumentsAsync(CancellationToken cancellationToken)
    {
        var index = Current;
        foreach (var (path, uri) in _openUris)
        {
            if (_documents.Get(uri) is { } snapshot)
            {
                // Usually the entry is already there (the version's snapshot keeps it): a new index only for a newer one,
                // so a request between edits builds nothing and keeps the index's lazily built lookups.
                var entry = (await snapshot.GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).IndexEntry(index.Roots);
                if (!ReferenceEquals(index.GetFile(path), entry))
                {
                    index = index.WithOpenFile(entry);
                }
            }
        }

        return index;
    }

    /// <summary>The URI the client knows a path by: its own spelling for open documents.</summary>
    public string ToUri(string path) => _openUris.TryGetValue(path, out var uri) ? uri : WorkspacePaths.ToFileUri(path);

    /// <summary>The text of a file for position conversion: the open document's, else the disk's (inside the roots only).</summary>
    public SourceText? GetText(string path)
    {
        if (_openUris.TryGetValue(path, out var uri) && _documents.Get(uri) is { } open)
        {
            return open.Text;
        }

        return Current.Workspace.ReadFile(path).Text is { } text ? SourceText.From(text) : null;
    }

    /// <summary>Applies file events from the client's watcher (or a save); the configuration file is the template service's.</summary>
    public void OnFilesChanged(IEnumerable<FileEvent> changes)
    {
        var paths = changes
            .Select(c => WorkspacePaths.FromUriOrPath(c.Uri))
            .OfType<string>()
            .Where(p => WorkspacePaths.IsMarkdown(p) && WorkspacePaths.FindRoot(p, Current.Roots) is not null)
            .ToList();
        if (paths.Count > 0)
        {
            _ = Task.Run(() => ReindexFromDisk(paths));
        }
    }

    public void Dispose()
    {
        _templates.Changed -= OnConfigurationChanged;
        _documents.DocumentChanged -= OnDocumentChanged;
        _documents.DocumentClosed -= OnDocumentClosed;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    // The spec globs are relative to the workspace root, as the configuration file's are.
    private bool IsSpec(string relativePath) => _templates.Current.Configuration.IsSpec(relativePath);

    private string CurrentGlobs()
    {
        var configuration = _templates.Current.Configuration;
        return string.Join('\n', configuration.Specs) + "\n--\n" + string.Join('\n', configuration.Exclude);
    }

    private void OnConfigurationChanged()
    {
        if (CurrentGlobs() != _scannedGlobs)
        {
            Rescan();
        }
    }

    // Under _lock. A newer scan supersedes older ones, so it covers what they had not finished: everything, or
    // every folder added since the last scan landed.
    private void StartScan()
    {
        if (_current.Roots.IsEmpty || _unscanned is { IsEmpty: true })
        {
            return;
        }

        int generation = Interlocked.Increment(ref _scanGeneration);
        var workspace = _current.Workspace;
        var only = _unscanned;
        Scan = Task.Run(() => ScanAsync(generation, workspace, only, _stopping.Token));
    }

    private async Task ScanAsync(int generation, IWorkspace workspace, ImmutableArray<string>? only, CancellationToken cancellationToken)
    {
        var progress = await BeginProgressAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // An added folder is walked on its own, but its files are read through the whole workspace: their links
            // resolve against every root, and the usual checks keep the reads inside the roots.
            var paths = only is { } added
                ? new DiskWorkspace(added, IsSpec).EnumerateSpecFiles(cancellationToken).Where(workspace.IsSpecFile).ToList()
                : workspace.EnumerateSpecFiles(cancellationToken).ToList();
            int lastPercent = -1;
            var scanned = WorkspaceIndexer.IndexFiles(
                workspace,
                paths,
                progress: new SyncProgress(p =>
                {
                    int percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
                    if (progress is not null && percent != Interlocked.Exchange(ref lastPercent, percent))
                    {
                        Report(progress.Value, new WorkDoneProgressReport { Message = $"{p.Done}/{p.Total} specs", Percentage = percent });
                    }
                }),
                cancellationToken: cancellationToken);
            lock (_lock)
            {
                if (generation != _scanGeneration || !ReferenceEquals(Current.Workspace, workspace))
                {
                    return;
                }

                _current = only is null
                    ? RebaseOpenEntries(WorkspaceIndex.Create(workspace).WithDiskFiles(scanned).AsComplete())
                    : _current.WithDiskFiles(scanned).AsComplete();
                _unscanned = [];
            }

            LogIndexed(_logger, scanned.Count, only?.Length ?? workspace.Roots.Length);
            RefreshOpenDocuments(null);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogScanFailed(_logger, ex);
        }
        finally
        {
            if (progress is not null)
            {
                Report(progress.Value, new WorkDoneProgressEnd { Message = "Indexed" });
            }
        }
    }

    // Disk entries come from the scan; open documents keep their editor entries, re-resolved against the roots.
    private WorkspaceIndex RebaseOpenEntries(WorkspaceIndex index)
    {
        var open = _documents.Documents;
        foreach (var (path, uri) in _openUris)
        {
            if (open.TryGetValue(uri, out var snapshot) && snapshot.Spec.IsCompletedSuccessfully)
            {
                index = index.WithOpenFile(snapshot.Spec.Result.IndexEntry(index.Roots));
            }
        }

        return index;
    }

    private void ReindexFromDisk(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var workspace = Current.Workspace;
            var state = workspace.GetPathState(path);
            FileIndex? previous;
            lock (_lock)
            {
                previous = _current.GetFile(path);
            }

            var entry = state == PathState.File && workspace.IsSpecFile(path) ? WorkspaceIndexer.IndexFile(workspace, path) : null;
            lock (_lock)
            {
                // The folders may have changed meanwhile: a file of a removed folder stays out.
                if (!ReferenceEquals(_current.Workspace, workspace))
                {
                    entry = WorkspacePaths.FindRoot(path, _current.Roots) is null ? null : entry?.WithRoots(_current.Roots);
                }

                _current = entry is null ? _current.WithoutDiskFile(path) : _current.WithDiskFile(entry);
            }

            RefreshOpenDocuments(path, previous);
        }
    }

    private void OnDocumentChanged(DocumentSnapshot snapshot)
    {
        if (WorkspacePaths.FromUriOrPath(snapshot.Uri) is not { } path)
        {
            return;
        }

        ImmutableInterlocked.Update(ref _openUris, (map, p) => map.SetItem(p, snapshot.Uri), path);
        _ = UpdateOpenEntryAsync(snapshot, path);
    }

    private async Task UpdateOpenEntryAsync(DocumentSnapshot snapshot, string path)
    {
        Core.Analysis.SpecSnapshot spec;
        try
        {
            spec = await snapshot.Spec.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return;
        }

        FileIndex? previous;
        lock (_lock)
        {
            if (!ReferenceEquals(_documents.Get(snapshot.Uri), snapshot))
            {
                return;
            }

            previous = _current.GetFile(path);
            _current = _current.WithOpenFile(spec.IndexEntry(_current.Roots));
        }

        RefreshOpenDocuments(path, previous);
    }

    private void OnDocumentClosed(string uri)
    {
        if (WorkspacePaths.FromUriOrPath(uri) is not { } path)
        {
            return;
        }

        ImmutableInterlocked.Update(ref _openUris, (map, p) => map.Remove(p), path);
        FileIndex? previous;
        lock (_lock)
        {
            previous = _current.GetFile(path);
            _current = _current.WithoutOpenFile(path);
        }

        // The editor may have left unsaved changes: what counts now is the disk.
        if (WorkspacePaths.FindRoot(path, Current.Roots) is not null && WorkspacePaths.IsMarkdown(path))
        {
            _ = Task.Run(() => ReindexFromDisk([path]));
        }
        else
        {
            RefreshOpenDocuments(path, previous);
        }
    }

    private void RefreshOpenDocuments(string? changedPath, FileIndex? previous = null)
    {
        _services.GetService<WorkspaceDiagnosticsService>()?.OnIndexChanged(changedPath, previous);
        var diagnostics = _services.GetService<DiagnosticsService>();
        if (diagnostics is null)
        {
            return;
        }

        var open = _documents.Documents;
        var uris = _openUris;
        var targets = changedPath is null
            ? uris.Keys
            : Current.FindDependents(changedPath, previous, uris.Keys);
        foreach (var path in targets.ToList())
        {
            if (uris.TryGetValue(path, out var uri) && open.TryGetValue(uri, out var snapshot))
            {
                diagnostics.Refresh(snapshot);
            }
        }
    }

    private async Task<IntegerOrString?> BeginProgressAsync(CancellationToken cancellationToken)
    {
        if (_session.Capabilities.Window?.WorkDoneProgress != true)
        {
            return null;
        }

        IntegerOrString token = "speclsp-index-" + Guid.NewGuid().ToString("N");

        // A client that never answers must not hold up the scan: it then runs without progress.
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answered.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await _connection.SendRequestAsync(
                Methods.WindowWorkDoneProgressCreate,
                new WorkDoneProgressCreateParams { Token = token },
                LspJsonContext.Default.WorkDoneProgressCreateParams,
                LspJsonContext.Default.JsonElement,
                answered.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonRpcException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        _connection.SendNotification(
            Methods.Progress,
            new ProgressParams<WorkDoneProgressBegin> { Token = token, Value = new WorkDoneProgressBegin { Title = "Indexing specs", Percentage = 0 } },
            LspJsonContext.Default.ProgressParamsWorkDoneProgressBegin);
        return token;
    }

    private void Report(IntegerOrString token, WorkDoneProgressReport report) =>
        _connection.SendNotification(Methods.Progress, new ProgressParams<WorkDoneProgressReport> { Token = token, Value = report }, LspJsonContext.Default.ProgressParamsWorkDoneProgressReport);

    private void Report(IntegerOrString token, WorkDoneProgressEnd end) =>
        _connection.SendNotification(Methods.Progress, new ProgressParams<WorkDoneProgressEnd> { Token = token, Value = end }, LspJsonContext.Default.ProgressParamsWorkDoneProgressEnd);

    private async Task RegisterWatchersAsync()
    {
        if (_session.Capabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration != true)
        {
            return;
        }

        var options = new DidChangeWatchedFilesRegistrationOptions
        {
            Watchers = [new Protocol.Lsp.FileSystemWatcher { GlobPattern = "**/*.md" }],
        };
        var registration = new Registration
        {
            Id = "speclsp-watched-files",
            Method = Methods.WorkspaceDidChangeWatchedFiles,
            RegisterOptions = JsonSerializer.SerializeToElement(options, LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions),
        };
        try
        {
            await _connection.SendRequestAsync(
                Methods.ClientRegisterCapability,
                new RegistrationParams { Registrations = [registration] },
                LspJsonContext.Default.RegistrationParams,
                LspJsonContext.Default.JsonElement,
                _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonRpcException or OperationCanceledException)
        {
            LogWatchersRefused(_logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} specs in {Roots} workspace folder(s).")]
    private static partial void LogIndexed(ILogger logger, int count, int roots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace folders changed: {Added} added, {Removed} removed, {Roots} now.")]
    private static partial void LogRootsChanged(ILogger logger, int added, int removed, int roots);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing the workspace failed.")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The client refused the file watchers: {Reason}")]
    private static partial void LogWatchersRefused(ILogger logger, string reason);

    // Progress<T> posts to the thread pool and may report out of order; this reports inline.
    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
