using System.Text;
using SpecLsp.Core.Hover;
using SpecLsp.Core.Model;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Sections;

/// <summary>Hover on a heading: the template's guidance for that section.</summary>
public static class SectionHover
{
    /// <summary>The hover at <paramref name="caret"/>, or null when the caret is not on a heading the template knows.</summary>
    public static SpecHover? Compute(TemplateMatch match, Position caret)
    {
        var node = match.All().FirstOrDefault(m => m.Section.HeadingRange.Contains(caret));
        if (node?.Template is not { } section)
        {
            return null;
        }

        var builder = new StringBuilder();
        string kind = section.IsRepeatable ? "repeatable section" : section.IsRequired ? "required section" : "optional section";
        builder.Append("**").Append(section.Group is { } group ? group.Prefix.Trim() : section.DisplayTitle).Append("**: ")
            .Append(kind).Append(" of template `").Append(match.Template.Name).Append('`');
        if (section.Path.Contains('/', StringComparison.Ordinal))
        {
            builder.Append(" (").Append(section.Path.Replace("/", " › ", StringComparison.Ordinal)).Append(')');
        }

        builder.Append("\n\n");
        string guidance = Guidance(section.Body);
        if (guidance.Length > 0)
        {
            builder.Append(guidance).Append("\n\n");
        }

        if (!section.Children.IsEmpty)
        {
            builder.Append("Subsections: ").AppendJoin(", ", section.Children.Select(c => c.Group is { } g ? g.Prefix.Trim() + "…" : c.DisplayTitle)).Append('\n');
        }

        return new SpecHover(builder.ToString().TrimEnd(), node.Section.HeadingRange);
    }

    /// <summary>Hover on the title (H1): which template the spec follows and why, or null when the caret is elsewhere.</summary>
    public static SpecHover? ComputeForTitle(SpecDocument document, TemplateChoice choice, Position caret)
    {
        if (document.Title is not { } title || !title.HeadingRange.Contains(caret))
        {
            return null;
        }

        if (choice.Template is not { } template)
        {
            return new SpecHover("No template: " + choice.Describe()["template: none ".Length..].Trim('(', ')') + ".", title.HeadingRange);
        }

        string reason = choice.Reason switch
        {
            TemplateChoiceReason.FrontMatter => "named in the front matter",
            TemplateChoiceReason.Configuration => "configured for this path",
            _ => "best match",
        };
        var builder = new StringBuilder()
            .Append("Follows template `").Append(template.Name).Append("` (").Append(reason).Append(", ")
            .Append(choice.Matched).Append('/').Append(choice.Total).Append(" top-level sections known, score ")
            .Append(choice.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        if (template.Description is { Length: > 0 } description)
        {
            builder.Append("\n\n").Append(description);
        }

        builder.Append("\n\nSections: ").AppendJoin(", ", template.Sections.Select(s => s.IsRequired ? s.DisplayTitle : s.DisplayTitle + " (optional)"));
        return new SpecHover(builder.ToString(), title.HeadingRange);
    }

    /// <summary><paramref name="body"/> as a reader sees it: HTML comment prompts become plain text.</summary>
    internal static string Guidance(string body)
    {
        var builder = new StringBuilder(body.Length);
        int at = 0;
        while (at < body.Length)
        {
            int open = body.IndexOf("<!--", at, StringComparison.Ordinal);
            if (open < 0)
            {
                builder.Append(body, at, body.Length - at);
                break;
            }

            int close = body.IndexOf("-->", open + 4, StringComparison.Ordinal);
            builder.Append(body, at, open - at);
            if (close < 0)
            {
                builder.Append(body.AsSpan(open + 4).Trim());
                break;
            }

            builder.Append('*').Append(body.AsSpan(open + 4, close - open - 4).Trim()).Append('*');
            at = close + 3;
        }

        return builder.ToString().Trim();
    }
}
