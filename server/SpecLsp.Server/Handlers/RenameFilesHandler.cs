using System.Collections.Concurrent;
using SpecLsp.Core.References;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>
/// Links that follow file moves. <c>workspace/willRenameFiles</c> answers with the edits that keep every link to and
/// from the moved files (and folders) working; <c>workspace/didRenameFiles</c> moves the index entries and, for a rename
/// the client did not announce first (its client sends only the notification), applies the same edits with
/// <c>workspace/applyEdit</c> where the client supports it.
/// </summary>
internal sealed class RenameFilesHandler(RequestInputs inputs, WorkspaceIndexService index, ReferenceConversions conversions, ClientSession session, JsonRpcConnection connection)
    : IRequestHandler<RenameFilesParams, WorkspaceEdit?>, INotificationHandler<RenameFilesParams>, ICapabilityProvider
{
    // Markdown files, the images and other files they link to, and folders.
    private static readonly FileOperationRegistrationOptions Renames = new()
    {
        Filters =
        [
            new FileOperationFilter { Scheme = "file", Pattern = new FileOperationPattern { Glob = "**/*", Matches = "file" } },
            new FileOperationFilter { Scheme = "file", Pattern = new FileOperationPattern { Glob = "**/*", Matches = "folder" } },
        ],
    };

    // Renames answered by willRenameFiles, so that their didRenameFiles does not apply the edits a second time.
    private readonly ConcurrentDictionary<(string Old, string New), byte> _answered = new();

    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            Workspace = (capabilities.Workspace ?? new WorkspaceServerCapabilities()) with
            {
                FileOperations = new FileOperationOptions { WillRename = Renames, DidRename = Renames },
            },
        };

    public async Task<WorkspaceEdit?> HandleAsync(RenameFilesParams request, CancellationToken cancellationToken)
    {
        var moves = Moves(request);
        var (state, workspace) = await inputs.GetWorkspaceAsync(cancellationToken).ConfigureAwait(false);
        var changes = FileMoves.LinkEdits(workspace, moves, cancellationToken);
        foreach (var move in moves)
        {
            _answered[(move.OldPath, move.NewPath)] = 0;
        }

        return changes.Edits.IsEmpty ? null : conversions.ToWorkspaceEdit(state, changes);
    }

    async Task INotificationHandler<RenameFilesParams>.HandleAsync(RenameFilesParams notification, CancellationToken cancellationToken)
    {
        var moves = Moves(notification);
        var unannounced = moves.Where(m => !_answered.TryRemove((m.OldPath, m.NewPath), out _)).ToList();
        var (state, workspace) = await inputs.GetWorkspaceAsync(cancellationToken).ConfigureAwait(false);

        // Every indexed file the moves take along: gone from the old path, new at the new one.
        var moved = workspace.Files.Select(f => (Old: f.Path, New: FileMoves.NewPathOf(moves, f.Path))).Where(f => f.New is not null).ToList();
        index.OnFilesChanged(moved.SelectMany(f => new[]
        {
            new FileEvent { Uri = WorkspacePaths.ToFileUri(f.Old), Type = FileChangeType.Deleted },
            new FileEvent { Uri = WorkspacePaths.ToFileUri(f.New!), Type = FileChangeType.Created },
        }));

        if (unannounced.Count == 0 || session.Capabilities.Workspace?.ApplyEdit != true)
        {
            return;
        }

        // The files are at their new paths already: the same edits, addressed there.
        var changes = FileMoves.LinkEdits(workspace, unannounced, cancellationToken);
        if (changes.Edits.IsEmpty)
        {
            return;
        }

        var retargeted = changes with { Edits = [.. changes.Edits.Select(e => e with { Path = FileMoves.NewPathOf(unannounced, e.Path) ?? e.Path })] };
        await connection.SendRequestAsync(
            Methods.WorkspaceApplyEdit,
            new ApplyWorkspaceEditParams { Label = "Update links to moved files", Edit = conversions.ToWorkspaceEdit(state, retargeted) },
            LspJsonContext.Default.ApplyWorkspaceEditParams,
            LspJsonContext.Default.ApplyWorkspaceEditResult,
            cancellationToken).ConfigureAwait(false);
    }

    private static List<FileMove> Moves(RenameFilesParams request) =>
        [.. (request.Files ?? []).Select(f => (Old: WorkspacePaths.FromUriOrPath(f?.OldUri), New: WorkspacePaths.FromUriOrPath(f?.NewUri)))
            .Where(f => f.Old is not null && f.New is not null)
            .Select(f => new FileMove(f.Old!, f.New!))];
}
