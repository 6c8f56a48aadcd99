using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>How a highlighted occurrence uses its symbol.</summary>
public enum HighlightKind
{
    /// <summary>A mention or a link to it.</summary>
    Read,

    /// <summary>Where it is defined: the ID's definition, the heading, the reference definition.</summary>
    Write,
}

/// <summary>One occurrence of the symbol under the caret in the same document.</summary>
/// <param name="Range">Its text.</param>
/// <param name="Kind">Definition or use.</param>
public sealed record ReferenceHighlight(TextRange Range, HighlightKind Kind);

/// <summary>
/// Document highlights: every occurrence, in this document, of the ID, heading, anchor link or reference label under the
/// caret. Only this document's own index is read, so the answer never waits for the workspace.
/// </summary>
public static class ReferenceHighlights
{
    /// <summary>The occurrences of what is at <paramref name="position"/>, in document order; empty on anything else.</summary>
    public static ImmutableArray<ReferenceHighlight> Find(DocumentView view, Position position)
    {
        ArgumentNullException.ThrowIfNull(view);
        var index = view.Index;
        var result = new List<ReferenceHighlight>();
        switch (ReferenceSymbol.Find(view, position))
        {
            case IdSymbol id:
                result.AddRange(index.IdDefinitions.Where(d => d.Id == id.Id).Select(d => new ReferenceHighlight(d.Range, HighlightKind.Write)));
                result.AddRange(index.IdMentions.Where(m => m.Id == id.Id).Select(m => new ReferenceHighlight(m.Range, HighlightKind.Read)));
                break;
            case HeadingSymbol heading:
                AddHeading(view, heading.Heading, result);
                break;
            case LinkSymbol { Link.Node.Kind: LinkKind.Reference } link:
                AddLabel(index, link.Link.Node.Label, result);
                break;
            case LinkSymbol link when HeadingHere(view, link.Link.Target) is { } target:
                AddHeading(view, target, result);
                break;
            case LinkSymbol link:
                result.AddRange(index.Links.Where(l => l.Target == link.Link.Target).Select(l => new ReferenceHighlight(l.Node.Range, HighlightKind.Read)));
                break;
            case ReferenceDefinitionSymbol definition:
                AddLabel(index, definition.Definition.Label, result);
                break;
        }

        return [.. result.Distinct().OrderBy(h => h.Range.Start)];
    }

    // The heading and every link here that leads to it (#anchor, or this file's own path with the anchor).
    private static void AddHeading(DocumentView view, HeadingEntry heading, List<ReferenceHighlight> result)
    {
        result.Add(new ReferenceHighlight(heading.TitleRange, HighlightKind.Write));
        foreach (var link in view.Index.Links)
        {
            if (HeadingHere(view, link.Target) is { } target && target.HeadingRange == heading.HeadingRange)
            {
                result.Add(new ReferenceHighlight(link.Node.Range, HighlightKind.Read));
            }
        }

        var definitions = view.Index.ReferenceDefinitions;
        var targets = view.Index.ReferenceDefinitionTargets;
        for (int i = 0; i < definitions.Length && i < targets.Length; i++)
        {
            if (HeadingHere(view, targets[i]) is { } target && target.HeadingRange == heading.HeadingRange)
            {
                result.Add(new ReferenceHighlight(definitions[i].Range, HighlightKind.Read));
            }
        }
    }

    private static void AddLabel(FileIndex index, string? label, List<ReferenceHighlight> result)
    {
        if (label is null)
        {
            return;
        }

        var key = FileIndex.NormalizeLabel(label);
        result.AddRange(index.ReferenceDefinitions.Where(d => FileIndex.NormalizeLabel(d.Label) == key).Select(d => new ReferenceHighlight(d.LabelRange, HighlightKind.Write)));
        result.AddRange(index.Links.Where(l => l.Node.Kind == LinkKind.Reference && l.Node.Label is { } used && FileIndex.NormalizeLabel(used) == key)
            .Select(l => new ReferenceHighlight(l.Node.Range, HighlightKind.Read)));
    }

    // The heading of this document a link target leads to, or null.
    private static HeadingEntry? HeadingHere(DocumentView view, LinkTarget target) =>
        target.Fragment is { Length: > 0 } fragment && (target.Kind == LinkTargetKind.SameDocument || (target.Kind == LinkTargetKind.File && view.IsSelf(target.Path)))
            ? view.Index.FindHeading(fragment)
            : null;
}
