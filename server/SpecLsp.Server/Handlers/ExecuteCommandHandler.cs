using System.Text.Json;
using SpecLsp.Core.Placeholders;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Handlers;

internal sealed class ExecuteCommandHandler(JsonRpcConnection connection, ClientSession session)
    : IRequestHandler<ExecuteCommandParams, JsonElement>, ICapabilityProvider
{
    // A client that shows references itself registers that command; listing it here too would register it twice.
    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities with
        {
            ExecuteCommandProvider = new ExecuteCommandOptions
            {
                Commands = [.. (capabilities.ExecuteCommandProvider?.Commands ?? []).Append(PlaceholderFixes.SelectRangeCommand).Append(CodeLensHandler.ChecklistProgressCommand)
                    .Concat(CodeLensHandler.ClientShowsReferences(client) ? [] : [CodeLensHandler.ShowReferencesCommand])],
            },
        };

    public async Task<JsonElement> HandleAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        // A checklist progress lens is information only: clicking it runs this command, which does nothing.
        if (request.Command == CodeLensHandler.ChecklistProgressCommand)
        {
            return JsonSerializer.SerializeToElement<string?>(null, LspJsonContext.Default.String);
        }

        // A references lens in a client that cannot list locations: go to the first one.
        if (request.Command == CodeLensHandler.ShowReferencesCommand)
        {
            if (request.Arguments is [_, _, { ValueKind: JsonValueKind.Array } locations, ..]
                && locations.Deserialize(LspJsonContext.Default.LocationArray) is [var first, ..])
            {
                await ShowAsync(first.Uri, first.Range, cancellationToken).ConfigureAwait(false);
            }

            return JsonSerializer.SerializeToElement<string?>(null, LspJsonContext.Default.String);
        }

        if (request.Command != PlaceholderFixes.SelectRangeCommand || request.Arguments is not [{ ValueKind: JsonValueKind.String } uri, { ValueKind: JsonValueKind.Object } range, ..])
        {
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"Unknown command or arguments: {request.Command}.");
        }

        await ShowAsync(uri.GetString()!, range.Deserialize(LspJsonContext.Default.Range), cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToElement<string?>(null, LspJsonContext.Default.String);
    }

    // Selecting text is the client's job: window/showDocument with a selection does it in any LSP 3.16+ client.
    private async Task ShowAsync(string uri, Protocol.Lsp.Range? selection, CancellationToken cancellationToken)
    {
        if (session.Capabilities.Window?.ShowDocument?.Support == true)
        {
            await connection.SendRequestAsync(
                Methods.WindowShowDocument,
                new ShowDocumentParams { Uri = uri, TakeFocus = true, Selection = selection },
                LspJsonContext.Default.ShowDocumentParams,
                LspJsonContext.Default.ShowDocumentResult,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
