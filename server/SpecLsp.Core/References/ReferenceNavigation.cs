using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>Go to definition, find references and document links.</summary>
public static class ReferenceNavigation
{
    /// <summary>
    /// Where the thing at <paramref name="position"/> is defined: an ID's definition, a link's target heading or file,
    /// a reference link's definition. Empty when there is nothing to go to.
    /// </summary>
    public static ImmutableArray<SourceLocation> FindDefinition(DocumentView view, Position position)
    {
        ArgumentNullException.ThrowIfNull(view);
        switch (ReferenceSymbol.Find(view, position))
        {
            case IdSymbol id:
                return [.. view.FindIdDefinitions(id.Id).OrderBy(d => KindRank(d.Definition.Kind)).Select(d => new SourceLocation(d.Path, d.Definition.Range))];
            case LinkSymbol { Link.Node.Kind: LinkKind.Reference } link when view.Path is not null && view.Index.FindReferenceDefinition(link.Link.Node.Label) is { } definition:
                return [new SourceLocation(view.Path, definition.Range)];
            case LinkSymbol link:
                return TargetLocation(view, link.Link.Target);
            case ReferenceDefinitionSymbol definition:
                return TargetLocation(view, definition.Target);
            default:
                return [];
        }
    }

    /// <summary>
    /// Every place that refers to the thing at <paramref name="position"/>: an ID's mentions (and definitions when
    /// <paramref name="includeDeclaration"/>); a heading's incoming links (for the title, links to the file too);
    /// for a link, every link to the same file or heading.
    /// </summary>
    public static ImmutableArray<SourceLocation> FindReferences(DocumentView view, Position position, bool includeDeclaration)
    {
        ArgumentNullException.ThrowIfNull(view);
        var result = new List<SourceLocation>();
        switch (ReferenceSymbol.Find(view, position))
        {
            case IdSymbol id:
                if (includeDeclaration)
                {
                    result.AddRange(view.FindIdDefinitions(id.Id).Select(d => new SourceLocation(d.Path, d.Definition.Range)));
                }

                result.AddRange(view.FindIdMentions(id.Id).Select(m => new SourceLocation(m.Path, m.Mention.Range)));
                break;
            case HeadingSymbol heading when view.Path is not null:
                if (includeDeclaration)
                {
                    result.Add(new SourceLocation(view.Path, heading.Heading.TitleRange));
                }

                var incoming = view.FindLinksTo(view.Path, heading.Heading.Anchor).AsEnumerable();
                result.AddRange(view.FindDefinitionsTo(view.Path, heading.Heading.Anchor).Select(d => d.Location));
                if (heading.Heading.Level == 1 && view.Document.Title?.HeadingRange == heading.Heading.HeadingRange)
                {
                    incoming = incoming.Concat(view.FindLinksTo(view.Path).Where(l => l.Link.Target.Fragment is null));
                    result.AddRange(view.FindDefinitionsTo(view.Path).Where(d => d.Target.Fragment is null).Select(d => d.Location));
                }

                result.AddRange(incoming.Select(l => new SourceLocation(l.Path, l.Link.Node.Range)));
                break;
            case LinkSymbol link:
                result.AddRange(LinksToSameTarget(view, link.Link.Target, includeDeclaration));
                break;
            case ReferenceDefinitionSymbol definition:
                result.AddRange(LinksToSameTarget(view, definition.Target, includeDeclaration));
                break;
        }

        return [.. result.Distinct().OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Range.Start)];
    }

    /// <summary>The followable links of the document: relative links to files and headings that exist in the workspace.</summary>
    public static ImmutableArray<DocumentLinkEntry> FindDocumentLinks(DocumentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var result = ImmutableArray.CreateBuilder<DocumentLinkEntry>();
        var targets = view.Index.Links.Where(l => l.Node.Kind != LinkKind.Reference).Select(l => (l.Node.TargetRange, l.Target))
            .Concat(view.Index.ReferenceDefinitions.Select(d => (d.DestinationRange, LinkTarget.Resolve(d.Destination, view.Path, view.Workspace.Roots))));
        foreach (var (range, target) in targets)
        {
            if (target.Kind == LinkTargetKind.SameDocument && view.Path is not null && target.Fragment is { } fragment && FindAnchorLine(view.Index, fragment) is { } line)
            {
                result.Add(new DocumentLinkEntry(range, view.Path, line));
            }
            else if (target.Kind == LinkTargetKind.File && view.Workspace.GetPathState(target.Path!) is PathState.File or PathState.Directory)
            {
                int? targetLine = target.Fragment is { } f && view.GetTargetFile(target) is { } file ? FindAnchorLine(file, f) : null;
                result.Add(new DocumentLinkEntry(range, target.Path!, targetLine));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<SourceLocation> TargetLocation(DocumentView view, LinkTarget target)
    {
        // page.html leads to its Markdown source page.md.
        if (target.Kind == LinkTargetKind.File && view.Workspace.GetPathState(target.Path!) == PathState.Missing
            && LinkAnalyzer.FindSourceFile(view.Workspace, target.Path!) is { } source)
        {
            target = target with { Path = source };
        }

        if (target.Kind == LinkTargetKind.File && view.Workspace.GetPathState(target.Path!) != PathState.File)
        {
            return [];
        }

        if (target.Kind is not (LinkTargetKind.File or LinkTargetKind.SameDocument) || (target.Kind == LinkTargetKind.SameDocument && view.Path is null))
        {
            return [];
        }

        var path = target.Kind == LinkTargetKind.File ? target.Path! : view.Path!;
        if (target.Fragment is { Length: > 0 } fragment)
        {
            var file = view.GetTargetFile(target);
            if (file?.FindHeading(fragment) is { } heading)
            {
                return [new SourceLocation(path, heading.HeadingRange)];
            }

            if (file?.FindExplicitAnchor(fragment) is { } anchor)
            {
                return [new SourceLocation(path, anchor.Range)];
            }

            if (target.Kind == LinkTargetKind.SameDocument)
            {
                return [];
            }
        }

        return target.Kind == LinkTargetKind.File ? [new SourceLocation(path, default)] : [];
    }

    // Every link and reference definition to the target; with includeDeclaration also the target itself: the heading's
    // title (or the explicit anchor) for a fragment, the file's title heading for a link to the file.
    private static IEnumerable<SourceLocation> LinksToSameTarget(DocumentView view, LinkTarget target, bool includeDeclaration)
    {
        var path = target.Kind switch
        {
            LinkTargetKind.File => target.Path,
            LinkTargetKind.SameDocument => view.Path,
            _ => null,
        };
        if (path is null)
        {
            return [];
        }

        var anchor = target.Fragment is { Length: > 0 } f ? f : null;
        var result = view.FindLinksTo(path, anchor).Select(l => new SourceLocation(l.Path, l.Link.Node.Range)).Concat(view.FindDefinitionsTo(path, anchor).Select(d => d.Location));
        if (includeDeclaration && view.GetFile(path) is { UnreadableReason: null } file)
        {
            if (anchor is null)
            {
                if (file.Headings.FirstOrDefault(h => h.Level == 1) is { Title: not null } title && file.Title is not null)
                {
                    result = result.Append(new SourceLocation(path, title.TitleRange));
                }
            }
            else if (file.FindHeading(anchor) is { } heading)
            {
                result = result.Append(new SourceLocation(path, heading.TitleRange));
            }
            else if (file.FindExplicitAnchor(anchor) is { } explicitAnchor)
            {
                result = result.Append(new SourceLocation(path, explicitAnchor.Range));
            }
        }

        return result;
    }

    private static int? FindAnchorLine(FileIndex file, string fragment) =>
        file.FindHeading(fragment)?.HeadingRange.Start.Line ?? file.FindExplicitAnchor(fragment)?.Range.Start.Line;

    private static int KindRank(IdDefinitionKind kind) => kind switch
    {
        IdDefinitionKind.Heading => 0,
        IdDefinitionKind.BoldLabel => 1,
        IdDefinitionKind.Metadata => 2,
        IdDefinitionKind.TaskItem => 3,
        _ => 4,
    };
}
