using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Symbols;

/// <summary>What a symbol stands for.</summary>
public enum SpecSymbolKind
{
    /// <summary>The title (H1).</summary>
    Title,

    /// <summary>A section heading below the title.</summary>
    Section,

    /// <summary>A defined ID (FR1, US-1, …).</summary>
    Id,
}

/// <summary>One node of a document's outline.</summary>
/// <param name="Name">What the outline shows.</param>
/// <param name="Detail">Secondary text (an ID's title), or null.</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="Range">The whole extent (the section, or the ID's defining line).</param>
/// <param name="SelectionRange">What to select when it is picked (the heading's text, the ID).</param>
/// <param name="Children">Nested nodes.</param>
public sealed record SymbolNode(string Name, string? Detail, SpecSymbolKind Kind, TextRange Range, TextRange SelectionRange, ImmutableArray<SymbolNode> Children);

/// <summary>A symbol found by a workspace-wide search.</summary>
/// <param name="Name">The symbol's name.</param>
/// <param name="ContainerName">The enclosing section's title, or null.</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="DocumentUri">The document it is in.</param>
/// <param name="Range">Its selection range in that document.</param>
/// <param name="Score">How well it matched; higher is better.</param>
public sealed record WorkspaceSymbolMatch(string Name, string? ContainerName, SpecSymbolKind Kind, string DocumentUri, TextRange Range, int Score);
