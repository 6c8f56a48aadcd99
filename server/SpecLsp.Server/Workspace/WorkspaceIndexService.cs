using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Workspace;

/// <summary>
/// Keeps the workspace index in the <see cref="ServerState"/> up to date with the disk: scans every spec in the
/// background after <c>initialized</c> (again when the spec globs change, and the folders added later), follows file
/// events and reads a closed document's file again. Open documents' entries are <see cref="OpenDocuments"/>'s.
/// </summary>
internal sealed partial class WorkspaceIndexService(ServerStateStore store, ClientSession session, JsonRpcConnection connection, ILogger<WorkspaceIndexService> logger)
    : IServerStateObserver, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _scanGeneration;
    private Task _scan = Task.CompletedTask;
    private Task _cacheWrite = Task.CompletedTask;

    /// <summary>How long a workspace-wide request waits for a background scan in progress.</summary>
    public static TimeSpan ScanWait { get; } = TimeSpan.FromSeconds(10);

    public WorkspaceIndex Current => store.Current.Index;

    /// <summary>The scan in progress or finished (completed before <see cref="Start"/>).</summary>
    public Task Scan => Volatile.Read(ref _scan);

    /// <summary>
    /// Waits for the index cache being written, if any, at most <paramref name="limit"/>: at shutdown, so that a session
    /// ended right after its scan still leaves the cache for the next one.
    /// </summary>
    public async Task FinishCacheWriteAsync(TimeSpan limit)
    {
        try
        {
            await Volatile.Read(ref _cacheWrite).WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The write goes on; if the process exits first, its temporary file is removed by a later prune.
        }
    }

    /// <summary>Takes the workspace folders from initialize; the scan starts when the state has them.</summary>
    public void Start()
    {
        var @params = session.InitializeParams;
        var folders = @params?.WorkspaceFolders?.Select(f => f.Uri) ?? (@params?.RootUri is { } root ? [root] : @params?.RootPath is { } rootPath ? [rootPath] : []);
        var roots = folders.Select(WorkspacePaths.FromUriOrPath).OfType<string>().ToList();
        store.Update(state => state with
        {
            Index = WithOpenEntries(state, WorkspaceIndex.Create(new DiskWorkspace(roots, IsSpec))),
            Unscanned = null,
        });
        _ = RegisterWatchersAsync();
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
        store.Update(state =>
        {
            var before = state.Index.Roots;
            var roots = before.Where(r => !removedRoots.Contains(r)).Concat(addedRoots).Distinct(WorkspacePaths.Comparer).ToList();
            if (roots.SequenceEqual(before, WorkspacePaths.Comparer))
            {
                return state;
            }

            var workspace = new DiskWorkspace(roots, IsSpec);
            ImmutableArray<string>? unscanned = state.Unscanned is { } pending
                ? [.. pending.Concat(addedRoots).Distinct(WorkspacePaths.Comparer).Where(r => workspace.Roots.Contains(r, WorkspacePaths.Comparer))]
                : null;
            var index = state.Index.WithWorkspace(workspace);

            // Only folders were removed (or the ones added meanwhile, before their scan landed): every remaining
            // folder is indexed. Without any folder the index stays incomplete, as in a session that never had one.
            if (unscanned is { IsEmpty: true } && !workspace.Roots.IsEmpty)
            {
                index = index.AsComplete();
            }

            LogRootsChanged(logger, addedRoots.Count, removedRoots.Count, workspace.Roots.Length);
            return state with { Index = index, Unscanned = unscanned };
        });
    }

    /// <summary>The URI the client knows a path by: its own spelling for open documents.</summary>
    public string ToUri(string path) => store.Current.ToUri(path);

    /// <summary>The text of a file for position conversion: the open document's, else the disk's (inside the roots only).</summary>
    public SourceText? GetText(string path) => store.Current.GetText(path);

    /// <summary>Applies file events from the client's watcher (or a save); the configuration file is the template service's.</summary>
    public void OnFilesChanged(IEnumerable<FileEvent> changes)
    {
        var roots = Current.Roots;
        var paths = changes
            .Select(c => WorkspacePaths.FromUriOrPath(c.Uri))
            .OfType<string>()
            .Where(p => WorkspacePaths.IsMarkdown(p) && WorkspacePaths.FindRoot(p, roots) is not null)
            .ToList();
        if (paths.Count > 0)
        {
            _ = Task.Run(() => ReindexFromDisk(paths));
        }
    }

    // A scan starts (superseding any older one) when there are folders not scanned yet and they or the spec globs
    // changed; a closed document's file is read again, since the editor may have left unsaved changes.
    public void OnStateChanged(ServerState previous, ServerState next)
    {
        if (!next.Index.Roots.IsEmpty && next.Unscanned is not { IsEmpty: true }
            && (previous.Unscanned != next.Unscanned || !ReferenceEquals(previous.Index.Workspace, next.Index.Workspace) || ServerState.GlobsDiffer(previous.Templates, next.Templates)))
        {
            StartScan(next);
        }

        if (previous.OpenPaths.Count > 0)
        {
            var roots = next.Index.Roots;
            var closed = previous.OpenPaths.Keys.Where(p => !next.OpenPaths.ContainsKey(p) && WorkspacePaths.FindRoot(p, roots) is not null && WorkspacePaths.IsMarkdown(p)).ToList();
            if (closed.Count > 0)
            {
                _ = Task.Run(() => ReindexFromDisk(closed));
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    // The spec globs are relative to the workspace root, as the configuration file's are.
    private bool IsSpec(string relativePath) => store.Current.Templates.Configuration.IsSpec(relativePath);

    // Under the store's lock (from OnStateChanged), so generations follow the order of the states they scan.
    private void StartScan(ServerState state)
    {
        int generation = Interlocked.Increment(ref _scanGeneration);
        var workspace = state.Index.Workspace;
        var only = state.Unscanned;
        Volatile.Write(ref _scan, Task.Run(() => ScanAsync(generation, workspace, only, _stopping.Token)));
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

            // A full scan reads the entries of unchanged files from the last session's cache; a folder added later
            // is scanned without it (the cache is the whole workspace's, written when a full scan lands).
            var cache = only is null ? IndexCache.Default(workspace.Roots) : null;
            var scan = WorkspaceIndexer.Scan(
                workspace,
                paths,
                cache,
                progress: new SyncProgress(p =>
                {
                    int percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
                    if (progress is not null && percent != Interlocked.Exchange(ref lastPercent, percent))
                    {
                        Report(progress.Value, new WorkDoneProgressReport { Message = $"{p.Done}/{p.Total} specs", Percentage = percent });
                    }
                }),
                cancellationToken: cancellationToken);
            var scanned = scan.Entries;
            WorkspaceIndex? landed = null;
            store.Update(state =>
            {
                // A newer scan superseded this one, or the folders changed: that scan covers what this one had not.
                if (generation != Volatile.Read(ref _scanGeneration) || !ReferenceEquals(state.Index.Workspace, workspace))
                {
                    return state;
                }

                landed = only is null
                    ? WithOpenEntries(state, WorkspaceIndex.Create(workspace).WithDiskFiles(scanned).AsComplete())
                    : state.Index.WithDiskFiles(scanned).AsComplete();
                return state with { Index = landed, Unscanned = [] };
            });

            if (landed is not null)
            {
                // Here, off the store's lock, rather than in the first workspace/symbol request; snapshots that
                // differ only in open documents share these arrays.
                _ = landed.DiskSymbols;
                LogIndexed(logger, scanned.Count, only?.Length ?? workspace.Roots.Length, scan.FromCache);
                if (cache is not null)
                {
                    // After the index is served, on its own thread: nothing but shutdown waits for the write.
                    Volatile.Write(ref _cacheWrite, Task.Run(() =>
                    {
                        if (!scan.SaveCache())
                        {
                            LogCacheNotWritten(logger, cache.File);
                        }
                    }, CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogScanFailed(logger, ex);
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
    private static WorkspaceIndex WithOpenEntries(ServerState state, WorkspaceIndex index)
    {
        foreach (var (path, uri) in state.OpenPaths)
        {
            if (state.Documents.TryGetValue(uri, out var snapshot) && snapshot.Spec.IsCompletedSuccessfully)
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
            var entry = workspace.GetPathState(path) == PathState.File && workspace.IsSpecFile(path) ? WorkspaceIndexer.IndexFile(workspace, path) : null;
            store.Update(state =>
            {
                // The folders may have changed meanwhile: a file of a removed folder stays out.
                var current = entry;
                if (!ReferenceEquals(state.Index.Workspace, workspace))
                {
                    current = WorkspacePaths.FindRoot(path, state.Index.Roots) is null ? null : current?.WithRoots(state.Index.Roots);
                }

                return state with { Index = current is null ? state.Index.WithoutDiskFile(path) : state.Index.WithDiskFile(current) };
            });
        }
    }

    private async Task<IntegerOrString?> BeginProgressAsync(CancellationToken cancellationToken)
    {
        if (session.Capabilities.Window?.WorkDoneProgress != true)
        {
            return null;
        }

        IntegerOrString token = "speclsp-index-" + Guid.NewGuid().ToString("N");

        // A client that never answers must not hold up the scan: it then runs without progress.
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answered.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await connection.SendRequestAsync(
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

        connection.SendNotification(
            Methods.Progress,
            new ProgressParams<WorkDoneProgressBegin> { Token = token, Value = new WorkDoneProgressBegin { Title = "Indexing specs", Percentage = 0 } },
            LspJsonContext.Default.ProgressParamsWorkDoneProgressBegin);
        return token;
    }

    private void Report(IntegerOrString token, WorkDoneProgressReport report) =>
        connection.SendNotification(Methods.Progress, new ProgressParams<WorkDoneProgressReport> { Token = token, Value = report }, LspJsonContext.Default.ProgressParamsWorkDoneProgressReport);

    private void Report(IntegerOrString token, WorkDoneProgressEnd end) =>
        connection.SendNotification(Methods.Progress, new ProgressParams<WorkDoneProgressEnd> { Token = token, Value = end }, LspJsonContext.Default.ProgressParamsWorkDoneProgressEnd);

    private async Task RegisterWatchersAsync()
    {
        if (session.Capabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration != true)
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
            await connection.SendRequestAsync(
                Methods.ClientRegisterCapability,
                new RegistrationParams { Registrations = [registration] },
                LspJsonContext.Default.RegistrationParams,
                LspJsonContext.Default.JsonElement,
                _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonRpcException or OperationCanceledException)
        {
            LogWatchersRefused(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} specs in {Roots} workspace folder(s), {FromCache} of them unchanged since the index cache was written.")]
    private static partial void LogIndexed(ILogger logger, int count, int roots, int fromCache);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index cache {File} could not be written; the next session parses every spec.")]
    private static partial void LogCacheNotWritten(ILogger logger, string file);

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
