using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

/// <summary>The kinds of unfilled template text.</summary>
public enum PlaceholderKind
{
    /// <summary>A bracketed description: <c>[Feature Name]</c>, <c>[user type]</c>, <c>[X days/weeks]</c>.</summary>
    Text,

    /// <summary>A date mask: <c>[YYYY-MM-DD]</c>, <c>[Date]</c>, a bare <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>Every option still there: <c>[Draft | In Review]</c>, <c>📋 Planned | 🚧 In Progress | ✅ Implemented</c>, <c>Low/Medium/High</c>.</summary>
    OptionList,

    /// <summary>A template token: <c>[X]</c>, <c>X.Y.Z</c>, <c>[NUMBER]</c>, <c>TBD</c>, <c>TODO</c>.</summary>
    Token,

    /// <summary><c>[NEEDS CLARIFICATION: …]</c>.</summary>
    NeedsClarification,

    /// <summary>A list item with no text (<c>3.</c>).</summary>
    EmptyListItem,

    /// <summary>A list item that is a label with no value (<c>- **Accessibility**:</c>).</summary>
    EmptyLabel,

    /// <summary>A table row whose cells are all empty.</summary>
    EmptyTableRow,
}

/// <summary>One unfilled placeholder.</summary>
/// <param name="Range">Its text (for empty fill-ins, the list marker, the label or the row).</param>
/// <param name="Kind">What kind of placeholder it is.</param>
/// <param name="Text">Its text as written.</param>
public sealed record Placeholder(TextRange Range, PlaceholderKind Kind, string Text)
{
    /// <summary>For <see cref="PlaceholderKind.OptionList"/>, the options as written (emoji kept).</summary>
    public ImmutableArray<string> Options { get; init; } = [];

    /// <summary>The label for <see cref="PlaceholderKind.EmptyLabel"/>, or the metadata key the placeholder is the value of; else null.</summary>
    public string? Key { get; init; }
}
