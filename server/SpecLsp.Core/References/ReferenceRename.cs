using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>Rename of IDs (throughout their scope) and headings (with every <c>#anchor</c> link to them).</summary>
public static class ReferenceRename
{
    /// <summary>What a rename at <paramref name="position"/> would rename, or null when nothing there can be renamed.</summary>
    public static RenameTarget? Prepare(DocumentView view, Position position)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ReferenceSymbol.Find(view, position) switch
        {
            IdSymbol id => new RenameTarget(id.Range, id.Id),
            HeadingSymbol heading when !heading.Range.IsEmpty => new RenameTarget(heading.Range, view.Document.Source.GetText(heading.Range)),
            _ => null,
        };
    }

    /// <summary>Renames the ID or heading at <paramref name="position"/> to <paramref name="newName"/>.</summary>
    public static RenameResult Rename(DocumentView view, Position position, string newName)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(newName);
        if (view.Path is null)
        {
            return new RenameResult(null, "Save the document before renaming.");
        }

        newName = newName.Trim();
        switch (ReferenceSymbol.Find(view, position))
        {
            case IdSymbol id:
                return RenameId(view, id.Id, newName);
            case HeadingSymbol heading when !heading.Range.IsEmpty:
                if (newName.Length == 0 || newName.Contains('\n', StringComparison.Ordinal) || newName.Contains('\r', StringComparison.Ordinal))
                {
                    return new RenameResult(null, "A heading must be one non-empty line.");
                }

                var edits = new List<(string, TextReplacement)> { (view.Path, new TextReplacement(heading.Range, newName)) };
                edits.AddRange(AnchorEdits(view, [(heading.Heading.HeadingRange, newName)]));
                return new RenameResult(WorkspaceChanges.FromEdits(edits), null);
            default:
                return new RenameResult(null, "Only IDs and headings can be renamed here.");
        }
    }

    private static RenameResult RenameId(DocumentView view, string oldId, string newId)
    {
        if (!IdSyntax.IsId(newId))
        {
            return new RenameResult(null, $"'{newId}' is not an ID (letters, an optional '-', then digits, such as FR7 or US-3).");
        }

        if (IdSyntax.IsWorkspaceWide(oldId) != IdSyntax.IsWorkspaceWide(newId))
        {
            return new RenameResult(null, "A spec ID (SPEC-…) can only be renamed to another spec ID, and a local ID to another local ID.");
        }

        if (newId != oldId && view.FindIdDefinitions(newId).Length > 0)
        {
            return new RenameResult(null, $"{newId} is already defined.");
        }

        var edits = new List<(string, TextReplacement)>();
        edits.AddRange(view.FindIdDefinitions(oldId).Select(d => (d.Path, new TextReplacement(d.Definition.Range, newId))));
        edits.AddRange(view.FindIdMentions(oldId).Select(m => (m.Path, new TextReplacement(m.Mention.Range, newId))));

        // A heading "#### FR1: Export" has the anchor "fr1-export": links to it follow the new ID.
        var headingDefinitions = view.Index.IdDefinitions
            .Where(d => d.Id == oldId && d.Kind == IdDefinitionKind.Heading)
            .Select(d => view.Index.Headings.FirstOrDefault(h => h.HeadingRange.Contains(d.Range)))
            .Where(h => h.Title is not null)
            .Select(h => (h.HeadingRange, ReplaceWord(h.Title, oldId, newId)))
            .ToList();
        edits.AddRange(AnchorEdits(view, headingDefinitions));
        return new RenameResult(WorkspaceChanges.FromEdits(edits), null);
    }

    /// <summary>
    /// The edits to every link that leads to the heading at <paramref name="headingRange"/> when the ID in its title
    /// changes from <paramref name="oldId"/> to <paramref name="newId"/> (that heading alone, as a renumbering needs).
    /// </summary>
    public static IEnumerable<(string Path, TextReplacement Edit)> AnchorEditsForIdChange(DocumentView view, TextRange headingRange, string oldId, string newId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var heading = view.Index.Headings.FirstOrDefault(h => h.HeadingRange == headingRange);
        return heading.Title is null || view.Path is null ? [] : AnchorEdits(view, [(heading.HeadingRange, ReplaceWord(heading.Title, oldId, newId))]);
    }

    /// <summary>Edits to every link whose anchor changes when the given headings of this document get new titles.</summary>
    private static IEnumerable<(string, TextReplacement)> AnchorEdits(DocumentView view, IReadOnlyList<(TextRange HeadingRange, string NewTitle)> renamed)
    {
        var headings = view.Index.Headings;
        var slugger = new HeadingAnchors.Slugger();
        var newAnchors = headings.Select(h => slugger.Claim(renamed.FirstOrDefault(r => r.HeadingRange == h.HeadingRange).NewTitle is { } title ? RenderedSlug(title) : h.Slug)).ToList();
        var oldAnchors = headings.Select(h => h.Anchor).ToList();
        var explicitAnchors = view.Index.ExplicitAnchors.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < headings.Length; i++)
        {
            if (oldAnchors[i] == newAnchors[i] || explicitAnchors.Contains(oldAnchors[i]))
            {
                continue;
            }

            foreach (var link in view.FindLinksTo(view.Path!, oldAnchors[i]))
            {
                if (FragmentEdit(view, link, newAnchors[i]) is { } edit)
                {
                    yield return edit;
                }
            }

            // Definitions no link uses yet still point at the heading.
            foreach (var file in view.Workspace.Files.Where(f => !view.IsSelf(f.Path)).Append(view.Index))
            {
                for (int d = 0; d < file.ReferenceDefinitions.Length; d++)
                {
                    var target = file.ReferenceDefinitionTargets[d];
                    bool toHeading = (target.Kind == LinkTargetKind.SameDocument && file == view.Index)
                        || (target.Kind == LinkTargetKind.File && view.IsSelf(target.Path));
                    if (toHeading && target.Fragment is { } f && f.Equals(oldAnchors[i], StringComparison.OrdinalIgnoreCase)
                        && FragmentEdit(file == view.Index ? view.Path! : file.Path, file.ReferenceDefinitions[d].Destination, file.ReferenceDefinitions[d].DestinationRange, newAnchors[i]) is { } edit)
                    {
                        yield return edit;
                    }
                }
            }
        }
    }

    private static (string, TextReplacement)? FragmentEdit(DocumentView view, LinkLocation location, string newAnchor)
    {
        var node = location.Link.Node;
        string? destination = node.Destination;
        TextRange range = node.TargetRange;
        if (node.Kind == LinkKind.Reference)
        {
            if (view.GetFile(location.Path)?.FindReferenceDefinition(node.Label) is not { } definition)
            {
                return null;
            }

            destination = definition.Destination;
            range = definition.DestinationRange;
        }

        return FragmentEdit(location.Path, destination, range, newAnchor);
    }

    private static (string, TextReplacement)? FragmentEdit(string path, string? destination, TextRange range, string newAnchor)
    {
        // Only destinations written on one line, exactly as their range spans, are edited: the index keeps no text.
        if (destination is null || range.Start.Line != range.End.Line || range.End.Character - range.Start.Character != destination.Length)
        {
            return null;
        }

        int hash = destination.IndexOf('#');
        if (hash < 0)
        {
            return null;
        }

        var fragmentRange = new TextRange(range.Start with { Character = range.Start.Character + hash + 1 }, range.End);
        return (path, new TextReplacement(fragmentRange, newAnchor));
    }

    private static string ReplaceWord(string text, string oldWord, string newWord)
    {
        foreach (var (start, length) in IdSyntax.FindAll(text))
        {
            if (text.AsSpan(start, length).SequenceEqual(oldWord))
            {
                return string.Concat(text.AsSpan(0, start), newWord, text.AsSpan(start + length));
            }
        }

        return text;
    }

    // The new title is raw Markdown; GitHub slugs its rendered text, so it is parsed as a heading of its own.
    private static string RenderedSlug(string markdown) =>
        SpecParser.Parse(SourceText.From("# " + markdown.ReplaceLineEndings(" ") + "\n")).AllSections is [var section, ..] ? section.Slug : HeadingAnchors.Slug(markdown);
}
