using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DidChangeWorkspaceFoldersHandler(WorkspaceIndexService index)
    : INotificationHandler<DidChangeWorkspaceFoldersParams>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            Workspace = (capabilities.Workspace ?? new WorkspaceServerCapabilities()) with
            {
                WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true },
            },
        };

    public Task HandleAsync(DidChangeWorkspaceFoldersParams notification, CancellationToken cancellationToken)
    {
        // The arrays are required by the spec, but a client may still send null: nothing to change then.
        var change = notification.Event;
        index.ChangeRoots(
            change?.Added?.Select(f => f?.Uri).OfType<string>() ?? [],
            change?.Removed?.Select(f => f?.Uri).OfType<string>() ?? []);
        return Task.CompletedTask;
    }
}
