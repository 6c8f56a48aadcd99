using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>initialize</c>.</summary>
public sealed record InitializeParams : WorkDoneProgressParams
{
    /// <summary>The client's process id; the server exits when that process dies. Null when not started by a process.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The client's name and version.</summary>
    public ClientInfo? ClientInfo { get; init; }

    /// <summary>The user-interface locale.</summary>
    public string? Locale { get; init; }

    /// <summary>Deprecated in favour of <see cref="WorkspaceFolders"/>.</summary>
    public string? RootUri { get; init; }

    /// <summary>Deprecated in favour of <see cref="RootUri"/>.</summary>
    public string? RootPath { get; init; }

    /// <summary>User-provided options.</summary>
    public JsonElement? InitializationOptions { get; init; }

    /// <summary>What the client supports.</summary>
    public ClientCapabilities Capabilities { get; init; } = new();

    /// <summary>The initial trace setting (<c>off</c>, <c>messages</c>, <c>verbose</c>).</summary>
    public string? Trace { get; init; }

    /// <summary>The workspace folders open at start-up.</summary>
    public WorkspaceFolder[]? WorkspaceFolders { get; init; }
}

/// <summary>A client's name and version.</summary>
public sealed record ClientInfo
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }
}

/// <summary>A server's name and version.</summary>
public sealed record ServerInfo
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }
}

/// <summary>A workspace folder.</summary>
public sealed record WorkspaceFolder
{
    /// <summary>The folder's URI.</summary>
    public required string Uri { get; init; }

    /// <summary>Its name in the user interface.</summary>
    public required string Name { get; init; }
}

/// <summary>The params of <c>initialized</c> (empty).</summary>
public sealed record InitializedParams;

/// <summary>The result of <c>initialize</c>.</summary>
public sealed record InitializeResult
{
    /// <summary>What the server provides.</summary>
    public required ServerCapabilities Capabilities { get; init; }

    /// <summary>The server's name and version.</summary>
    public ServerInfo? ServerInfo { get; init; }
}

/// <summary>How the client sends document changes.</summary>
public enum TextDocumentSyncKind
{
    /// <summary>Documents are not synced.</summary>
    None = 0,

    /// <summary>Every change sends the whole text.</summary>
    Full = 1,

    /// <summary>Changes send the edited ranges.</summary>
    Incremental = 2,
}

/// <summary>Options of <c>textDocument/didSave</c>.</summary>
public sealed record SaveOptions
{
    /// <summary>Whether the client sends the text on save.</summary>
    public bool? IncludeText { get; init; }
}

/// <summary>How documents are synced.</summary>
public sealed record TextDocumentSyncOptions
{
    /// <summary>Whether open and close notifications are sent.</summary>
    public bool? OpenClose { get; init; }

    /// <summary>How changes are sent.</summary>
    public TextDocumentSyncKind? Change { get; init; }

    /// <summary>Whether save notifications are sent.</summary>
    public SaveOptions? Save { get; init; }
}

/// <summary>The <c>textDocumentSync</c> capability: <c>TextDocumentSyncOptions | TextDocumentSyncKind</c>.</summary>
[JsonConverter(typeof(TextDocumentSyncConverter))]
public sealed record TextDocumentSync
{
    /// <summary>The options form, or null for the kind form.</summary>
    public TextDocumentSyncOptions? Options { get; init; }

    /// <summary>The number form, or null for the options form.</summary>
    public TextDocumentSyncKind? Kind { get; init; }

    /// <summary>Wraps options.</summary>
    public static implicit operator TextDocumentSync(TextDocumentSyncOptions options) => new() { Options = options };

    /// <summary>Wraps a kind.</summary>
    public static implicit operator TextDocumentSync(TextDocumentSyncKind kind) => new() { Kind = kind };
}

/// <summary>Reads and writes <see cref="TextDocumentSync"/> as a number or an object.</summary>
public sealed class TextDocumentSyncConverter : JsonConverter<TextDocumentSync>
{
    /// <inheritdoc />
    public override TextDocumentSync Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new TextDocumentSync { Kind = (TextDocumentSyncKind)reader.GetInt32() },
        JsonTokenType.StartObject => new TextDocumentSync { Options = JsonSerializer.Deserialize(ref reader, LspJsonContext.Default.TextDocumentSyncOptions) },
        _ => throw new JsonException("textDocumentSync must be a number or an object."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TextDocumentSync value, JsonSerializerOptions options)
    {
        if (value.Options is { } syncOptions)
        {
            JsonSerializer.Serialize(writer, syncOptions, LspJsonContext.Default.TextDocumentSyncOptions);
        }
        else
        {
            writer.WriteNumberValue((int)(value.Kind ?? TextDocumentSyncKind.None));
        }
    }
}

/// <summary>What the server provides; absent members are not provided.</summary>
public sealed record ServerCapabilities
{
    /// <summary>The position encoding chosen from the client's <c>general.positionEncodings</c>.</summary>
    public string? PositionEncoding { get; init; }

    /// <summary>How documents are synced.</summary>
    public TextDocumentSync? TextDocumentSync { get; init; }

    /// <summary>Completion support.</summary>
    public CompletionOptions? CompletionProvider { get; init; }

    /// <summary>Hover support.</summary>
    public bool? HoverProvider { get; init; }

    /// <summary>Go-to-definition support.</summary>
    public bool? DefinitionProvider { get; init; }

    /// <summary>Find-references support.</summary>
    public bool? ReferencesProvider { get; init; }

    /// <summary>Document symbol support.</summary>
    public bool? DocumentSymbolProvider { get; init; }

    /// <summary>Code action support.</summary>
    public CodeActionOptions? CodeActionProvider { get; init; }

    /// <summary>Code lens support.</summary>
    public CodeLensOptions? CodeLensProvider { get; init; }

    /// <summary>Document link support.</summary>
    public DocumentLinkOptions? DocumentLinkProvider { get; init; }

    /// <summary>Rename support.</summary>
    public RenameOptions? RenameProvider { get; init; }

    /// <summary>Folding range support.</summary>
    public bool? FoldingRangeProvider { get; init; }

    /// <summary>Commands the server executes.</summary>
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }

    /// <summary>Workspace symbol support.</summary>
    public bool? WorkspaceSymbolProvider { get; init; }

    /// <summary>Pull diagnostics support.</summary>
    public DiagnosticOptions? DiagnosticProvider { get; init; }

    /// <summary>Inlay hint support.</summary>
    public bool? InlayHintProvider { get; init; }

    /// <summary>Smart selection support.</summary>
    public bool? SelectionRangeProvider { get; init; }

    /// <summary>Document highlight support.</summary>
    public bool? DocumentHighlightProvider { get; init; }

    /// <summary>Semantic token support, with its legend.</summary>
    public SemanticTokensOptions? SemanticTokensProvider { get; init; }

    /// <summary>Workspace-specific server capabilities.</summary>
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

/// <summary>The <c>workspace</c> member of <see cref="ServerCapabilities"/>.</summary>
public sealed record WorkspaceServerCapabilities
{
    /// <summary>Workspace folder support.</summary>
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; init; }

    /// <summary>The file operations the server wants to hear about.</summary>
    public FileOperationOptions? FileOperations { get; init; }
}

/// <summary>Whether the server supports workspace folders and wants to hear when they change.</summary>
public sealed record WorkspaceFoldersServerCapabilities
{
    /// <summary>True when the server supports workspace folders.</summary>
    public bool? Supported { get; init; }

    /// <summary>
    /// <c>true</c> to receive <c>workspace/didChangeWorkspaceFolders</c> (registered statically), or a string: the id
    /// under which the server may unregister the notification later.
    /// </summary>
    public BooleanOrString? ChangeNotifications { get; init; }
}

/// <summary>What the client supports.</summary>
public sealed record ClientCapabilities
{
    /// <summary>Workspace capabilities.</summary>
    public WorkspaceClientCapabilities? Workspace { get; init; }

    /// <summary>Document capabilities.</summary>
    public TextDocumentClientCapabilities? TextDocument { get; init; }

    /// <summary>Window capabilities.</summary>
    public WindowClientCapabilities? Window { get; init; }

    /// <summary>General capabilities.</summary>
    public GeneralClientCapabilities? General { get; init; }

    /// <summary>Experimental capabilities.</summary>
    public JsonElement? Experimental { get; init; }
}

/// <summary>General client capabilities.</summary>
public sealed record GeneralClientCapabilities
{
    /// <summary>The position encodings the client supports, in order of preference.</summary>
    public string[]? PositionEncodings { get; init; }
}

/// <summary>Whether a feature can be registered dynamically.</summary>
public sealed record DynamicRegistrationCapability
{
    /// <summary>True when the client supports dynamic registration of the feature.</summary>
    public bool? DynamicRegistration { get; init; }
}

/// <summary>Workspace client capabilities.</summary>
public sealed record WorkspaceClientCapabilities
{
    /// <summary>Supports <c>workspace/applyEdit</c>.</summary>
    public bool? ApplyEdit { get; init; }

    /// <summary>Supports <c>workspace/configuration</c>.</summary>
    public bool? Configuration { get; init; }

    /// <summary>Supports workspace folders.</summary>
    public bool? WorkspaceFolders { get; init; }

    /// <summary><c>workspace/didChangeConfiguration</c> capabilities.</summary>
    public DynamicRegistrationCapability? DidChangeConfiguration { get; init; }

    /// <summary><c>workspace/didChangeWatchedFiles</c> capabilities.</summary>
    public DynamicRegistrationCapability? DidChangeWatchedFiles { get; init; }

    /// <summary><c>workspace/symbol</c> capabilities.</summary>
    public DynamicRegistrationCapability? Symbol { get; init; }

    /// <summary><c>workspace/executeCommand</c> capabilities.</summary>
    public DynamicRegistrationCapability? ExecuteCommand { get; init; }

    /// <summary>Workspace edit capabilities.</summary>
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }

    /// <summary>File operation capabilities.</summary>
    public FileOperationClientCapabilities? FileOperations { get; init; }

    /// <summary>Workspace diagnostic capabilities.</summary>
    public RefreshClientCapabilities? Diagnostics { get; init; }

    /// <summary>Code lens refresh capabilities.</summary>
    public RefreshClientCapabilities? CodeLens { get; init; }

    /// <summary>Inlay hint refresh capabilities.</summary>
    public RefreshClientCapabilities? InlayHint { get; init; }

    /// <summary>Semantic token refresh capabilities.</summary>
    public RefreshClientCapabilities? SemanticTokens { get; init; }
}

/// <summary>Whether the client supports a refresh request from the server.</summary>
public sealed record RefreshClientCapabilities
{
    /// <summary>True when the server may send the refresh request.</summary>
    public bool? RefreshSupport { get; init; }
}

/// <summary>Workspace edit capabilities.</summary>
public sealed record WorkspaceEditClientCapabilities
{
    /// <summary>Supports versioned document changes.</summary>
    public bool? DocumentChanges { get; init; }

    /// <summary>The resource operations the client applies in <c>documentChanges</c>: <c>create</c>, <c>rename</c>, <c>delete</c>.</summary>
    public string[]? ResourceOperations { get; init; }
}

/// <summary><c>textDocument/definition</c> client capabilities.</summary>
public sealed record DefinitionClientCapabilities
{
    /// <summary>True when the client supports dynamic registration of the feature.</summary>
    public bool? DynamicRegistration { get; init; }

    /// <summary>True when the client accepts <c>LocationLink[]</c> answers.</summary>
    public bool? LinkSupport { get; init; }
}

/// <summary>Window client capabilities.</summary>
public sealed record WindowClientCapabilities
{
    /// <summary>Supports server-initiated work-done progress.</summary>
    public bool? WorkDoneProgress { get; init; }

    /// <summary><c>window/showDocument</c> capabilities.</summary>
    public ShowDocumentClientCapabilities? ShowDocument { get; init; }
}

/// <summary><c>window/showDocument</c> client capabilities.</summary>
public sealed record ShowDocumentClientCapabilities
{
    /// <summary>True when the client supports the request.</summary>
    public bool Support { get; init; }
}

/// <summary>Document client capabilities.</summary>
public sealed record TextDocumentClientCapabilities
{
    /// <summary>Synchronisation capabilities.</summary>
    public TextDocumentSyncClientCapabilities? Synchronization { get; init; }

    /// <summary>Completion capabilities.</summary>
    public CompletionClientCapabilities? Completion { get; init; }

    /// <summary>Hover capabilities.</summary>
    public HoverClientCapabilities? Hover { get; init; }

    /// <summary>Document symbol capabilities.</summary>
    public DocumentSymbolClientCapabilities? DocumentSymbol { get; init; }

    /// <summary>Code action capabilities.</summary>
    public CodeActionClientCapabilities? CodeAction { get; init; }

    /// <summary>Rename capabilities.</summary>
    public RenameClientCapabilities? Rename { get; init; }

    /// <summary>Folding range capabilities.</summary>
    public FoldingRangeClientCapabilities? FoldingRange { get; init; }

    /// <summary>Pushed diagnostics capabilities.</summary>
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }

    /// <summary>Pull diagnostics capabilities; present when the client pulls.</summary>
    public DiagnosticClientCapabilities? Diagnostic { get; init; }

    /// <summary>Definition capabilities.</summary>
    public DefinitionClientCapabilities? Definition { get; init; }

    /// <summary>References capabilities.</summary>
    public DynamicRegistrationCapability? References { get; init; }

    /// <summary>Document link capabilities.</summary>
    public DynamicRegistrationCapability? DocumentLink { get; init; }

    /// <summary>Code lens capabilities.</summary>
    public DynamicRegistrationCapability? CodeLens { get; init; }

    /// <summary>Inlay hint capabilities.</summary>
    public DynamicRegistrationCapability? InlayHint { get; init; }

    /// <summary>Semantic token capabilities; present when the client colours by them.</summary>
    public SemanticTokensClientCapabilities? SemanticTokens { get; init; }
}

/// <summary>Synchronisation capabilities.</summary>
public sealed record TextDocumentSyncClientCapabilities
{
    /// <summary>Supports dynamic registration.</summary>
    public bool? DynamicRegistration { get; init; }

    /// <summary>Sends didSave.</summary>
    public bool? DidSave { get; init; }
}

/// <summary>Completion capabilities.</summary>
public sealed record CompletionClientCapabilities
{
    /// <summary>Completion item capabilities.</summary>
    public CompletionItemClientCapabilities? CompletionItem { get; init; }

    /// <summary>Supports a context with the completion request.</summary>
    public bool? ContextSupport { get; init; }
}

/// <summary>Completion item capabilities.</summary>
public sealed record CompletionItemClientCapabilities
{
    /// <summary>Supports snippets as insert text.</summary>
    public bool? SnippetSupport { get; init; }

    /// <summary>Documentation formats, in order of preference.</summary>
    public string[]? DocumentationFormat { get; init; }

    /// <summary>Supports <c>labelDetails</c>.</summary>
    public bool? LabelDetailsSupport { get; init; }
}

/// <summary>Hover capabilities.</summary>
public sealed record HoverClientCapabilities
{
    /// <summary>Content formats, in order of preference.</summary>
    public string[]? ContentFormat { get; init; }
}

/// <summary>Document symbol capabilities.</summary>
public sealed record DocumentSymbolClientCapabilities
{
    /// <summary>Supports hierarchical <see cref="DocumentSymbol"/> results.</summary>
    public bool? HierarchicalDocumentSymbolSupport { get; init; }
}

/// <summary>Code action capabilities.</summary>
public sealed record CodeActionClientCapabilities
{
    /// <summary>Supports code action literals (present when it does).</summary>
    public JsonElement? CodeActionLiteralSupport { get; init; }

    /// <summary>Supports <c>isPreferred</c>.</summary>
    public bool? IsPreferredSupport { get; init; }

    /// <summary>Preserves <c>data</c> between the request and resolve.</summary>
    public bool? DataSupport { get; init; }
}

/// <summary>Rename capabilities.</summary>
public sealed record RenameClientCapabilities
{
    /// <summary>Supports <c>textDocument/prepareRename</c>.</summary>
    public bool? PrepareSupport { get; init; }
}

/// <summary>Folding range capabilities.</summary>
public sealed record FoldingRangeClientCapabilities
{
    /// <summary>Ignores start and end characters.</summary>
    public bool? LineFoldingOnly { get; init; }

    /// <summary>The maximum number of ranges the client wants.</summary>
    public int? RangeLimit { get; init; }
}

/// <summary>Pushed diagnostics capabilities.</summary>
public sealed record PublishDiagnosticsClientCapabilities
{
    /// <summary>Accepts related information.</summary>
    public bool? RelatedInformation { get; init; }

    /// <summary>Interprets the version.</summary>
    public bool? VersionSupport { get; init; }

    /// <summary>Supports <c>codeDescription</c>.</summary>
    public bool? CodeDescriptionSupport { get; init; }

    /// <summary>Preserves <c>data</c> into code action requests.</summary>
    public bool? DataSupport { get; init; }
}

/// <summary>Pull diagnostics capabilities.</summary>
public sealed record DiagnosticClientCapabilities
{
    /// <summary>Supports dynamic registration.</summary>
    public bool? DynamicRegistration { get; init; }

    /// <summary>Supports related documents in reports.</summary>
    public bool? RelatedDocumentSupport { get; init; }

    /// <summary>Accepts related information (LSP 3.18).</summary>
    public bool? RelatedInformation { get; init; }
}
