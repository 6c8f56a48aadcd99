using SpecLsp.Core;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class RenameHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<RenameParams, WorkspaceEdit?>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { RenameProvider = new RenameOptions { PrepareProvider = true } };

    public async Task<WorkspaceEdit?> HandleAsync(RenameParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.WorkspaceAfterScan).ConfigureAwait(false) is not var (document, context, state))
        {
            return null;
        }

        var result = service.Rename(context, session.Encoder.ToCore(document.Text, request.Position), request.NewName);
        return result.Changes is { } changes
            ? conversions.ToWorkspaceEdit(state, changes)
            : throw new JsonRpcException(ErrorCodes.RequestFailed, result.Error ?? "Nothing to rename here.");
    }
}
