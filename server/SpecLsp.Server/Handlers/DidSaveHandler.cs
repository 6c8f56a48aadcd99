using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidSaveHandler(OpenDocuments workspace, TemplateEnvironmentService templates, WorkspaceIndexService index) : INotificationHandler<DidSaveTextDocumentParams>
{
    public Task HandleAsync(DidSaveTextDocumentParams notification, CancellationToken cancellationToken)
    {
        // We ask for no text on save, but a client may send it anyway; trust it only if it differs.
        var document = workspace.Get(notification.TextDocument.Uri);
        if (document is not null && notification.Text is { } text && text != document.Text.Text)
        {
            workspace.Update(document.Uri, document.Version, SourceText.From(text));
        }

        templates.OnFilesChanged([notification.TextDocument.Uri]);
        // Clients without file watchers tell us of disk changes only this way.
        index.OnFilesChanged([new FileEvent { Uri = notification.TextDocument.Uri, Type = FileChangeType.Changed }]);
        return Task.CompletedTask;
    }
}
