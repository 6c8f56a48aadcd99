namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>textDocument/didOpen</c>.</summary>
public sealed record DidOpenTextDocumentParams
{
    /// <summary>The document opened.</summary>
    public required TextDocumentItem TextDocument { get; init; }
}

/// <summary>The params of <c>textDocument/didChange</c>.</summary>
public sealed record DidChangeTextDocumentParams
{
    /// <summary>The document and its version after the changes.</summary>
    public required VersionedTextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The changes, to apply in order.</summary>
    public required TextDocumentContentChangeEvent[] ContentChanges { get; init; }
}

/// <summary>One change: a range and its new text, or (without a range) the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent
{
    /// <summary>The range replaced, or null when <see cref="Text"/> is the whole document.</summary>
    public Range? Range { get; init; }

    /// <summary>Deprecated: the length of the range replaced.</summary>
    public int? RangeLength { get; init; }

    /// <summary>The new text of the range or document.</summary>
    public required string Text { get; init; }
}

/// <summary>The params of <c>textDocument/didClose</c>.</summary>
public sealed record DidCloseTextDocumentParams
{
    /// <summary>The document closed.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>The params of <c>textDocument/didSave</c>.</summary>
public sealed record DidSaveTextDocumentParams
{
    /// <summary>The document saved.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The saved text, when the server asked for it.</summary>
    public string? Text { get; init; }
}
