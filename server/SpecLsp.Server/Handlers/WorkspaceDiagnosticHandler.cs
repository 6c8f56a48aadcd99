using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;

namespace SpecLsp.Server.Handlers;

// Advertised by DocumentDiagnosticHandler, with the rest of the pull options.
internal sealed class WorkspaceDiagnosticHandler(WorkspaceDiagnosticsService diagnostics) : IRequestHandler<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>
{
    public Task<WorkspaceDiagnosticReport> HandleAsync(WorkspaceDiagnosticParams request, CancellationToken cancellationToken) =>
        diagnostics.PullWorkspaceAsync(request.PreviousResultIds ?? [], cancellationToken);
}
