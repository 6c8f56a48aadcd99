using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Templates;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

internal sealed class DocumentDiagnosticHandler(OpenDocuments workspace, WorkspaceDiagnosticsService diagnostics, TemplateEnvironmentService templates)
    : IRequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>, ICapabilityProvider
{
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.Diagnostic is null
            ? capabilities
            : capabilities with { DiagnosticProvider = new DiagnosticOptions { Identifier = "speclsp", InterFileDependencies = false, WorkspaceDiagnostics = true } };

    public async Task<DocumentDiagnosticReport> HandleAsync(DocumentDiagnosticParams request, CancellationToken cancellationToken)
    {
        if (templates.ConfigurationDiagnostics is { } configuration && configuration.Uri == request.TextDocument.Uri)
        {
            return new FullDocumentDiagnosticReport { Items = configuration.Diagnostics };
        }

        var document = workspace.Get(request.TextDocument.Uri);
        if (document is null)
        {
            return new FullDocumentDiagnosticReport { Items = [] };
        }

        return await diagnostics.PullDocumentAsync(document, request.PreviousResultId, cancellationToken).ConfigureAwait(false);
    }
}
