using SpecLsp.Core.Text;

namespace SpecLsp.Core.Completion;

/// <summary>What a completion completes; the server maps it to an LSP CompletionItemKind.</summary>
public enum SpecCompletionKind
{
    /// <summary>A section heading.</summary>
    Section,

    /// <summary>A metadata value such as a status.</summary>
    Value,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A metadata key.</summary>
    Key,
}

/// <summary>A completion the editor shows; the server maps it to an LSP CompletionItem.</summary>
/// <param name="Label">What the list shows.</param>
/// <param name="Detail">A short note.</param>
/// <param name="SortText">The order within the list.</param>
/// <param name="FilterText">What the editor filters on.</param>
/// <param name="SnippetText">The text to insert as a snippet, placeholders as tabstops.</param>
/// <param name="PlainText">The same text for clients without snippet support.</param>
/// <param name="ReplaceRange">The range the text replaces.</param>
/// <param name="Documentation">Markdown shown beside the item; may be empty.</param>
public sealed record SpecCompletionItem(string Label, string Detail, string SortText, string FilterText, string SnippetText, string PlainText, TextRange ReplaceRange, string Documentation)
{
    /// <summary>What the item completes.</summary>
    public SpecCompletionKind Kind { get; init; }
}
