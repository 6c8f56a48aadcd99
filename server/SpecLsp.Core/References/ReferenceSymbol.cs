using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>What the caret is on, as far as references go.</summary>
/// <param name="Range">The text of the thing under the caret.</param>
public abstract record ReferenceSymbol(TextRange Range)
{
    /// <summary>Finds what is at <paramref name="position"/>: an ID, a link, a reference definition or a heading; null otherwise.</summary>
    public static ReferenceSymbol? Find(DocumentView view, Position position)
    {
        ArgumentNullException.ThrowIfNull(view);
        var index = view.Index;
        foreach (var mention in index.IdMentions)
        {
            if (mention.Range.Contains(position))
            {
                return new IdSymbol(mention.Id, mention.Range, null);
            }
        }

        foreach (var definition in index.IdDefinitions)
        {
            if (definition.Range.Contains(position))
            {
                return new IdSymbol(definition.Id, definition.Range, definition);
            }
        }

        IndexedLink? innermost = null;
        foreach (var link in index.Links)
        {
            if (link.Node.Range.Contains(position) && (innermost is null || innermost.Node.Range.Contains(link.Node.Range)))
            {
                innermost = link;
            }
        }

        if (innermost is not null)
        {
            return new LinkSymbol(innermost, innermost.Node.Range);
        }

        foreach (var definition in index.ReferenceDefinitions)
        {
            if (definition.Range.Contains(position))
            {
                return new ReferenceDefinitionSymbol(definition, LinkTarget.Resolve(definition.Destination, view.Path, view.Workspace.Roots), definition.Range);
            }
        }

        foreach (var heading in index.Headings)
        {
            if (heading.HeadingRange.Contains(position))
            {
                return new HeadingSymbol(heading, heading.TitleRange);
            }
        }

        return null;
    }
}

/// <summary>An ID mention or definition.</summary>
/// <param name="Id">The ID.</param>
/// <param name="Range">Its text.</param>
/// <param name="Definition">The definition when the caret is on one, else null.</param>
public sealed record IdSymbol(string Id, TextRange Range, IdDefinition? Definition) : ReferenceSymbol(Range);

/// <summary>A link.</summary>
/// <param name="Link">The link.</param>
/// <param name="Range">The whole link.</param>
public sealed record LinkSymbol(IndexedLink Link, TextRange Range) : ReferenceSymbol(Range);

/// <summary>A link reference definition.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="Target">Where its destination leads.</param>
/// <param name="Range">The whole definition.</param>
public sealed record ReferenceDefinitionSymbol(LinkReferenceDefinition Definition, LinkTarget Target, TextRange Range) : ReferenceSymbol(Range);

/// <summary>A heading.</summary>
/// <param name="Heading">The heading.</param>
/// <param name="Range">Its text.</param>
public sealed record HeadingSymbol(HeadingEntry Heading, TextRange Range) : ReferenceSymbol(Range);
