using System.Text.Json;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lifecycle;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Handlers;

/// <summary>
/// Every method the server handles. A new feature adds its handler file and one line here. Mutating
/// handlers are barriers applied in arrival order; read-only ones run concurrently on a snapshot.
/// </summary>
/// <remarks>
/// The serialisation metadata is passed as <c>() =&gt; json.X</c>: it is created on a method's first message, not
/// here, where fifty of them cost ~20 ms before the server could answer initialize (docs/performance.md).
/// Initialize itself is registered before the services exist (<see cref="RegisterInitialize"/>), so a handler that
/// provides a capability is also listed in <see cref="CapabilityProviders"/>.
/// </remarks>
internal static class HandlerRegistrations
{
    private const bool Mutating = true;
    private const bool ReadOnly = false;

    /// <summary>Every handler that advertises a capability, in registration order (a test holds the two lists together).</summary>
    public static readonly CapabilityProvider[] CapabilityProviders =
    [
        Provider<DocumentSymbolHandler>(),
        Provider<FoldingRangeHandler>(),
        Provider<WorkspaceSymbolHandler>(),
        Provider<DidChangeWorkspaceFoldersHandler>(),
        Provider<CompletionHandler>(),
        Provider<CodeActionHandler>(),
        Provider<HoverHandler>(),
        Provider<DefinitionHandler>(),
        Provider<ReferencesHandler>(),
        Provider<RenameHandler>(),
        Provider<DocumentLinkHandler>(),
        Provider<DocumentDiagnosticHandler>(),
        Provider<CodeLensHandler>(),
        Provider<InlayHintHandler>(),
        Provider<SelectionRangeHandler>(),
        Provider<DocumentHighlightHandler>(),
        Provider<SemanticTokensHandler>(),
        Provider<RenameFilesHandler>(),
        Provider<ExecuteCommandHandler>(),
    ];

    /// <summary>What the server advertises to a client with <paramref name="client"/>'s capabilities.</summary>
    public static ServerCapabilities BuildCapabilities(ServerCapabilities baseline, ClientCapabilities client) =>
        CapabilityProviders.Aggregate(baseline, (capabilities, provider) => provider.AddCapabilities(capabilities, client));

    /// <summary>Registers initialize, which needs nothing from the container: the host builds while it is answered.</summary>
    public static void RegisterInitialize(JsonRpcConnection connection, LanguageServerLifecycle lifecycle, ClientSession session)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var json = LspJsonContext.Default;
        var handler = new InitializeHandler(lifecycle, session);
        connection.AddRequestHandler(Methods.Initialize, Mutating, () => json.InitializeParams, () => json.InitializeResult, handler.HandleAsync);
    }

    public static void RegisterAll(HandlerRegistry r)
    {
        var json = LspJsonContext.Default;

        r.Notification<InitializedHandler>(Methods.Initialized, Mutating);
        r.Request<ShutdownHandler>(Methods.Shutdown, Mutating);
        r.Notification<ExitHandler>(Methods.Exit, Mutating);

        r.Notification<DidOpenHandler, DidOpenTextDocumentParams>(Methods.TextDocumentDidOpen, Mutating, () => json.DidOpenTextDocumentParams);
        r.Notification<DidChangeHandler, DidChangeTextDocumentParams>(Methods.TextDocumentDidChange, Mutating, () => json.DidChangeTextDocumentParams);
        r.Notification<DidCloseHandler, DidCloseTextDocumentParams>(Methods.TextDocumentDidClose, Mutating, () => json.DidCloseTextDocumentParams);
        r.Notification<DidSaveHandler, DidSaveTextDocumentParams>(Methods.TextDocumentDidSave, Mutating, () => json.DidSaveTextDocumentParams);

        r.Request<DocumentSymbolHandler, DocumentSymbolParams, DocumentSymbolResult>(Methods.TextDocumentDocumentSymbol, ReadOnly, () => json.DocumentSymbolParams, () => json.DocumentSymbolResult);
        r.Request<FoldingRangeHandler, FoldingRangeParams, FoldingRange[]>(Methods.TextDocumentFoldingRange, ReadOnly, () => json.FoldingRangeParams, () => json.FoldingRangeArray);
        r.Request<WorkspaceSymbolHandler, WorkspaceSymbolParams, WorkspaceSymbol[]>(Methods.WorkspaceSymbol, ReadOnly, () => json.WorkspaceSymbolParams, () => json.WorkspaceSymbolArray);
        r.Notification<DidChangeConfigurationHandler, DidChangeConfigurationParams>(Methods.WorkspaceDidChangeConfiguration, Mutating, () => json.DidChangeConfigurationParams);
        r.Notification<DidChangeWatchedFilesHandler, DidChangeWatchedFilesParams>(Methods.WorkspaceDidChangeWatchedFiles, Mutating, () => json.DidChangeWatchedFilesParams);
        r.Notification<DidChangeWorkspaceFoldersHandler, DidChangeWorkspaceFoldersParams>(Methods.WorkspaceDidChangeWorkspaceFolders, Mutating, () => json.DidChangeWorkspaceFoldersParams);
        r.Request<CompletionHandler, CompletionParams, CompletionList>(Methods.TextDocumentCompletion, ReadOnly, () => json.CompletionParams, () => json.CompletionList);
        r.Request<CodeActionHandler, CodeActionParams, CodeAction[]>(Methods.TextDocumentCodeAction, ReadOnly, () => json.CodeActionParams, () => json.CodeActionArray);
        r.Request<HoverHandler, HoverParams, Hover?>(Methods.TextDocumentHover, ReadOnly, () => json.HoverParams, () => json.Hover);
        r.Request<ListTemplatesHandler, ListTemplatesParams, TemplateInfo[]>(ListTemplatesHandler.Method, ReadOnly, () => TemplateJsonContext.Default.ListTemplatesParams, () => TemplateJsonContext.Default.TemplateInfoArray);
        r.Request<NewSpecHandler, NewSpecParams, NewSpecResult>(NewSpecHandler.Method, ReadOnly, () => TemplateJsonContext.Default.NewSpecParams, () => TemplateJsonContext.Default.NewSpecResult);
        r.Request<DefinitionHandler, DefinitionParams, DefinitionResult>(Methods.TextDocumentDefinition, ReadOnly, () => json.DefinitionParams, () => json.DefinitionResult);
        r.Request<ReferencesHandler, ReferenceParams, Location[]>(Methods.TextDocumentReferences, ReadOnly, () => json.ReferenceParams, () => json.LocationArray);
        r.Request<PrepareRenameHandler, PrepareRenameParams, PrepareRenameResult?>(Methods.TextDocumentPrepareRename, ReadOnly, () => json.PrepareRenameParams, () => json.PrepareRenameResult);
        r.Request<RenameHandler, RenameParams, WorkspaceEdit?>(Methods.TextDocumentRename, ReadOnly, () => json.RenameParams, () => json.WorkspaceEdit);
        r.Request<DocumentLinkHandler, DocumentLinkParams, DocumentLink[]>(Methods.TextDocumentDocumentLink, ReadOnly, () => json.DocumentLinkParams, () => json.DocumentLinkArray);
        r.Request<DocumentDiagnosticHandler, DocumentDiagnosticParams, DocumentDiagnosticReport>(Methods.TextDocumentDiagnostic, ReadOnly, () => json.DocumentDiagnosticParams, () => json.DocumentDiagnosticReport);
        r.Request<WorkspaceDiagnosticHandler, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>(Methods.WorkspaceDiagnostic, ReadOnly, () => json.WorkspaceDiagnosticParams, () => json.WorkspaceDiagnosticReport);
        r.Request<CodeLensHandler, CodeLensParams, CodeLens[]>(Methods.TextDocumentCodeLens, ReadOnly, () => json.CodeLensParams, () => json.CodeLensArray);
        r.Request<InlayHintHandler, InlayHintParams, InlayHint[]>(Methods.TextDocumentInlayHint, ReadOnly, () => json.InlayHintParams, () => json.InlayHintArray);
        r.Request<SelectionRangeHandler, SelectionRangeParams, SelectionRange[]>(Methods.TextDocumentSelectionRange, ReadOnly, () => json.SelectionRangeParams, () => json.SelectionRangeArray);
        r.Request<DocumentHighlightHandler, DocumentHighlightParams, DocumentHighlight[]>(Methods.TextDocumentDocumentHighlight, ReadOnly, () => json.DocumentHighlightParams, () => json.DocumentHighlightArray);
        var tokens = r.Request<SemanticTokensHandler, SemanticTokensParams, SemanticTokens>(Methods.TextDocumentSemanticTokensFull, ReadOnly, () => json.SemanticTokensParams, () => json.SemanticTokens);
        r.Request<SemanticTokensDeltaParams, SemanticTokensDeltaResult>(tokens, Methods.TextDocumentSemanticTokensFullDelta, ReadOnly, () => json.SemanticTokensDeltaParams, () => json.SemanticTokensDeltaResult);
        var renames = r.Request<RenameFilesHandler, RenameFilesParams, WorkspaceEdit?>(Methods.WorkspaceWillRenameFiles, ReadOnly, () => json.RenameFilesParams, () => json.WorkspaceEdit);
        r.Notification(renames, Methods.WorkspaceDidRenameFiles, Mutating, () => json.RenameFilesParams);
        r.Request<ExecuteCommandHandler, ExecuteCommandParams, JsonElement>(Methods.WorkspaceExecuteCommand, ReadOnly, () => json.ExecuteCommandParams, () => json.JsonElement);
    }

    private static CapabilityProvider Provider<THandler>()
        where THandler : ICapabilityProvider => new(typeof(THandler), THandler.AddCapabilities);
}

/// <summary>A handler type and what it adds to the initialize result.</summary>
internal sealed record CapabilityProvider(Type Handler, Func<ServerCapabilities, ClientCapabilities, ServerCapabilities> AddCapabilities);
