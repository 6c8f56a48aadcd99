using System.Text.Json;

namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>textDocument/definition</c>.</summary>
public sealed record DefinitionParams : TextDocumentPositionParams;

/// <summary>Whether references include the declaration.</summary>
public sealed record ReferenceContext
{
    /// <summary>Include the declaration itself.</summary>
    public required bool IncludeDeclaration { get; init; }
}

/// <summary>The params of <c>textDocument/references</c>.</summary>
public sealed record ReferenceParams : TextDocumentPositionParams
{
    /// <summary>The context.</summary>
    public required ReferenceContext Context { get; init; }
}

/// <summary>The params of <c>textDocument/prepareRename</c>.</summary>
public sealed record PrepareRenameParams : TextDocumentPositionParams;

/// <summary>The result of <c>textDocument/prepareRename</c> in its <c>{ range, placeholder }</c> form.</summary>
public sealed record PrepareRenameResult
{
    /// <summary>The range renamed.</summary>
    public required Range Range { get; init; }

    /// <summary>The text offered for editing.</summary>
    public required string Placeholder { get; init; }
}

/// <summary>The params of <c>textDocument/rename</c>.</summary>
public sealed record RenameParams : TextDocumentPositionParams
{
    /// <summary>The new name.</summary>
    public required string NewName { get; init; }
}

/// <summary>Rename options.</summary>
public sealed record RenameOptions
{
    /// <summary>Whether prepareRename is supported.</summary>
    public bool? PrepareProvider { get; init; }
}

/// <summary>The params of <c>textDocument/documentLink</c>.</summary>
public sealed record DocumentLinkParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>A link in a document.</summary>
public sealed record DocumentLink
{
    /// <summary>The link's range.</summary>
    public required Range Range { get; init; }

    /// <summary>The target URI; may be resolved later.</summary>
    public string? Target { get; init; }

    /// <summary>The tooltip.</summary>
    public string? Tooltip { get; init; }

    /// <summary>Kept between the request and <c>documentLink/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>Document link options.</summary>
public sealed record DocumentLinkOptions
{
    /// <summary>Whether links are resolved lazily.</summary>
    public bool? ResolveProvider { get; init; }
}

/// <summary>The params of <c>textDocument/codeLens</c>.</summary>
public sealed record CodeLensParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>A command shown above a line.</summary>
public sealed record CodeLens
{
    /// <summary>The range it belongs to.</summary>
    public required Range Range { get; init; }

    /// <summary>The command; may be resolved later.</summary>
    public Command? Command { get; init; }

    /// <summary>Kept between the request and <c>codeLens/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>Code lens options.</summary>
public sealed record CodeLensOptions
{
    /// <summary>Whether lenses are resolved lazily.</summary>
    public bool? ResolveProvider { get; init; }
}

/// <summary>Inlay hint kinds.</summary>
public enum InlayHintKind
{
    /// <summary>A type annotation.</summary>
    Type = 1,

    /// <summary>A parameter name.</summary>
    Parameter = 2,
}

/// <summary>The params of <c>textDocument/inlayHint</c>.</summary>
public sealed record InlayHintParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The visible range.</summary>
    public required Range Range { get; init; }
}

/// <summary>Text shown inline.</summary>
public sealed record InlayHint
{
    /// <summary>Where it is shown.</summary>
    public required Position Position { get; init; }

    /// <summary>The label (the string form of <c>string | InlayHintLabelPart[]</c>).</summary>
    public required string Label { get; init; }

    /// <summary>The kind.</summary>
    public InlayHintKind? Kind { get; init; }

    /// <summary>The tooltip.</summary>
    public string? Tooltip { get; init; }

    /// <summary>Padding before the hint.</summary>
    public bool? PaddingLeft { get; init; }

    /// <summary>Padding after the hint.</summary>
    public bool? PaddingRight { get; init; }
}
