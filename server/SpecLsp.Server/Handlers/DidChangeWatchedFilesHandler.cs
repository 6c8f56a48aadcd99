using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Handlers;

internal sealed class DidChangeWatchedFilesHandler(TemplateEnvironmentService templates) : INotificationHandler<DidChangeWatchedFilesParams>
{
    public Task HandleAsync(DidChangeWatchedFilesParams notification, CancellationToken cancellationToken)
    {
        templates.OnFilesChanged(notification.Changes.Select(c => c.Uri));
        return Task.CompletedTask;
    }
}
