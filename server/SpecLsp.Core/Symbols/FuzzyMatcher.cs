namespace SpecLsp.Core.Symbols;

/// <summary>
/// Case-insensitive subsequence matching with a score: every matched character counts, more at a word start
/// (the beginning, after a separator, or a lower-to-upper case change) and when it continues a contiguous run;
/// each gap between runs costs a little, so one contiguous run beats the same letters scattered over word starts.
/// The best alignment is found by dynamic programming over query × candidate, O(n·m).
/// </summary>
public static class FuzzyMatcher
{
    // Internal for SymbolMatcher's bound on what a name can score.
    internal const int MatchScore = 1;
    internal const int WordStartBonus = 8;
    internal const int FirstCharacterBonus = 4;
    internal const int ContiguousBonus = 10;
    internal const int GapPenalty = 3;
    private const int MaxQueryLength = 64;

    // A workspace query scores hundreds of thousands of names: the rows are reused, not allocated per name.
    [ThreadStatic]
    private static int[]? t_previous;

    [ThreadStatic]
    private static int[]? t_current;

    /// <summary>The score of <paramref name="candidate"/> for <paramref name="query"/>, or null when the query is not a subsequence of it. An empty query scores 0.</summary>
    public static int? Score(string query, string candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        Span<char> lowered = stackalloc char[query.Length];
        for (int i = 0; i < query.Length; i++)
        {
            lowered[i] = SymbolMatcher.Lower(query[i]);
        }

        return Score(lowered, SymbolText.Of(candidate));
    }

    /// <summary>The same over a lowered query (at most 64 characters) and a name's <see cref="SymbolText"/>.</summary>
    internal static int? Score(ReadOnlySpan<char> query, SymbolText candidate)
    {
        if (query.Length == 0)
        {
            return 0;
        }

        var text = candidate.Lowered;
        int n = query.Length;
        int m = text.Length;
        if (n > m)
        {
            return null;
        }

        const int None = int.MinValue / 2;

        // previous[j]: best score with query[..i] matched and query[i-1] matched at candidate[j].
        if (t_previous is null || t_previous.Length < m)
        {
            t_previous = new int[SymbolText.MaxLength];
            t_current = new int[SymbolText.MaxLength];
        }

        var previous = t_previous.AsSpan(0, m);
        var current = t_current.AsSpan(0, m);
        for (int i = 0; i < n; i++)
        {
            char q = query[i];
            int bestBefore = i == 0 ? 0 : None;
            bool any = false;
            for (int j = 0; j < m; j++)
            {
                int score = None;
                if (text[j] == q)
                {
                    int bonus = MatchScore + Bonus(candidate, j);
                    int gap = i == 0 || bestBefore <= None ? bestBefore : bestBefore - GapPenalty;
                    int run = i > 0 && j > 0 && previous[j - 1] > None ? previous[j - 1] + ContiguousBonus : None;
                    int best = Math.Max(gap, run);
                    if (best > None)
                    {
                        score = best + bonus;
                        any = true;
                    }
                }

                if (i > 0)
                {
                    // For the next j, any earlier match of query[i-1] may precede it with a gap.
                    bestBefore = Math.Max(bestBefore, previous[j]);
                }

                current[j] = score;
            }

            if (!any)
            {
                return null;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        int result = None;
        foreach (int score in previous)
        {
            result = Math.Max(result, score);
        }

        return result > None ? result : null;
    }

    // The beginning is a word start and counts more; see SymbolMatcher.IsWordStart.
    private static int Bonus(SymbolText candidate, int j) =>
        !candidate.IsWordStart(j) ? 0 : j == 0 ? WordStartBonus + FirstCharacterBonus : WordStartBonus;
}
