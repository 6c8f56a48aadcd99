using Microsoft.Extensions.Logging;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidChangeHandler(OpenDocuments workspace, ClientSession session, ILogger<DidChangeHandler> logger)
    : INotificationHandler<DidChangeTextDocumentParams>
{
    public Task HandleAsync(DidChangeTextDocumentParams notification, CancellationToken cancellationToken)
    {
        var document = workspace.Get(notification.TextDocument.Uri);
        if (document is null)
        {
            logger.LogWarning("didChange for {Uri}, which is not open; ignored.", notification.TextDocument.Uri);
            return Task.CompletedTask;
        }

        // Each change's positions refer to the text left by the previous one, so convert as we go.
        var text = document.Text;
        foreach (var change in notification.ContentChanges)
        {
            var range = change.Range is null ? (Core.Text.TextRange?)null : session.Encoder.ToCore(text, change.Range);
            text = text.WithChange(range, change.Text);
        }

        workspace.Update(document.Uri, notification.TextDocument.Version, text);
        return Task.CompletedTask;
    }
}
