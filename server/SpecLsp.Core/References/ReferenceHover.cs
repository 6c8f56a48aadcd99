using System.Text;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// Hover on ID mentions (the definition's text and its spec's title; for an ID defined nowhere, why, and the IDs near it),
/// on an ID's own definition or its heading (where it is mentioned), and on links (the first lines of the target section).
/// </summary>
public static class ReferenceHover
{
    private const int MaxLines = 8;
    private const int MaxCharacters = 1200;

    /// <summary>The hover at <paramref name="position"/>, or null.</summary>
    public static HoverContent? Compute(DocumentView view, Position position)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ReferenceSymbol.Find(view, position) switch
        {
            IdSymbol { Definition: null } id => HoverId(view, id),
            IdSymbol { Definition: { } definition } => HoverUses(view, definition, definition.Range),
            HeadingSymbol heading when view.Index.IdDefinitions.FirstOrDefault(d => d.Kind == IdDefinitionKind.Heading && heading.Heading.HeadingRange.Contains(d.Range)) is { } definition
                => HoverUses(view, definition, heading.Range),
            LinkSymbol link => HoverTarget(view, link.Link.Target, link.Range),
            null when FolderIdAt(view, position) is { } id => HoverId(view, id),
            _ => null,
        };
    }

    // A document of a feature folder mentions the IDs its spec.md defines (tasks.md's "T001 Build FR-001"), although they
    // are not mentions of its own (it defines no FR-): the ID-shaped word under the caret, when the folder defines it.
    private static IdSymbol? FolderIdAt(DocumentView view, Position position)
    {
        if (position.Line >= view.Document.Source.LineCount || FeatureFolder.Find(view.Path, view.Workspace) is not { } folder || folder.Definitions.IsEmpty)
        {
            return null;
        }

        var line = view.Document.Source.GetLineText(position.Line);
        foreach (var (start, length) in IdSyntax.FindAll(line))
        {
            if (position.Character >= start && position.Character <= start + length)
            {
                var id = line.Substring(start, length);
                return folder.Definitions.Any(d => d.Definition.Id == id)
                    ? new IdSymbol(id, new TextRange(position.Line, start, position.Line, start + length), null)
                    : null;
            }
        }

        return null;
    }

    private static HoverContent? HoverId(DocumentView view, IdSymbol id)
    {
        var definitions = view.FindIdDefinitions(id.Id);
        if (definitions.Length == 0 && !IdSyntax.IsWorkspaceWide(id.Id) && FeatureFolder.Find(view.Path, view.Workspace) is { } folder)
        {
            definitions = [.. folder.Definitions.Where(d => d.Definition.Id == id.Id)];
        }

        if (definitions.Length == 0)
        {
            return HoverUndefined(view, id);
        }

        var definition = definitions.OrderBy(d => d.Definition.Kind == IdDefinitionKind.Heading ? 0 : 1).First();
        var builder = new StringBuilder();
        builder.Append("**").Append(id.Id).Append("**");
        var specTitle = view.GetFile(definition.Path)?.Title;
        if (definition.Definition.Title.Length > 0 && definition.Definition.Title != specTitle)
        {
            builder.Append(": ").Append(definition.Definition.Title);
        }

        if (specTitle is { Length: > 0 } && !view.IsSelf(definition.Path))
        {
            builder.Append("\n\n*").Append(specTitle).Append("* (").Append(WorkspacePaths.GetFileName(definition.Path)).Append(')');
        }

        if (view.LoadDocument(definition.Path) is { } document)
        {
            var excerpt = definition.Definition.Kind == IdDefinitionKind.Heading && document.AllSections.FirstOrDefault(s => s.HeadingRange.Contains(definition.Definition.Range)) is { } section
                ? Excerpt(document.Source, section.BodyRange)
                : document.Source.GetText(definition.Definition.LineRange).Trim();
            if (excerpt.Length > 0)
            {
                builder.Append("\n\n---\n\n").Append(excerpt);
            }
        }

        return new HoverContent(builder.ToString(), id.Range);
    }

    // Defined nowhere this document can see: say so, and list the defined IDs of the same prefix nearest in number.
    private static HoverContent HoverUndefined(DocumentView view, IdSymbol id)
    {
        var prefix = IdSyntax.GetPrefix(id.Id);
        var builder = new StringBuilder();
        builder.Append("**").Append(id.Id).Append("** is not defined ")
            .Append(IdSyntax.IsWorkspaceWide(id.Id) ? "in any spec of the workspace." : "in this spec or its feature folder.");
        var known = view.Index.IdDefinitions.Where(d => d.Prefix == prefix && d.Id != id.Id).DistinctBy(d => d.Id).ToList();
        if (!IdSyntax.IsWorkspaceWide(id.Id) && FeatureFolder.Find(view.Path, view.Workspace) is { } folder)
        {
            known.AddRange(folder.Definitions.Select(d => d.Definition).Where(d => d.Prefix == prefix && known.TrueForAll(k => k.Id != d.Id)).DistinctBy(d => d.Id));
        }

        long number = Number(id.Id, prefix);
        var near = known.OrderBy(d => Math.Abs(Number(d.Id, prefix) - number)).ThenBy(d => d.Id, StringComparer.Ordinal).Take(3).OrderBy(d => Number(d.Id, prefix)).ToList();
        if (near.Count > 0)
        {
            builder.Append("\n\nNearest defined: ").AppendJoin(", ", near.Select(d => d.Title.Length > 0 ? $"**{d.Id}** ({d.Title})" : $"**{d.Id}**")).Append('.');
        }

        return new HoverContent(builder.ToString(), id.Range);
    }

    // On the definition itself: how often and where the ID is mentioned, in place of the template's guidance.
    private static HoverContent HoverUses(DocumentView view, IdDefinition definition, TextRange range)
    {
        var mentions = view.FindIdMentions(definition.Id).ToList();
        if (!IdSyntax.IsWorkspaceWide(definition.Id) && FeatureFolder.Find(view.Path, view.Workspace) is { } folder)
        {
            mentions.AddRange(folder.Mentions.Where(m => m.Mention.Id == definition.Id));
        }

        var builder = new StringBuilder();
        builder.Append("**").Append(definition.Id).Append("**");
        if (definition.Title.Length > 0)
        {
            builder.Append(": ").Append(definition.Title);
        }

        int files = mentions.Select(m => m.Path).Distinct(StringComparer.Ordinal).Count();
        builder.Append("\n\n").Append(mentions.Count switch
        {
            0 => "Not mentioned anywhere else yet.",
            1 => "Mentioned once",
            _ => $"Mentioned {mentions.Count} times",
        });
        if (mentions.Count > 0)
        {
            builder.Append(files == 1 && view.IsSelf(mentions[0].Path) ? " in this spec:" : $" in {files} file{(files == 1 ? string.Empty : "s")}:");
            foreach (var mention in mentions.OrderBy(m => view.IsSelf(m.Path) ? 0 : 1).ThenBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Mention.Range.Start).Take(MaxLines))
            {
                builder.Append("\n- ").Append(view.IsSelf(mention.Path) ? "line" : WorkspacePaths.GetFileName(mention.Path) + ", line").Append(' ').Append(mention.Mention.Range.Start.Line + 1);
            }

            if (mentions.Count > MaxLines)
            {
                builder.Append("\n- …");
            }
        }

        return new HoverContent(builder.ToString(), range);
    }

    private static long Number(string id, string prefix) =>
        long.TryParse(id.AsSpan(prefix.Length).TrimStart('-'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) ? n : 0;

    private static HoverContent? HoverTarget(DocumentView view, LinkTarget target, TextRange range)
    {
        var path = target.Kind switch
        {
            LinkTargetKind.SameDocument => view.Path,
            LinkTargetKind.File when WorkspacePaths.IsMarkdown(target.Path!) => target.Path,
            _ => null,
        };
        if (path is null || (target.Kind == LinkTargetKind.SameDocument && target.Fragment is null))
        {
            return null;
        }

        var document = target.Kind == LinkTargetKind.SameDocument ? view.Document : view.LoadDocument(path);
        if (document is null)
        {
            return null;
        }

        string text;
        if (target.Fragment is { Length: > 0 } fragment)
        {
            var section = document.AllSections.FirstOrDefault(s => s.Anchor == fragment)
                ?? document.AllSections.FirstOrDefault(s => s.Anchor.Equals(fragment, StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                return null;
            }

            // A section whose text is all in its subsections starts with the first of them.
            var excerpt = Excerpt(document.Source, section.BodyRange);
            if (excerpt.Length == 0)
            {
                excerpt = Excerpt(document.Source, new TextRange(new Position(section.HeadingRange.End.Line + 1, 0), section.Range.End));
            }

            text = new string('#', section.Level) + " " + section.Title + "\n\n" + excerpt;
        }
        else
        {
            text = Excerpt(document.Source, document.Source.FullRange);
        }

        return text.Trim().Length == 0 ? null : new HoverContent(text.Trim(), range);
    }

    /// <summary>The first lines of <paramref name="range"/> that hold text, bounded in lines and characters.</summary>
    private static string Excerpt(SourceText source, TextRange range)
    {
        var builder = new StringBuilder();
        int lines = 0;
        for (int line = range.Start.Line; line <= range.End.Line && line < source.LineCount && lines < MaxLines; line++)
        {
            var text = source.GetLineText(line);
            if (builder.Length == 0 && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (line == range.End.Line && range.End.Character == 0)
            {
                break;
            }

            if (builder.Length + text.Length > MaxCharacters)
            {
                builder.Append(text.AsSpan(0, Math.Max(0, MaxCharacters - builder.Length))).Append('…');
                break;
            }

            builder.Append(text).Append('\n');
            lines++;
        }

        return builder.ToString().TrimEnd();
    }
}
