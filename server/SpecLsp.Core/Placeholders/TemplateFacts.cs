using System.Collections.Immutable;
using System.Text;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

/// <summary>What one template section holds that a spec may have left untouched.</summary>
/// <param name="TitleKey">The normalised title, placeholders as <c>*</c> and numbers as <c>#</c> (<c>test case #: *</c>).</param>
/// <param name="Level">The heading level.</param>
/// <param name="Lines">The body's non-blank lines, trimmed.</param>
/// <param name="CodeBlocks">The contents of the body's code blocks, normalised (see <see cref="TemplateFacts.NormalizeCode"/>).</param>
/// <param name="IsOptional">True when the template marks the section optional: an italic condition opening its body (<c>*(If …)*</c>) or a marker ending its heading (<c>(Optional)</c>, <c>*(include if …)*</c>).</param>
public sealed record SampleSection(string TitleKey, int Level, ImmutableHashSet<string> Lines, ImmutableHashSet<string> CodeBlocks, bool IsOptional);

/// <summary>
/// What the placeholder and metadata features need from a template, derived once from its Markdown: the
/// metadata schema, each section's sample text and code, and its HTML comment prompts. Immutable.
/// </summary>
public sealed class TemplateFacts
{
    private TemplateFacts(string name, SpecDocument template, MetadataSchema metadata, ImmutableArray<SampleSection> sections, ImmutableHashSet<string> prompts)
    {
        Name = name;
        Template = template;
        Metadata = metadata;
        Sections = sections;
        Prompts = prompts;
        Placeholders = FindPlaceholders(template).Union(s_builtInPlaceholders.Value);
    }

    // The placeholders of the built-in templates are the project's own vocabulary ([Your Name], [Feature Name]):
    // one left in a spec made from any template is still a placeholder.
    private static readonly Lazy<ImmutableHashSet<string>> s_builtInPlaceholders = new(() =>
        [.. Templates.TemplateCatalog.BuiltInNames.SelectMany(n => FindPlaceholders(SpecParser.Parse(SourceText.From(Templates.TemplateSchemaBuilder.SplitFrontMatter(Templates.TemplateCatalog.ReadBuiltIn(n).ReplaceLineEndings("\n")).Body))))]);

    /// <summary>
    /// The template's bracketed placeholders, as <see cref="PlaceholderScanner.PlaceholderKey"/> (<c>feature name</c>,
    /// <c>metric #</c>): in its text and in its HTML comments, not in its code blocks, and not the labels of its
    /// reference definitions (a template's <c>[style guide]</c> with <c>[style guide]: https://…</c> is a link); and
    /// those of the built-in templates.
    /// </summary>
    public ImmutableHashSet<string> Placeholders { get; }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The parsed template.</summary>
    public SpecDocument Template { get; }

    /// <summary>Its metadata keys and option lists.</summary>
    public MetadataSchema Metadata { get; }

    /// <summary>Its sections' samples, in template order.</summary>
    public ImmutableArray<SampleSection> Sections { get; }

    /// <summary>The normalised contents of its HTML comments.</summary>
    public ImmutableHashSet<string> Prompts { get; }

    /// <summary>The facts of the template <paramref name="name"/> with text <paramref name="text"/> (a <see cref="Templates.SpecTemplate"/> keeps its own as <see cref="Templates.SpecTemplate.Facts"/>).</summary>
    public static TemplateFacts For(string name, string text) => Parse(name, text);

    /// <summary>Derives the facts of a template from its Markdown.</summary>
    public static TemplateFacts Parse(string name, string text)
    {
        var template = SpecParser.Parse(SourceText.From(text));
        var sections = ImmutableArray.CreateBuilder<SampleSection>();
        foreach (var section in template.AllSections)
        {
            var lines = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            int from = section.BodyRange.Start.Line;
            int to = section.BodyRange.End.Line;
            for (int line = from; line <= to && line < template.Source.LineCount; line++)
            {
                if (line == to && section.BodyRange.End.Character == 0 && to > from)
                {
                    break;
                }

                var trimmed = template.Source.GetLineText(line).Trim();
                if (trimmed.Length > 0)
                {
                    lines.Add(trimmed);
                }
            }

            var code = template.CodeBlocks.Where(c => section.BodyRange.Contains(c.Range.Start)).Select(c => NormalizeCode(c.Content)).Where(c => c.Length > 0);
            var body = template.Source.GetText(section.BodyRange).TrimStart();
            Templates.SectionTitles.StripMarker(section.Title, out var marker);
            bool optional = body.StartsWith("*(", StringComparison.Ordinal) || body.StartsWith("_(", StringComparison.Ordinal) || marker == Templates.SectionMarker.Optional;
            sections.Add(new SampleSection(TitleKey(section.Title), section.Level, lines.ToImmutable(), [.. code], optional));
        }

        var prompts = template.HtmlComments.Select(c => NormalizePrompt(c.Content)).Where(p => p.Length > 0).ToImmutableHashSet(StringComparer.Ordinal);
        return new TemplateFacts(name, template, MetadataSchema.FromTemplate(template), sections.ToImmutable(), prompts);
    }

    private static ImmutableHashSet<string> FindPlaceholders(SpecDocument template)
    {
        var source = template.Source;
        var codeLines = new HashSet<int>();
        foreach (var block in template.CodeBlocks)
        {
            for (int l = block.Range.Start.Line; l <= block.Range.End.Line; l++)
            {
                codeLines.Add(l);
            }
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        for (int line = 0; line < source.LineCount; line++)
        {
            var text = source.GetLineText(line);
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('[') && trimmed.IndexOf("]:", StringComparison.Ordinal) is > 1 and var end)
            {
                labels.Add(PlaceholderScanner.PlaceholderKey(trimmed.AsSpan(1, end - 1)));
                continue;
            }

            if (codeLines.Contains(line))
            {
                continue;
            }

            foreach (var (_, _, content) in PlaceholderScanner.CandidateBrackets(text))
            {
                if (PlaceholderScanner.ClassifyBracket(content, out _) is not null)
                {
                    found.Add(PlaceholderScanner.PlaceholderKey(content));
                }
            }
        }

        return found.Where(f => !labels.Contains(f)).ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>The template section <paramref name="section"/> stands for, or null: same title (placeholders match anything, numbers any number), same level preferred.</summary>
    public SampleSection? Match(Section section)
    {
        var key = TitleKey(section.Title);
        SampleSection? any = null;
        foreach (var sample in Sections)
        {
            if (Matches(sample.TitleKey, key))
            {
                if (sample.Level == section.Level)
                {
                    return sample;
                }

                any ??= sample;
            }
        }

        return any;
    }

    /// <summary>A heading title's comparison form: lower case, outline numbers dropped, <c>[…]</c> as <c>*</c>, digit runs as <c>#</c>.</summary>
    public static string TitleKey(string title)
    {
        var text = Templates.SectionTitles.StripMarker(title, out _).Trim().ToLowerInvariant();
        int i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i > 0 && i < text.Length && text[i] == ' ')
        {
            text = text[(i + 1)..];
        }

        var sb = new StringBuilder(text.Length);
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c == '[')
            {
                int close = text.IndexOf(']', k + 1);
                if (close > k)
                {
                    sb.Append('*');
                    k = close;
                    continue;
                }
            }

            if (char.IsAsciiDigit(c))
            {
                if (sb.Length == 0 || sb[^1] != '#')
                {
                    sb.Append('#');
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>Code compared line by line, trailing white space ignored.</summary>
    public static string NormalizeCode(string code) =>
        string.Join('\n', code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    /// <summary>A comment's content compared with single spaces.</summary>
    public static string NormalizePrompt(string content) => string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Matches(string pattern, string key)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return pattern == key;
        }

        var parts = pattern.Split('*');
        if (!key.StartsWith(parts[0], StringComparison.Ordinal) || !key.EndsWith(parts[^1], StringComparison.Ordinal) || key.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        int at = parts[0].Length;
        int limit = key.Length - parts[^1].Length;
        for (int p = 1; p < parts.Length - 1; p++)
        {
            int found = key.IndexOf(parts[p], at, StringComparison.Ordinal);
            if (found < 0 || found + parts[p].Length > limit)
            {
                return false;
            }

            at = found + parts[p].Length;
        }

        return true;
    }
}
