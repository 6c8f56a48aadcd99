using System.Collections.Immutable;

namespace SpecLsp.Core.Templates;

/// <summary>
/// A template heading with placeholders, such as <c>Feature Specification: [Feature Name]</c>: the literal parts
/// must appear in order and each placeholder stands for any text, so <c>Feature Specification: CSV Export</c>
/// matches and <c>[Feature Name]</c> alone matches any title. Compared on normalised titles.
/// </summary>
public sealed class TitlePattern
{
    private readonly ImmutableArray<string> _literals;
    private readonly bool _startsWithPlaceholder;
    private readonly bool _endsWithPlaceholder;

    private TitlePattern(ImmutableArray<string> literals, bool startsWithPlaceholder, bool endsWithPlaceholder)
    {
        _literals = literals;
        _startsWithPlaceholder = startsWithPlaceholder;
        _endsWithPlaceholder = endsWithPlaceholder;
    }

    /// <summary>True when the pattern is a single placeholder and so matches every title.</summary>
    public bool MatchesAnything => _literals.IsEmpty;

    /// <summary>The pattern of <paramref name="normalizedTitle"/>, or null when it has no placeholder.</summary>
    public static TitlePattern? TryCreate(string normalizedTitle)
    {
        // A bare date placeholder is as much a placeholder as a bracketed one (### YYYY-MM-DD in a changelog).
        normalizedTitle = normalizedTitle.Replace("[yyyy-mm-dd]", "[date]", StringComparison.Ordinal).Replace("yyyy-mm-dd", "[date]", StringComparison.Ordinal);
        var tokens = new List<(bool IsPlaceholder, string Text)>();
        int i = 0;
        int literalStart = 0;
        while (i < normalizedTitle.Length)
        {
            if (normalizedTitle[i] == '[')
            {
                int close = normalizedTitle.IndexOf(']', i + 1);
                if (close > i + 1 && !normalizedTitle.AsSpan(i + 1, close - i - 1).Contains('['))
                {
                    if (i > literalStart)
                    {
                        tokens.Add((false, normalizedTitle[literalStart..i]));
                    }

                    tokens.Add((true, string.Empty));
                    i = close + 1;
                    literalStart = i;
                    continue;
                }
            }

            i++;
        }

        if (!tokens.Exists(t => t.IsPlaceholder))
        {
            return null;
        }

        if (literalStart < normalizedTitle.Length)
        {
            tokens.Add((false, normalizedTitle[literalStart..]));
        }

        var literals = tokens.Where(t => !t.IsPlaceholder).Select(t => t.Text.Trim()).Where(t => t.Length > 0).ToImmutableArray();
        return new TitlePattern(literals, tokens[0].IsPlaceholder || tokens[0].Text.Trim().Length == 0, tokens[^1].IsPlaceholder || tokens[^1].Text.Trim().Length == 0);
    }

    /// <summary>True when <paramref name="normalizedTitle"/> fits the pattern.</summary>
    public bool IsMatch(string normalizedTitle)
    {
        int at = 0;
        for (int k = 0; k < _literals.Length; k++)
        {
            string literal = _literals[k];
            if (k == 0 && !_startsWithPlaceholder)
            {
                if (!normalizedTitle.StartsWith(literal, StringComparison.Ordinal))
                {
                    return false;
                }

                at = literal.Length;
                continue;
            }

            if (k == _literals.Length - 1 && !_endsWithPlaceholder)
            {
                return normalizedTitle.Length - literal.Length >= at && normalizedTitle.EndsWith(literal, StringComparison.Ordinal);
            }

            int found = normalizedTitle.IndexOf(literal, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + literal.Length;
        }

        return true;
    }
}
