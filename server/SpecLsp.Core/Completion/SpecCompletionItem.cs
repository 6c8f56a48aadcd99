using SpecLsp.Core.Text;

namespace SpecLsp.Core.Completion;

/// <summary>A completion the editor shows; the server maps it to an LSP CompletionItem.</summary>
/// <param name="Label">What the list shows (<c>Security</c>, <c>FR3: [Requirement Name]</c>).</param>
/// <param name="Detail">A short note (<c>required section · template detailed</c>).</param>
/// <param name="SortText">The order within the list.</param>
/// <param name="FilterText">What the editor filters on: the heading as it will be written.</param>
/// <param name="SnippetText">The text to insert as a snippet, placeholders as tabstops.</param>
/// <param name="PlainText">The same text for clients without snippet support.</param>
/// <param name="ReplaceRange">The range the text replaces (the current line).</param>
/// <param name="Documentation">The template's guidance for the section, Markdown; may be empty.</param>
public sealed record SpecCompletionItem(string Label, string Detail, string SortText, string FilterText, string SnippetText, string PlainText, TextRange ReplaceRange, string Documentation)
{
    /// <summary>What the item completes; the server maps it to an LSP CompletionItemKind.</summary>
    public SpecCompletionKind Kind { get; init; }
}
