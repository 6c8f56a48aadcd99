using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>A "3 references" lens: where it shows, the position its references are of, and the references.</summary>
/// <param name="Range">The heading line or the defining line it sits on.</param>
/// <param name="Target">The ID or heading title, as the position a "find references" starts from.</param>
/// <param name="References">Every mention of the ID and every link to the heading, in path and position order.</param>
public sealed record ReferenceLens(TextRange Range, Position Target, ImmutableArray<SourceLocation> References)
{
    /// <summary>"1 reference", "3 references", "no references".</summary>
    public string Title => References.Length switch
    {
        0 => "no references",
        1 => "1 reference",
        _ => $"{References.Length} references",
    };
}

/// <summary>
/// Reference counts above what others point at: each requirement, story or other ID defined by a heading or a bold
/// label (its mentions, the feature folder's included; a spec ID's across the workspace), shown even at zero, since
/// an unreferenced requirement is worth seeing; and each heading that links lead to (from this document or others),
/// shown only when some do. A heading that defines an ID gets one lens with both.
/// </summary>
public static class ReferenceLenses
{
    /// <summary>The lenses of the document of <paramref name="view"/>, in document order.</summary>
    public static ImmutableArray<ReferenceLens> Compute(DocumentView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Path is not { } path)
        {
            return [];
        }

        var mentions = MentionsInScope(view);
        var incoming = IncomingByAnchor(view, path);
        var result = new List<ReferenceLens>();
        var headingsWithId = new HashSet<TextRange>();
        foreach (var definition in view.Index.IdDefinitions.DistinctBy(d => d.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool local = !IdSyntax.IsWorkspaceWide(definition.Id);
            if (definition.Kind is not (IdDefinitionKind.Heading or IdDefinitionKind.BoldLabel) && !(definition.Kind == IdDefinitionKind.Metadata && !local))
            {
                continue;
            }

            var references = local
                ? mentions.GetValueOrDefault(definition.Id) ?? []
                : [.. view.FindIdMentions(definition.Id).Select(m => new SourceLocation(m.Path, m.Mention.Range))];
            var range = definition.LineRange;
            if (definition.Kind == IdDefinitionKind.Heading && view.Index.Headings.FirstOrDefault(h => h.HeadingRange.Contains(definition.Range)) is { Anchor: not null } heading)
            {
                headingsWithId.Add(heading.HeadingRange);
                range = heading.HeadingRange;
                references = [.. references.Concat(incoming.GetValueOrDefault(heading.Anchor) ?? [])];
            }

            result.Add(new ReferenceLens(range, definition.Range.Start, Sort(references)));
        }

        foreach (var heading in view.Index.Headings)
        {
            if (headingsWithId.Contains(heading.HeadingRange))
            {
                continue;
            }

            IEnumerable<SourceLocation> references = incoming.GetValueOrDefault(heading.Anchor) ?? [];
            if (heading.Level == 1 && view.Document.Title?.HeadingRange == heading.HeadingRange)
            {
                references = references.Concat(incoming.GetValueOrDefault(string.Empty) ?? []);
            }

            var sorted = Sort(references);
            if (!sorted.IsEmpty)
            {
                result.Add(new ReferenceLens(heading.HeadingRange, heading.TitleRange.Start, sorted));
            }
        }

        result.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return [.. result];
    }

    private static ImmutableArray<SourceLocation> Sort(IEnumerable<SourceLocation> references) =>
        [.. references.Distinct().OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Range.Start)];

    // This document's mentions of local IDs and those of the other documents of its feature folder, by ID.
    private static Dictionary<string, List<SourceLocation>> MentionsInScope(DocumentView view)
    {
        var byId = new Dictionary<string, List<SourceLocation>>(StringComparer.Ordinal);
        void Add(string path, IdMention mention)
        {
            if (!byId.TryGetValue(mention.Id, out var list))
            {
                byId[mention.Id] = list = [];
            }

            list.Add(new SourceLocation(path, mention.Range));
        }

        foreach (var mention in view.Index.IdMentions)
        {
            Add(view.Path!, mention);
        }

        if (FeatureFolder.Find(view.Path, view.Workspace) is { } folder)
        {
            foreach (var mention in folder.Mentions)
            {
                Add(mention.Path, mention.Mention);
            }
        }

        return byId;
    }

    // Links and reference definitions leading to this document, by lower-cased fragment ("" for the file itself).
    private static Dictionary<string, List<SourceLocation>> IncomingByAnchor(DocumentView view, string path)
    {
        var byAnchor = new Dictionary<string, List<SourceLocation>>(StringComparer.OrdinalIgnoreCase);
        void Add(string? fragment, SourceLocation location)
        {
            var key = fragment ?? string.Empty;
            if (!byAnchor.TryGetValue(key, out var list))
            {
                byAnchor[key] = list = [];
            }

            list.Add(location);
        }

        foreach (var link in view.FindLinksTo(path))
        {
            Add(link.Link.Target.Fragment, new SourceLocation(link.Path, link.Link.Node.Range));
        }

        foreach (var (location, target) in view.FindDefinitionsTo(path))
        {
            Add(target.Fragment, location);
        }

        return byAnchor;
    }
}
