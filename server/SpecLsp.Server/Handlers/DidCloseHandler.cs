using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidCloseHandler(OpenDocuments workspace) : INotificationHandler<DidCloseTextDocumentParams>
{
    public Task HandleAsync(DidCloseTextDocumentParams notification, CancellationToken cancellationToken)
    {
        workspace.Close(notification.TextDocument.Uri);
        return Task.CompletedTask;
    }
}
