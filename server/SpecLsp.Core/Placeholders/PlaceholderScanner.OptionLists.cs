using System.Collections.Immutable;
using SpecLsp.Core.Metadata;

namespace SpecLsp.Core.Placeholders;

// Option lists without brackets: a labelled value of options split by |, and the whole Low/Medium/High scale.
public static partial class PlaceholderScanner
{
    private static ImmutableArray<string>? UnbracketedOptions(LabeledLine label, MetadataSchema schema)
    {
        var value = label.Value;
        if (value.Length == 0 || value[0] == '[')
        {
            return null;
        }

        var options = OptionList.Parse(value);
        if (options.IsEmpty)
        {
            return null;
        }

        var templateOptions = schema.OptionsFor(label.Key);
        if (!templateOptions.IsEmpty)
        {
            var allowed = templateOptions.Select(MetadataKeys.NormalizeValue).ToHashSet(StringComparer.Ordinal);
            if (options.All(o => allowed.Contains(MetadataKeys.NormalizeValue(o))))
            {
                return options;
            }
        }

        bool templateLike = options.Length >= 3 && options.All(o =>
        {
            var stripped = MetadataKeys.StripDecorations(o);
            return stripped.Length > 0 && char.IsUpper(stripped[0]) && stripped.Split(' ').Length <= 4;
        });
        return templateLike ? options : null;
    }

    /// <summary>True for the whole Low/Medium/High scale in one value (any order, split by <c>/</c> or <c>|</c>).</summary>
    internal static bool IsFullScale(string value)
    {
        var parts = value.Trim().Trim('[', ']').Split(['/', '|'], StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            return false;
        }

        var set = parts.Select(p => p.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return set.SetEquals(["low", "medium", "high"]) && !value.Contains('[', StringComparison.Ordinal);
    }

    private static ImmutableArray<string> ScaleOptions(string value) =>
        [.. value.Trim().Split(['/', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
