using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidChangeWatchedFilesHandler(TemplateEnvironmentService templates, WorkspaceIndexService index) : INotificationHandler<DidChangeWatchedFilesParams>
{
    public Task HandleAsync(DidChangeWatchedFilesParams notification, CancellationToken cancellationToken)
    {
        templates.OnFilesChanged(notification.Changes.Select(c => c.Uri));
        index.OnFilesChanged(notification.Changes);
        return Task.CompletedTask;
    }
}
