namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>textDocument/selectionRange</c>.</summary>
public sealed record SelectionRangeParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The carets; the answer has one range chain for each, in the same order.</summary>
    public required Position[] Positions { get; init; }
}

/// <summary>A range and the larger one that holds it (smart selection's expand and shrink).</summary>
public sealed record SelectionRange
{
    /// <summary>The range.</summary>
    public required Range Range { get; init; }

    /// <summary>The next larger range, which holds <see cref="Range"/>; null at the outermost.</summary>
    public SelectionRange? Parent { get; init; }
}

/// <summary>The params of <c>textDocument/documentHighlight</c>.</summary>
public sealed record DocumentHighlightParams : TextDocumentPositionParams;

/// <summary>How a highlighted occurrence is used.</summary>
public enum DocumentHighlightKind
{
    /// <summary>A textual occurrence.</summary>
    Text = 1,

    /// <summary>A read: a mention, a link.</summary>
    Read = 2,

    /// <summary>A write: the definition.</summary>
    Write = 3,
}

/// <summary>One occurrence of the symbol under the caret.</summary>
public sealed record DocumentHighlight
{
    /// <summary>Its range.</summary>
    public required Range Range { get; init; }

    /// <summary>Its kind; Text when absent.</summary>
    public DocumentHighlightKind? Kind { get; init; }
}
