using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Model;

/// <summary>A heading and everything under it up to the next heading of the same or a higher level.</summary>
public sealed class Section
{
    /// <summary>1 to 6.</summary>
    public required int Level { get; init; }

    /// <summary>The heading's text as a reader sees it: inline markup removed, white space trimmed.</summary>
    public required string Title { get; init; }

    /// <summary>The heading's raw source text after its markers (<c>## </c>) and before any closing <c>#</c>s.</summary>
    public required string RawTitle { get; init; }

    /// <summary>The heading line (for setext headings, the text line and the underline).</summary>
    public required TextRange HeadingRange { get; init; }

    /// <summary>The heading's text, without its markers.</summary>
    public required TextRange TitleRange { get; init; }

    /// <summary>The whole section: the heading, its body and its subsections.</summary>
    public required TextRange Range { get; init; }

    /// <summary>The body before the first subsection (or to the end of the section), after the heading line.</summary>
    public required TextRange BodyRange { get; init; }

    /// <summary>True for a setext (underlined) heading.</summary>
    public bool IsSetext { get; init; }

    /// <summary>The GitHub heading anchor, with <c>-1</c>, <c>-2</c> for repeats within the document.</summary>
    public required string Anchor { get; init; }

    /// <summary>The heading's anchor before de-duplication (<see cref="HeadingAnchors.Slug"/> of its text).</summary>
    internal string Slug { get; init; } = string.Empty;

    /// <summary>Subsections in document order.</summary>
    public ImmutableArray<Section> Children { get; init; } = [];
}
