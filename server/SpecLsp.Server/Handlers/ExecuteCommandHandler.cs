using System.Text.Json;
using SpecLsp.Core.Placeholders;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Handlers;

internal sealed class ExecuteCommandHandler(JsonRpcConnection connection, ClientSession session)
    : IRequestHandler<ExecuteCommandParams, JsonElement>, ICapabilityProvider
{
    public ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with { ExecuteCommandProvider = new ExecuteCommandOptions { Commands = [.. (capabilities.ExecuteCommandProvider?.Commands ?? []).Append(PlaceholderFixes.SelectRangeCommand).Append(CodeLensHandler.ChecklistProgressCommand)] } };

    public async Task<JsonElement> HandleAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        // A checklist progress lens is information only: clicking it runs this command, which does nothing.
        if (request.Command == CodeLensHandler.ChecklistProgressCommand)
        {
            return JsonSerializer.SerializeToElement<string?>(null, LspJsonContext.Default.String);
        }

        if (request.Command != PlaceholderFixes.SelectRangeCommand || request.Arguments is not [{ ValueKind: JsonValueKind.String } uri, { ValueKind: JsonValueKind.Object } range, ..])
        {
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"Unknown command or arguments: {request.Command}.");
        }

        // Selecting text is the client's job: window/showDocument with a selection does it in any LSP 3.16+ client.
        if (session.Capabilities.Window?.ShowDocument?.Support == true)
        {
            var selection = range.Deserialize(LspJsonContext.Default.Range);
            await connection.SendRequestAsync(
                Methods.WindowShowDocument,
                new ShowDocumentParams { Uri = uri.GetString()!, TakeFocus = true, Selection = selection },
                LspJsonContext.Default.ShowDocumentParams,
                LspJsonContext.Default.ShowDocumentResult,
                cancellationToken).ConfigureAwait(false);
        }

        return JsonSerializer.SerializeToElement<string?>(null, LspJsonContext.Default.String);
    }
}
