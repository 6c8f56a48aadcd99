using System.Collections.Immutable;

namespace SpecLsp.Core.Templates;

/// <summary>
/// One section of a template's schema: a heading of the template (or a group of numbered sibling headings such
/// as <c>FR1</c>/<c>FR2</c>), whether a spec must have it, and the text to insert for it.
/// </summary>
public sealed class TemplateSection
{
    /// <summary>The heading text as the template writes it, markup removed (<c>1.1 Summary</c>, <c>FR1: [Requirement Name]</c>).</summary>
    public required string Title { get; init; }

    /// <summary>The title without outline numbering, for messages (<c>Summary</c>); for a group, its first member's title.</summary>
    public required string DisplayTitle { get; init; }

    /// <summary>The normalised title (see <see cref="SectionTitles.Normalize"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The placeholder pattern of the title, or null for a fixed title.</summary>
    public TitlePattern? Pattern { get; init; }

    /// <summary>For a repeatable group, its first member's numbered title; null otherwise.</summary>
    public NumberedTitle? Group { get; init; }

    /// <summary>
    /// True for a repeatable section: a group of numbered siblings (<see cref="Group"/>) or a heading the template
    /// itself repeats under one parent (<c>### YYYY-MM-DD</c> three times). A spec may have any number of them.
    /// </summary>
    public bool IsRepeatable { get; internal set; }

    /// <summary>The heading level in the template (1 for the title).</summary>
    public required int Level { get; init; }

    /// <summary>True when a spec must have this section (reported as <c>missing-section</c> when absent).</summary>
    public bool IsRequired { get; internal set; }

    /// <summary>The path of display titles from the top level down, joined with <c>/</c> (<c>Requirements/Functional Requirements</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The indices from the top level down, joined with <c>.</c> (<c>1.0</c>): an exact address in this template.</summary>
    public required string IndexPath { get; init; }

    /// <summary>The position among its siblings in template order.</summary>
    public required int Index { get; init; }

    /// <summary>The heading line as written in the template, without its line break.</summary>
    public required string HeadingLine { get; init; }

    /// <summary>The text between the heading and the first subsection, trimmed; for a group, its first member's.</summary>
    public required string Body { get; init; }

    /// <summary>
    /// The whole section as the template writes it (heading, body, subsections), trailing blank lines and
    /// separator rules removed; for a group, its first member only. Lines are joined with <c>\n</c>.
    /// </summary>
    public required string Text { get; init; }

    /// <summary>The lines of <see cref="Text"/> that are ATX headings (index into its lines), so the text can move to another level.</summary>
    public ImmutableArray<int> HeadingLineIndices { get; init; } = [];

    /// <summary>Subsections in template order.</summary>
    public ImmutableArray<TemplateSection> Children { get; internal set; } = [];

    /// <summary>The enclosing section; null for the template's root (its title).</summary>
    public TemplateSection? Parent { get; internal set; }

    /// <summary>True when <paramref name="normalizedTitle"/> (with its numbered form <paramref name="numbered"/>) names this section.</summary>
    public bool Matches(string normalizedTitle, NumberedTitle? numbered)
    {
        if (Group is { } group)
        {
            return numbered is not null && string.Equals(numbered.Key, group.Key, StringComparison.Ordinal);
        }

        return string.Equals(Key, normalizedTitle, StringComparison.Ordinal) || (Pattern?.IsMatch(normalizedTitle) ?? false);
    }

    /// <summary>
    /// The template text of this section with its headings moved to <paramref name="level"/> (subsections keep their
    /// depth below it). For a group, <paramref name="memberNumber"/> renumbers the member (<c>FR3:</c>).
    /// </summary>
    public string Render(int level, int? memberNumber = null)
    {
        var lines = Text.Split('\n');
        int delta = level - Level;
        if (delta != 0)
        {
            foreach (int index in HeadingLineIndices)
            {
                lines[index] = Relevel(lines[index], delta);
            }
        }

        if (memberNumber is { } number && Group is { } group)
        {
            string rest = group.Rest.Length > 0 ? " " + group.Rest : string.Empty;
            lines[0] = new string('#', Math.Clamp(level, 1, 6)) + " " + group.FormatLabel(number) + rest;
        }

        return string.Join('\n', lines);
    }

    /// <summary>This section's heading title for member <paramref name="memberNumber"/> of a group, or its own title.</summary>
    public string TitleFor(int? memberNumber) =>
        memberNumber is { } n && Group is { } g ? g.FormatLabel(n) + (g.Rest.Length > 0 ? " " + g.Rest : string.Empty) : Title;

    private static string Relevel(string line, int delta)
    {
        int hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        if (hashes == 0)
        {
            return line;
        }

        int level = Math.Clamp(hashes + delta, 1, 6);
        return new string('#', level) + line[hashes..];
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}
