using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Metadata;

/// <summary>One metadata key a template defines, in the style the template writes it.</summary>
/// <param name="Key">The key as written (<c>Last Updated</c>).</param>
/// <param name="TemplateValue">The template's value for it (<c>[YYYY-MM-DD]</c>, <c>[Draft | In Review]</c>).</param>
/// <param name="ColonInside">True for <c>**Key:**</c>, false for <c>**Key**:</c>.</param>
/// <param name="Prefix">What the template writes before the label (<c>- </c>, <c>&gt; </c> or nothing).</param>
public sealed record MetadataKeyInfo(string Key, string TemplateValue, bool ColonInside, string Prefix)
{
    /// <summary>The key's comparison form.</summary>
    public string NormalizedKey => MetadataKeys.Normalize(Key);

    /// <summary>True when the template's value is a date placeholder or the key names a date.</summary>
    public bool IsDate => MetadataKeys.IsDateKey(Key) || Placeholders.PlaceholderScanner.IsDateMask(TemplateValue.Trim('[', ']', ' '));
}

/// <summary>
/// What a template says about metadata: the keys of its metadata block in order, and the option lists of its
/// labelled fields (<c>**Status:** [Draft | In Review | Approved]</c>, <c>**Probability:** [High | Medium | Low]</c>)
/// wherever they stand. Built from the template's Markdown; immutable.
/// </summary>
public sealed class MetadataSchema
{
    private MetadataSchema(ImmutableArray<MetadataKeyInfo> keys, ImmutableDictionary<string, ImmutableArray<string>> options, ImmutableDictionary<string, string> values, ImmutableHashSet<string> listOptionKeys)
    {
        Keys = keys;
        Options = options;
        TemplateValues = values;
        ListOptionKeys = listOptionKeys;
    }

    /// <summary>A schema that knows nothing: every value is accepted, nothing is completed.</summary>
    public static MetadataSchema Empty { get; } = new([], ImmutableDictionary<string, ImmutableArray<string>>.Empty, ImmutableDictionary<string, string>.Empty, []);

    /// <summary>The normalised keys whose option list the template writes in a list item (<c>- **Priority**: […]</c>) rather than a line of its own.</summary>
    public ImmutableHashSet<string> ListOptionKeys { get; }

    /// <summary>The keys of the template's metadata block, in template order.</summary>
    public ImmutableArray<MetadataKeyInfo> Keys { get; }

    /// <summary>Allowed values by normalised key, as the template writes them.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Options { get; }

    /// <summary>The template's value by normalised key (the first one where a key repeats).</summary>
    public ImmutableDictionary<string, string> TemplateValues { get; }

    /// <summary>The allowed values of <paramref name="key"/>, or empty when any value goes.</summary>
    public ImmutableArray<string> OptionsFor(string key) => Options.TryGetValue(MetadataKeys.Normalize(key), out var options) ? options : [];

    /// <summary>The metadata key info for <paramref name="key"/>, or null.</summary>
    public MetadataKeyInfo? FindKey(string key)
    {
        var normalized = MetadataKeys.Normalize(key);
        return Keys.FirstOrDefault(k => k.NormalizedKey == normalized);
    }

    /// <summary>Derives the schema of a parsed template.</summary>
    public static MetadataSchema FromTemplate(SpecDocument template)
    {
        var keys = ImmutableArray.CreateBuilder<MetadataKeyInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var listOptionKeys = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var labeled = LabeledLine.FindAll(template);
        var blockLines = MetadataBlock.Lines(template);

        foreach (var line in labeled)
        {
            var normalized = line.NormalizedKey;
            values.TryAdd(normalized, line.Value);
            var parsed = OptionList.Parse(line.Value);
            if (!parsed.IsEmpty)
            {
                options[normalized] = options.TryGetValue(normalized, out var existing) ? [.. existing.Concat(parsed).DistinctBy(MetadataKeys.NormalizeValue)] : parsed;
                if (line.IsListItem)
                {
                    listOptionKeys.Add(normalized);
                }
            }

            if (blockLines.Contains(line.Line) && seen.Add(normalized))
            {
                string lineText = template.Source.GetLineText(line.Line);
                string prefix = lineText[..line.LabelRange.Start.Character].TrimStart();
                keys.Add(new MetadataKeyInfo(line.Key, line.Value, line.ColonInside, prefix));
            }
        }

        foreach (var field in template.Metadata)
        {
            var normalized = MetadataKeys.Normalize(field.Key);
            if (field.Style == MetadataStyle.PlainLine && seen.Add(normalized))
            {
                values.TryAdd(normalized, field.Value);
                keys.Add(new MetadataKeyInfo(field.Key, field.Value, ColonInside: false, Prefix: string.Empty) { });
            }
        }

        return new MetadataSchema(keys.ToImmutable(), options.ToImmutableDictionary(StringComparer.Ordinal), values.ToImmutableDictionary(StringComparer.Ordinal), listOptionKeys.ToImmutable());
    }
}

/// <summary>Where a document's metadata block is: labelled lines before the first H2, and a section titled "Metadata".</summary>
public static class MetadataBlock
{
    /// <summary>The line numbers that belong to metadata blocks.</summary>
    public static ImmutableHashSet<int> Lines(SpecDocument document)
    {
        var lines = ImmutableHashSet.CreateBuilder<int>();
        int firstH2 = document.AllSections.FirstOrDefault(s => s.Level >= 2)?.HeadingRange.Start.Line ?? document.Source.LineCount;
        for (int line = 0; line < firstH2; line++)
        {
            lines.Add(line);
        }

        foreach (var section in document.AllSections)
        {
            if (section.Level >= 2 && string.Equals(section.Title.Trim(), "Metadata", StringComparison.OrdinalIgnoreCase))
            {
                for (int line = section.BodyRange.Start.Line; line <= section.BodyRange.End.Line; line++)
                {
                    lines.Add(line);
                }
            }
        }

        foreach (var field in document.Metadata)
        {
            if (field.Style != MetadataStyle.FrontMatter)
            {
                lines.Add(field.LineRange.Start.Line);
            }
        }

        return lines.ToImmutable();
    }

    /// <summary>True when <paramref name="position"/> is on a metadata-block line.</summary>
    public static bool Contains(SpecDocument document, Position position) => Lines(document).Contains(position.Line);
}
