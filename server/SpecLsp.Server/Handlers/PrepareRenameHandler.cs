using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class PrepareRenameHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<PrepareRenameParams, PrepareRenameResult?>
{
    public async Task<PrepareRenameResult?> HandleAsync(PrepareRenameParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context))
        {
            return null;
        }

        var target = service.PrepareRename(context, session.Encoder.ToCore(document.Text, request.Position));
        return target is null ? null : new PrepareRenameResult { Range = session.Encoder.ToLsp(document.Text, target.Range), Placeholder = target.Placeholder };
    }
}
