using System.Text.Json;
using SpecLsp.Core;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>
/// Code lenses: "3 references" above each requirement, story and linked heading (to every client that has lenses), and
/// checklist progress (only to clients without inlay hints, which get it as a hint instead; never both).
/// </summary>
internal sealed class CodeLensHandler(RequestInputs inputs, SpecLanguageService service, ClientSession session, ReferenceConversions conversions)
    : IRequestHandler<CodeLensParams, CodeLens[]>, ICapabilityProvider
{
    /// <summary>The lens's command: registered in executeCommandProvider, a no-op (a lens needs a command the client can run).</summary>
    public const string ChecklistProgressCommand = "speclsp.checklistProgress";

    /// <summary>
    /// The references lens's command, arguments <c>[uri, position, locations]</c>. A client that lists it in
    /// <c>experimental.commands.commands</c> (our VS Code extension) shows the locations itself; for any other client the
    /// server executes it by showing the first reference (window/showDocument).
    /// </summary>
    public const string ShowReferencesCommand = "speclsp.showReferences";

    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client) =>
        client.TextDocument?.CodeLens is not null || client.TextDocument?.InlayHint is null
            ? capabilities with { CodeLensProvider = new CodeLensOptions { ResolveProvider = false } }
            : capabilities;

    /// <summary>True when the client runs <see cref="ShowReferencesCommand"/> itself (so it must not be in executeCommandProvider).</summary>
    public static bool ClientShowsReferences(ClientCapabilities client) =>
        client.Experimental is { ValueKind: JsonValueKind.Object } experimental
        && experimental.TryGetProperty("commands", out var commands) && commands.ValueKind == JsonValueKind.Object
        && commands.TryGetProperty("commands", out var list) && list.ValueKind == JsonValueKind.Array
        && list.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == ShowReferencesCommand);

    public async Task<CodeLens[]> HandleAsync(CodeLensParams request, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(request.TextDocument.Uri, cancellationToken, InputScope.Workspace).ConfigureAwait(false) is not var (document, context, state))
        {
            return [];
        }

        var lenses = new List<CodeLens>();
        var encoder = session.Encoder;
        foreach (var lens in service.ReferenceLenses(context, cancellationToken))
        {
            var locations = conversions.ToLocations(state, lens.References);
            lenses.Add(new CodeLens
            {
                Range = encoder.ToLsp(document.Text, lens.Range),
                Command = new Command
                {
                    Title = lens.Title,
                    CommandIdentifier = ShowReferencesCommand,
                    Arguments =
                    [
                        JsonSerializer.SerializeToElement(request.TextDocument.Uri, LspJsonContext.Default.String),
                        JsonSerializer.SerializeToElement(encoder.ToLsp(document.Text, lens.Target), LspJsonContext.Default.Position),
                        JsonSerializer.SerializeToElement(locations, LspJsonContext.Default.LocationArray),
                    ],
                },
            });
        }

        // Checklist progress: here only for clients without inlay hints, which get it as hints.
        if (session.Capabilities.TextDocument?.InlayHint is null)
        {
            lenses.AddRange(service.ChecklistProgress(context).Select(progress => new CodeLens
            {
                Range = encoder.ToLsp(document.Text, progress.HeadingRange),
                Command = new Command { Title = progress.Label, CommandIdentifier = ChecklistProgressCommand },
            }));
        }

        return [.. lenses.OrderBy(l => l.Range.Start.Line).ThenBy(l => l.Range.Start.Character)];
    }
}
