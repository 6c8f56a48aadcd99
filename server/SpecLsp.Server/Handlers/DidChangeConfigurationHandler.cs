using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Handlers;

internal sealed class DidChangeConfigurationHandler(TemplateEnvironmentService templates) : INotificationHandler<DidChangeConfigurationParams>
{
    // Not awaited: a pull from the client must not hold the ordered message queue while it waits for the answer.
    public Task HandleAsync(DidChangeConfigurationParams notification, CancellationToken cancellationToken)
    {
        _ = templates.OnDidChangeConfigurationAsync(notification.Settings, CancellationToken.None);
        return Task.CompletedTask;
    }
}
