using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class PrepareRenameHandler(WorkspaceIndexService index, ClientSession session)
    : IRequestHandler<PrepareRenameParams, PrepareRenameResult?>
{
    public async Task<PrepareRenameResult?> HandleAsync(PrepareRenameParams request, CancellationToken cancellationToken)
    {
        if (await index.GetViewAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false) is not var (snapshot, view))
        {
            return null;
        }

        var target = ReferenceRename.Prepare(view, session.Encoder.ToCore(snapshot.Text, request.Position));
        return target is null ? null : new PrepareRenameResult { Range = session.Encoder.ToLsp(snapshot.Text, target.Range), Placeholder = target.Placeholder };
    }
}
