using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Model;

/// <summary>The styles of metadata the templates use.</summary>
public enum MetadataStyle
{
    /// <summary><c>**Status:** Draft</c> on a line of its own.</summary>
    BoldLine,

    /// <summary><c>- **Spec ID**: SPEC-…</c> as a list item.</summary>
    ListItem,

    /// <summary><c>&gt; **Status**: Draft</c> in a block quote.</summary>
    BlockQuote,

    /// <summary><c>Created: 2026-01-05</c> as a plain line (footer style).</summary>
    PlainLine,

    /// <summary>A front-matter key.</summary>
    FrontMatter,
}

/// <summary>A metadata field such as Status or Created, with the ranges of its key and value.</summary>
/// <param name="Key">The key as written, without markup or colon (<c>Status</c>).</param>
/// <param name="Value">The value, trimmed (may be empty).</param>
/// <param name="KeyRange">The key's text.</param>
/// <param name="ValueRange">The value's text (empty range just after the key where the value is empty).</param>
/// <param name="LineRange">The whole line or front-matter entry.</param>
/// <param name="Style">How it is written.</param>
public sealed record MetadataField(string Key, string Value, TextRange KeyRange, TextRange ValueRange, TextRange LineRange, MetadataStyle Style);

/// <summary>The front-matter block between <c>---</c> lines.</summary>
/// <param name="Range">The whole block, fences included.</param>
/// <param name="Values">Top-level scalar keys and their values (non-scalars as their YAML text); empty when invalid.</param>
/// <param name="IsValid">False when the YAML could not be read or was refused by the guards.</param>
public sealed record FrontMatter(TextRange Range, IReadOnlyDictionary<string, string> Values, bool IsValid);

/// <summary>Where an ID is defined.</summary>
public enum IdDefinitionKind
{
    /// <summary><c>#### FR1: Name</c>.</summary>
    Heading,

    /// <summary><c>- **FR1:** …</c>.</summary>
    BoldLabel,

    /// <summary><c>- [ ] FR1: …</c>.</summary>
    TaskItem,

    /// <summary><c>| TS-1 | …</c>.</summary>
    TableCell,

    /// <summary>A metadata value (<c>**Spec ID**: SPEC-…</c>) or front-matter key.</summary>
    Metadata,
}

/// <summary>An ID defined in the document.</summary>
/// <param name="Id">The ID (<c>FR1</c>, <c>US-1</c>, <c>SPEC-2026-01-05-001</c>).</param>
/// <param name="Range">The ID's own text.</param>
/// <param name="Kind">Where it is defined.</param>
/// <param name="Title">The text that names it (after the colon, or the rest of the row), trimmed; may be empty.</param>
/// <param name="LineRange">The whole defining line or cell row.</param>
public sealed record IdDefinition(string Id, TextRange Range, IdDefinitionKind Kind, string Title, TextRange LineRange)
{
    /// <summary>The part before the number (<c>FR</c>, <c>US-</c>, <c>SPEC-</c>).</summary>
    public string Prefix => IdSyntax.GetPrefix(Id);
}

/// <summary>An ID mentioned in prose.</summary>
/// <param name="Id">The ID.</param>
/// <param name="Range">Its text.</param>
public sealed record IdMention(string Id, TextRange Range);

/// <summary>The kinds of link.</summary>
public enum LinkKind
{
    /// <summary><c>[text](url)</c>.</summary>
    Inline,

    /// <summary><c>[text][label]</c>, <c>[label][]</c> or <c>[label]</c> with a definition.</summary>
    Reference,

    /// <summary><c>&lt;https://…&gt;</c>.</summary>
    Autolink,
}

/// <summary>A link in the text.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Text">The link text as a reader sees it.</param>
/// <param name="Destination">The raw destination as written (not decoded); null for a reference link.</param>
/// <param name="Label">The reference label for reference links, else null.</param>
/// <param name="Range">The whole link.</param>
/// <param name="TargetRange">The destination's text (or the label's, for reference links).</param>
/// <param name="IsImage">True for <c>![alt](src)</c>.</param>
public sealed record LinkNode(LinkKind Kind, string Text, string? Destination, string? Label, TextRange Range, TextRange TargetRange, bool IsImage)
{
    /// <summary>
    /// True for a full or collapsed reference (<c>[text][label]</c>, <c>[label][]</c>) whose label has no definition.
    /// Markdown renders those as plain text; the parser still reports them so that a missing definition can be
    /// diagnosed. A shortcut <c>[label]</c> without a definition is ordinary text (template placeholders look so)
    /// and is never a link.
    /// </summary>
    public bool IsUndefined { get; init; }
}

/// <summary>A link reference definition <c>[label]: destination</c>.</summary>
/// <param name="Label">The label as written.</param>
/// <param name="Destination">The destination as written.</param>
/// <param name="Range">The whole definition.</param>
/// <param name="LabelRange">The label's text.</param>
/// <param name="DestinationRange">The destination's text.</param>
public sealed record LinkReferenceDefinition(string Label, string Destination, TextRange Range, TextRange LabelRange, TextRange DestinationRange);

/// <summary>A task list item.</summary>
/// <param name="IsChecked">True for <c>[x]</c>.</param>
/// <param name="Text">The item's first line of text after the box, trimmed.</param>
/// <param name="Range">The whole item.</param>
/// <param name="CheckboxRange">The <c>[ ]</c> itself.</param>
public sealed record TaskItem(bool IsChecked, string Text, TextRange Range, TextRange CheckboxRange);

/// <summary>A fenced or indented code block.</summary>
/// <param name="Info">The fence's info string (language), or null.</param>
/// <param name="Range">The whole block, fences included.</param>
/// <param name="Content">The code inside, lines joined with LF.</param>
/// <param name="IsFenced">True for a fenced block.</param>
public sealed record CodeBlockNode(string? Info, TextRange Range, string Content, bool IsFenced);

/// <summary>An HTML comment.</summary>
/// <param name="Content">The text between <c>&lt;!--</c> and <c>--&gt;</c>, trimmed.</param>
/// <param name="Range">The whole comment.</param>
public sealed record HtmlCommentNode(string Content, TextRange Range);

/// <summary>An explicit anchor written in HTML.</summary>
/// <param name="Name">The id or name.</param>
/// <param name="Range">The attribute value's text.</param>
public sealed record ExplicitAnchor(string Name, TextRange Range);

/// <summary>The kinds of <see cref="BlockSpan"/>.</summary>
public enum BlockKind
{
    /// <summary>A pipe table.</summary>
    Table,

    /// <summary>A list item.</summary>
    ListItem,

    /// <summary>A block quote.</summary>
    BlockQuote,

    /// <summary>An HTML block.</summary>
    HtmlBlock,

    /// <summary>A paragraph.</summary>
    Paragraph,

    /// <summary>A whole list: its items, bulleted or numbered, as one block (each item is a <see cref="ListItem"/> too).</summary>
    List,
}

/// <summary>A block's kind and range.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Range">Where it is.</param>
public sealed record BlockSpan(BlockKind Kind, TextRange Range);

/// <summary>A list item: where it is, its marker, and whether it has any content.</summary>
/// <param name="Range">The whole item, nested content included, without the blank lines after it.</param>
/// <param name="MarkerRange">Its marker: <c>-</c>, <c>*</c>, <c>+</c>, or a number with <c>.</c> or <c>)</c>.</param>
/// <param name="IsEmpty">True when there is nothing after the marker (<c>3.</c> alone).</param>
public sealed record ListItemNode(TextRange Range, TextRange MarkerRange, bool IsEmpty);

/// <summary>A row of a pipe table.</summary>
/// <param name="Range">The row's line, without the indentation before it and the white space after it.</param>
/// <param name="IsHeader">True for the header row (the delimiter row under it is no row).</param>
/// <param name="TableRange">The table it belongs to.</param>
public sealed record TableRowNode(TextRange Range, bool IsHeader, TextRange TableRange)
{
    /// <summary>The text of each cell that has any, trimmed, in column order; empty cells are left out.</summary>
    public ImmutableArray<TextRange> Cells { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(TableRowNode? other) =>
        other is not null && Range == other.Range && IsHeader == other.IsHeader && TableRange == other.TableRange && Cells.SequenceEqual(other.Cells);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Range, IsHeader, TableRange, Cells.Length);
}

/// <summary>A bold label opening a line of a paragraph, as <see cref="Parsing.BoldLabel"/> recognises it.</summary>
/// <param name="LabelRange">The whole label with its asterisks and colon.</param>
/// <param name="KeyRange">The key, without markup, colon or the white space before the colon.</param>
/// <param name="OpensItem">True when the line is the first of a list item (<c>- **Priority**: High</c>).</param>
/// <param name="ColonInside">True for <c>**Key:**</c>, false for <c>**Key**:</c>.</param>
public sealed record BoldLabelNode(TextRange LabelRange, TextRange KeyRange, bool OpensItem, bool ColonInside);
