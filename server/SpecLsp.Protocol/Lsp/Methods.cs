namespace SpecLsp.Protocol.Lsp;

/// <summary>LSP method names.</summary>
public static class Methods
{
    /// <summary><c>initialize</c>.</summary>
    public const string Initialize = "initialize";

    /// <summary><c>initialized</c>.</summary>
    public const string Initialized = "initialized";

    /// <summary><c>shutdown</c>.</summary>
    public const string Shutdown = "shutdown";

    /// <summary><c>exit</c>.</summary>
    public const string Exit = "exit";

    /// <summary><c>$/cancelRequest</c>.</summary>
    public const string CancelRequest = "$/cancelRequest";

    /// <summary><c>$/progress</c>.</summary>
    public const string Progress = "$/progress";

    /// <summary><c>$/setTrace</c>.</summary>
    public const string SetTrace = "$/setTrace";

    /// <summary><c>textDocument/didOpen</c>.</summary>
    public const string TextDocumentDidOpen = "textDocument/didOpen";

    /// <summary><c>textDocument/didChange</c>.</summary>
    public const string TextDocumentDidChange = "textDocument/didChange";

    /// <summary><c>textDocument/didClose</c>.</summary>
    public const string TextDocumentDidClose = "textDocument/didClose";

    /// <summary><c>textDocument/didSave</c>.</summary>
    public const string TextDocumentDidSave = "textDocument/didSave";

    /// <summary><c>textDocument/documentSymbol</c>.</summary>
    public const string TextDocumentDocumentSymbol = "textDocument/documentSymbol";

    /// <summary><c>textDocument/foldingRange</c>.</summary>
    public const string TextDocumentFoldingRange = "textDocument/foldingRange";

    /// <summary><c>textDocument/publishDiagnostics</c>.</summary>
    public const string TextDocumentPublishDiagnostics = "textDocument/publishDiagnostics";

    /// <summary><c>textDocument/diagnostic</c>.</summary>
    public const string TextDocumentDiagnostic = "textDocument/diagnostic";

    /// <summary><c>textDocument/completion</c>.</summary>
    public const string TextDocumentCompletion = "textDocument/completion";

    /// <summary><c>completionItem/resolve</c>.</summary>
    public const string CompletionItemResolve = "completionItem/resolve";

    /// <summary><c>textDocument/hover</c>.</summary>
    public const string TextDocumentHover = "textDocument/hover";

    /// <summary><c>textDocument/codeAction</c>.</summary>
    public const string TextDocumentCodeAction = "textDocument/codeAction";

    /// <summary><c>codeAction/resolve</c>.</summary>
    public const string CodeActionResolve = "codeAction/resolve";

    /// <summary><c>textDocument/definition</c>.</summary>
    public const string TextDocumentDefinition = "textDocument/definition";

    /// <summary><c>textDocument/references</c>.</summary>
    public const string TextDocumentReferences = "textDocument/references";

    /// <summary><c>textDocument/prepareRename</c>.</summary>
    public const string TextDocumentPrepareRename = "textDocument/prepareRename";

    /// <summary><c>textDocument/rename</c>.</summary>
    public const string TextDocumentRename = "textDocument/rename";

    /// <summary><c>textDocument/documentLink</c>.</summary>
    public const string TextDocumentDocumentLink = "textDocument/documentLink";

    /// <summary><c>textDocument/codeLens</c>.</summary>
    public const string TextDocumentCodeLens = "textDocument/codeLens";

    /// <summary><c>textDocument/inlayHint</c>.</summary>
    public const string TextDocumentInlayHint = "textDocument/inlayHint";

    /// <summary><c>workspace/symbol</c>.</summary>
    public const string WorkspaceSymbol = "workspace/symbol";

    /// <summary><c>workspace/executeCommand</c>.</summary>
    public const string WorkspaceExecuteCommand = "workspace/executeCommand";

    /// <summary><c>workspace/configuration</c>.</summary>
    public const string WorkspaceConfiguration = "workspace/configuration";

    /// <summary><c>workspace/didChangeConfiguration</c>.</summary>
    public const string WorkspaceDidChangeConfiguration = "workspace/didChangeConfiguration";

    /// <summary><c>workspace/didChangeWatchedFiles</c>.</summary>
    public const string WorkspaceDidChangeWatchedFiles = "workspace/didChangeWatchedFiles";

    /// <summary><c>workspace/didChangeWorkspaceFolders</c>.</summary>
    public const string WorkspaceDidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";

    /// <summary><c>workspace/applyEdit</c>.</summary>
    public const string WorkspaceApplyEdit = "workspace/applyEdit";

    /// <summary><c>workspace/diagnostic</c>.</summary>
    public const string WorkspaceDiagnostic = "workspace/diagnostic";

    /// <summary><c>workspace/diagnostic/refresh</c>.</summary>
    public const string WorkspaceDiagnosticRefresh = "workspace/diagnostic/refresh";

    /// <summary><c>window/logMessage</c>.</summary>
    public const string WindowLogMessage = "window/logMessage";

    /// <summary><c>window/showMessage</c>.</summary>
    public const string WindowShowMessage = "window/showMessage";

    /// <summary><c>window/showDocument</c>.</summary>
    public const string WindowShowDocument = "window/showDocument";

    /// <summary><c>window/workDoneProgress/create</c>.</summary>
    public const string WindowWorkDoneProgressCreate = "window/workDoneProgress/create";

    /// <summary><c>client/registerCapability</c>.</summary>
    public const string ClientRegisterCapability = "client/registerCapability";

    /// <summary><c>client/unregisterCapability</c>.</summary>
    public const string ClientUnregisterCapability = "client/unregisterCapability";

    /// <summary><c>textDocument/selectionRange</c>.</summary>
    public const string TextDocumentSelectionRange = "textDocument/selectionRange";

    /// <summary><c>textDocument/documentHighlight</c>.</summary>
    public const string TextDocumentDocumentHighlight = "textDocument/documentHighlight";

    /// <summary><c>textDocument/semanticTokens/full</c>.</summary>
    public const string TextDocumentSemanticTokensFull = "textDocument/semanticTokens/full";

    /// <summary><c>textDocument/semanticTokens/full/delta</c>.</summary>
    public const string TextDocumentSemanticTokensFullDelta = "textDocument/semanticTokens/full/delta";

    /// <summary><c>workspace/semanticTokens/refresh</c>.</summary>
    public const string WorkspaceSemanticTokensRefresh = "workspace/semanticTokens/refresh";

    /// <summary><c>workspace/willRenameFiles</c>.</summary>
    public const string WorkspaceWillRenameFiles = "workspace/willRenameFiles";

    /// <summary><c>workspace/didRenameFiles</c>.</summary>
    public const string WorkspaceDidRenameFiles = "workspace/didRenameFiles";
}
