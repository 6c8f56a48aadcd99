using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidOpenHandler(OpenDocuments workspace) : INotificationHandler<DidOpenTextDocumentParams>
{
    public Task HandleAsync(DidOpenTextDocumentParams notification, CancellationToken cancellationToken)
    {
        var document = notification.TextDocument;
        workspace.Update(document.Uri, document.Version, SourceText.From(document.Text));
        return Task.CompletedTask;
    }
}
