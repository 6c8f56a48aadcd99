namespace SpecLsp.Protocol.Lsp;

/// <summary>The params of <c>textDocument/foldingRange</c>.</summary>
public sealed record FoldingRangeParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>The predefined folding range kinds.</summary>
public static class FoldingRangeKind
{
    /// <summary>A comment.</summary>
    public const string Comment = "comment";

    /// <summary>Imports.</summary>
    public const string Imports = "imports";

    /// <summary>A region.</summary>
    public const string Region = "region";
}

/// <summary>A range of lines that can be folded.</summary>
public sealed record FoldingRange
{
    /// <summary>The first line, which stays visible.</summary>
    public required int StartLine { get; init; }

    /// <summary>The character on the first line where folding starts.</summary>
    public int? StartCharacter { get; init; }

    /// <summary>The last line folded.</summary>
    public required int EndLine { get; init; }

    /// <summary>The character on the last line where folding ends.</summary>
    public int? EndCharacter { get; init; }

    /// <summary>One of <see cref="FoldingRangeKind"/>, or null.</summary>
    public string? Kind { get; init; }

    /// <summary>Text shown in place of the folded lines.</summary>
    public string? CollapsedText { get; init; }
}
