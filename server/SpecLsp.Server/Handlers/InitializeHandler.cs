using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Handlers;

internal sealed class InitializeHandler(LanguageServerLifecycle lifecycle, ClientSession session)
    : IRequestHandler<InitializeParams, InitializeResult>
{
    public Task<InitializeResult> HandleAsync(InitializeParams request, CancellationToken cancellationToken)
    {
        // Answer at once: nothing is scanned before the client has its capabilities, and the host may still be building.
        string encoding = lifecycle.Initialize(request);
        session.Initialize(request, encoding);
        var baseline = new ServerCapabilities
        {
            PositionEncoding = encoding,
            TextDocumentSync = new TextDocumentSyncOptions
            {
                OpenClose = true,
                Change = TextDocumentSyncKind.Incremental,
                Save = new SaveOptions { IncludeText = false },
            },
        };
        return Task.FromResult(new InitializeResult
        {
            Capabilities = HandlerRegistrations.BuildCapabilities(baseline, request.Capabilities ?? new ClientCapabilities()), // "params": {} leaves it out
            ServerInfo = new ServerInfo { Name = "speclsp", Version = ServerVersion.Current },
        });
    }
}
