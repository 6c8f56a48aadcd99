using System.Text.Json;

namespace SpecLsp.Protocol.Lsp;

/// <summary>How a completion was triggered.</summary>
public enum CompletionTriggerKind
{
    /// <summary>Typing an identifier or invoking completion.</summary>
    Invoked = 1,

    /// <summary>A trigger character.</summary>
    TriggerCharacter = 2,

    /// <summary>Re-triggered for an incomplete list.</summary>
    TriggerForIncompleteCompletions = 3,
}

/// <summary>The context of a completion request.</summary>
public sealed record CompletionContext
{
    /// <summary>How it was triggered.</summary>
    public required CompletionTriggerKind TriggerKind { get; init; }

    /// <summary>The trigger character, when there is one.</summary>
    public string? TriggerCharacter { get; init; }
}

/// <summary>The params of <c>textDocument/completion</c>.</summary>
public sealed record CompletionParams : TextDocumentPositionParams
{
    /// <summary>How it was triggered.</summary>
    public CompletionContext? Context { get; init; }
}

/// <summary>Completion item kinds.</summary>
public enum CompletionItemKind
{
    /// <summary>Text.</summary>
    Text = 1,

    /// <summary>Method.</summary>
    Method = 2,

    /// <summary>Function.</summary>
    Function = 3,

    /// <summary>Constructor.</summary>
    Constructor = 4,

    /// <summary>Field.</summary>
    Field = 5,

    /// <summary>Variable.</summary>
    Variable = 6,

    /// <summary>Class.</summary>
    Class = 7,

    /// <summary>Interface.</summary>
    Interface = 8,

    /// <summary>Module.</summary>
    Module = 9,

    /// <summary>Property.</summary>
    Property = 10,

    /// <summary>Unit.</summary>
    Unit = 11,

    /// <summary>Value.</summary>
    Value = 12,

    /// <summary>Enum.</summary>
    Enum = 13,

    /// <summary>Keyword.</summary>
    Keyword = 14,

    /// <summary>Snippet.</summary>
    Snippet = 15,

    /// <summary>Color.</summary>
    Color = 16,

    /// <summary>File.</summary>
    File = 17,

    /// <summary>Reference.</summary>
    Reference = 18,

    /// <summary>Folder.</summary>
    Folder = 19,

    /// <summary>Enum member.</summary>
    EnumMember = 20,

    /// <summary>Constant.</summary>
    Constant = 21,

    /// <summary>Struct.</summary>
    Struct = 22,

    /// <summary>Event.</summary>
    Event = 23,

    /// <summary>Operator.</summary>
    Operator = 24,

    /// <summary>Type parameter.</summary>
    TypeParameter = 25,
}

/// <summary>How insert text is read.</summary>
public enum InsertTextFormat
{
    /// <summary>As plain text.</summary>
    PlainText = 1,

    /// <summary>As a snippet with tab stops.</summary>
    Snippet = 2,
}

/// <summary>Extra label text of a completion item.</summary>
public sealed record CompletionItemLabelDetails
{
    /// <summary>Shown right after the label.</summary>
    public string? Detail { get; init; }

    /// <summary>Shown after the detail, less prominently.</summary>
    public string? Description { get; init; }
}

/// <summary>A completion proposal.</summary>
public sealed record CompletionItem
{
    /// <summary>The label shown and inserted by default.</summary>
    public required string Label { get; init; }

    /// <summary>Extra label text.</summary>
    public CompletionItemLabelDetails? LabelDetails { get; init; }

    /// <summary>The kind.</summary>
    public CompletionItemKind? Kind { get; init; }

    /// <summary>Detail text.</summary>
    public string? Detail { get; init; }

    /// <summary>Documentation.</summary>
    public MarkupContent? Documentation { get; init; }

    /// <summary>Select this item first.</summary>
    public bool? Preselect { get; init; }

    /// <summary>Sort key.</summary>
    public string? SortText { get; init; }

    /// <summary>Filter key.</summary>
    public string? FilterText { get; init; }

    /// <summary>Text inserted when there is no edit.</summary>
    public string? InsertText { get; init; }

    /// <summary>How the insert text is read.</summary>
    public InsertTextFormat? InsertTextFormat { get; init; }

    /// <summary>The edit applied.</summary>
    public TextEdit? TextEdit { get; init; }

    /// <summary>Other edits applied with it.</summary>
    public TextEdit[]? AdditionalTextEdits { get; init; }

    /// <summary>Characters that accept the item.</summary>
    public string[]? CommitCharacters { get; init; }

    /// <summary>A command run after insertion.</summary>
    public Command? Command { get; init; }

    /// <summary>Kept between the request and <c>completionItem/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>A list of completion items.</summary>
public sealed record CompletionList
{
    /// <summary>True when typing further should ask again.</summary>
    public required bool IsIncomplete { get; init; }

    /// <summary>The items.</summary>
    public required CompletionItem[] Items { get; init; }
}

/// <summary>Completion options.</summary>
public sealed record CompletionOptions
{
    /// <summary>Characters that trigger completion.</summary>
    public string[]? TriggerCharacters { get; init; }

    /// <summary>Whether items are resolved lazily.</summary>
    public bool? ResolveProvider { get; init; }
}
