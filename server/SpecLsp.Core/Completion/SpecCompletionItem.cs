using SpecLsp.Core.Text;

namespace SpecLsp.Core.Completion;

/// <summary>What a completion item completes; the server maps it to an LSP CompletionItemKind.</summary>
public enum SpecCompletionKind
{
    /// <summary>A metadata value such as a status.</summary>
    Value,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A metadata key.</summary>
    Key,

    /// <summary>A section heading.</summary>
    Section,
}

/// <summary>One completion proposal.</summary>
/// <param name="Label">Shown in the list.</param>
/// <param name="ReplaceRange">The text the proposal replaces (it starts at or before the caret and holds it).</param>
/// <param name="InsertText">The text inserted; a snippet when <see cref="IsSnippet"/>.</param>
/// <param name="Kind">What it completes.</param>
public sealed record SpecCompletionItem(string Label, TextRange ReplaceRange, string InsertText, SpecCompletionKind Kind)
{
    /// <summary>A short note shown beside the label, or null.</summary>
    public string? Detail { get; init; }

    /// <summary>Orders proposals; null sorts by label.</summary>
    public string? SortText { get; init; }

    /// <summary>The text the client filters on, or null for the label.</summary>
    public string? FilterText { get; init; }

    /// <summary>True when <see cref="InsertText"/> uses snippet syntax (<c>${1:Name}</c>).</summary>
    public bool IsSnippet { get; init; }
}
