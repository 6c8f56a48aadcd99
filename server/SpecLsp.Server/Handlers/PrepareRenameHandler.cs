using SpecLsp.Core.References;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class PrepareRenameHandler(RequestInputs inputs, ClientSession session)
    : IRequestHandler<PrepareRenameParams, PrepareRenameResult?>
{
    public async Task<PrepareRenameResult?> HandleAsync(PrepareRenameParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (snapshot, context))
        {
            return null;
        }

        var target = ReferenceRename.Prepare(context.View, session.Encoder.ToCore(snapshot.Text, request.Position));
        return target is null ? null : new PrepareRenameResult { Range = session.Encoder.ToLsp(snapshot.Text, target.Range), Placeholder = target.Placeholder };
    }
}
