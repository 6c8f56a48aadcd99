using System.Collections.Immutable;

namespace SpecLsp.Core.Metadata;

/// <summary>
/// A template's choice of values written as options separated by <c>|</c>: <c>[Draft | In Review | Approved]</c>
/// or, without brackets, <c>📋 Planned | 🚧 In Progress | ✅ Implemented</c>.
/// </summary>
public static class OptionList
{
    private const int MaxWordsPerOption = 5;

    /// <summary>
    /// The options of <paramref name="value"/> as written (emoji kept, trimmed), or empty when it is not an option
    /// list: at least two non-empty options of at most five words each, in brackets or not.
    /// </summary>
    public static ImmutableArray<string> Parse(string value)
    {
        var text = value.Trim();
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        if (!text.Contains('|', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal) || text.Contains(']', StringComparison.Ordinal))
        {
            return [];
        }

        var parts = text.Split('|');
        var options = ImmutableArray.CreateBuilder<string>(parts.Length);
        foreach (var part in parts)
        {
            var option = part.Trim();
            var normalized = MetadataKeys.StripDecorations(option);
            if (normalized.Length == 0 || normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWordsPerOption)
            {
                return [];
            }

            options.Add(option);
        }

        return options.Count >= 2 ? options.ToImmutable() : [];
    }

    /// <summary>
    /// True when <paramref name="value"/> is one of <paramref name="options"/>, compared without case and emoji; a
    /// value may go on after the option (<c>High (launch blocker)</c>) or join options with <c>/</c>.
    /// </summary>
    public static bool Accepts(ImmutableArray<string> options, string value)
    {
        var normalized = MetadataKeys.NormalizeValue(value);
        if (normalized.Length == 0)
        {
            return true;
        }

        var allowed = options.Select(MetadataKeys.NormalizeValue).Where(o => o.Length > 0).ToList();
        foreach (var option in allowed)
        {
            if (normalized == option)
            {
                return true;
            }

            if (normalized.StartsWith(option, StringComparison.Ordinal) && normalized.Length > option.Length && !char.IsAsciiLetterOrDigit(normalized[option.Length]))
            {
                return true;
            }
        }

        var pieces = normalized.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return pieces.Length > 1 && pieces.All(p => allowed.Contains(p));
    }

    /// <summary>The option as a user would write it as the value: its decorations kept (double-encoded emoji repaired), brackets removed.</summary>
    public static string Display(string option) => Mojibake.Repair(option.Trim());
}
