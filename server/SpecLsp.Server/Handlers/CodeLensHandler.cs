using SpecLsp.Core.Checklists;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class CodeLensHandler(WorkspaceState workspace, ClientSession session)
    : IRequestHandler<CodeLensParams, CodeLens[]>, ICapabilityProvider
{
    /// <summary>The lens's command: registered in executeCommandProvider, a no-op (a lens needs a command the client can run).</summary>
    public const string ChecklistProgressCommand = "speclsp.checklistProgress";

    // Checklist progress is an inlay hint where the client has them, a code lens elsewhere; never both.
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.InlayHint is null ? capabilities with { CodeLensProvider = new CodeLensOptions { ResolveProvider = false } } : capabilities;

    public async Task<CodeLens[]> HandleAsync(CodeLensParams request, CancellationToken cancellationToken)
    {
        var document = workspace.Get(request.TextDocument.Uri);
        // Lenses were advertised only to clients without inlay hints; the others get the progress as hints.
        if (document is null || session.Capabilities.TextDocument?.InlayHint is not null)
        {
            return [];
        }

        var model = await document.GetModelAsync(cancellationToken).ConfigureAwait(false);
        var encoder = session.Encoder;

        return [.. ChecklistProgress.Compute(model).Select(progress => new CodeLens
        {
            Range = encoder.ToLsp(document.Text, progress.HeadingRange),
            Command = new Command { Title = progress.Label, CommandIdentifier = ChecklistProgressCommand },
        })];
    }
}
