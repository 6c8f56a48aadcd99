using System.Text;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>Hover on ID mentions (the definition's text and its spec's title) and links (the first lines of the target section).</summary>
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
            LinkSymbol link => HoverTarget(view, link.Link.Target, link.Range),
            _ => null,
        };
    }

    private static HoverContent? HoverId(DocumentView view, IdSymbol id)
    {
        var definitions = view.FindIdDefinitions(id.Id);
        if (definitions.Length == 0)
        {
            return null;
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

            text = new string('#', section.Level) + " " + section.Title + "\n\n" + Excerpt(document.Source, section.BodyRange);
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
