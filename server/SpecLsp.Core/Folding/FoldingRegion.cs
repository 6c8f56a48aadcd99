namespace SpecLsp.Core.Folding;

/// <summary>What a folding region folds.</summary>
public enum FoldingRegionKind
{
    /// <summary>A section with its subsections.</summary>
    Section,

    /// <summary>A fenced or indented code block.</summary>
    CodeBlock,

    /// <summary>A table.</summary>
    Table,

    /// <summary>An HTML comment.</summary>
    Comment,

    /// <summary>The front matter.</summary>
    FrontMatter,

    /// <summary>A list item spanning several lines.</summary>
    ListItem,

    /// <summary>A block quote spanning several lines.</summary>
    BlockQuote,
}

/// <summary>A range of whole lines the editor can fold.</summary>
/// <param name="StartLine">The first line (stays visible).</param>
/// <param name="EndLine">The last line folded away.</param>
/// <param name="Kind">What it folds.</param>
public sealed record FoldingRegion(int StartLine, int EndLine, FoldingRegionKind Kind);
