using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidChangeWatchedFilesHandler(WorkspaceIndexService index) : INotificationHandler<DidChangeWatchedFilesParams>
{
    public Task HandleAsync(DidChangeWatchedFilesParams notification, CancellationToken cancellationToken)
    {
        index.OnFilesChanged(notification.Changes);
        return Task.CompletedTask;
    }
}
