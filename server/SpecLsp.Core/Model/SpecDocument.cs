using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Model;

/// <summary>
/// One parsed spec: an immutable value built by <see cref="Parsing.SpecParser"/> from a <see cref="SourceText"/>.
/// An edit produces a new document; nothing here is mutated after construction.
/// </summary>
public sealed class SpecDocument
{
    /// <summary>The text this model was parsed from.</summary>
    public required SourceText Source { get; init; }

    /// <summary>The YAML front matter, if the document starts with one.</summary>
    public FrontMatter? FrontMatter { get; init; }

    /// <summary>The title: the first H1, or null.</summary>
    public Section? Title { get; init; }

    /// <summary>The top level of the section tree, in document order.</summary>
    public ImmutableArray<Section> Sections { get; init; } = [];

    /// <summary>Every section, pre-order (document order).</summary>
    public ImmutableArray<Section> AllSections { get; init; } = [];

    /// <summary>Metadata fields in every style the templates use, front-matter keys included, in document order.</summary>
    public ImmutableArray<MetadataField> Metadata { get; init; } = [];

    /// <summary>IDs defined here (FR1, US-1, SPEC-2026-01-05-001, …).</summary>
    public ImmutableArray<IdDefinition> IdDefinitions { get; init; } = [];

    /// <summary>IDs mentioned in prose outside their definitions and outside code.</summary>
    public ImmutableArray<IdMention> IdMentions { get; init; } = [];

    /// <summary>Inline, reference and autolinks (images included, flagged).</summary>
    public ImmutableArray<LinkNode> Links { get; init; } = [];

    /// <summary>Link reference definitions (<c>[label]: url</c>).</summary>
    public ImmutableArray<LinkReferenceDefinition> ReferenceDefinitions { get; init; } = [];

    /// <summary>Task list items (<c>- [ ]</c>, <c>- [x]</c>).</summary>
    public ImmutableArray<TaskItem> TaskItems { get; init; } = [];

    /// <summary>Fenced and indented code blocks.</summary>
    public ImmutableArray<CodeBlockNode> CodeBlocks { get; init; } = [];

    /// <summary>Inline code spans (<c>`…`</c>), whose text is never prose.</summary>
    public ImmutableArray<TextRange> CodeSpans { get; init; } = [];

    /// <summary>HTML comments, block or inline.</summary>
    public ImmutableArray<HtmlCommentNode> HtmlComments { get; init; } = [];

    /// <summary>Explicit HTML anchors (<c>&lt;a id="…"&gt;</c>, <c>&lt;a name="…"&gt;</c>).</summary>
    public ImmutableArray<ExplicitAnchor> ExplicitAnchors { get; init; } = [];

    /// <summary>Other blocks that matter to features: tables, list items, block quotes.</summary>
    public ImmutableArray<BlockSpan> Blocks { get; init; } = [];

    /// <summary>List items, nested ones included, in document order.</summary>
    public ImmutableArray<ListItemNode> ListItems { get; init; } = [];

    /// <summary>The rows of pipe tables, header rows included, in document order.</summary>
    public ImmutableArray<TableRowNode> TableRows { get; init; } = [];

    /// <summary>
    /// The bold labels (<c>**Key:**</c>, <c>**Key**:</c>) that open a line of a paragraph, in document order: metadata
    /// fields and the labelled lines the analyzers read (<see cref="Metadata.LabeledLine"/>) are both among them.
    /// </summary>
    public ImmutableArray<BoldLabelNode> BoldLabels { get; init; } = [];

    /// <summary>Problems found while parsing (such as invalid front matter).</summary>
    public ImmutableArray<SpecDiagnostic> ParseDiagnostics { get; init; } = [];

    /// <summary>
    /// What <see cref="Parsing.PathologicalInputGuard"/> measured of the text's link destinations, which the next
    /// version's reparse needs; null when the guard had to change the text (or the parser failed), so that the next
    /// version is parsed whole.
    /// </summary>
    internal long? DestinationScanCost { get; init; }

    /// <summary>The prefixes of <see cref="IdDefinitions"/> (an ID-shaped word is a mention only with one of them), kept for the next reparse.</summary>
    internal IReadOnlySet<string> IdPrefixes { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The deepest section whose range holds <paramref name="position"/>, or null before the first heading.</summary>
    public Section? FindSection(Position position)
    {
        var path = FindSectionPath(position);
        return path.IsEmpty ? null : path[^1];
    }

    /// <summary>The chain of sections from the top level down to the deepest one that holds <paramref name="position"/>.</summary>
    public ImmutableArray<Section> FindSectionPath(Position position)
    {
        var path = ImmutableArray.CreateBuilder<Section>();
        var level = Sections;
        while (true)
        {
            Section? next = null;
            foreach (var section in level)
            {
                if (section.Range.Start <= position && (position < section.Range.End || (position == section.Range.End && section.Range.End == Source.FullRange.End)))
                {
                    next = section;
                    break;
                }
            }

            if (next is null)
            {
                return path.ToImmutable();
            }

            path.Add(next);
            level = next.Children;
        }
    }
}
