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
    internal const int MaxCandidateLength = 512;
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
        if (query.Length == 0)
        {
            return 0;
        }

        return Score(query.Length > MaxQueryLength ? query.AsSpan(0, MaxQueryLength) : query, candidate.AsSpan());
    }

    /// <summary>The same over spans, without allocating: a workspace query scores names it reads in place.</summary>
    internal static int? Score(ReadOnlySpan<char> query, ReadOnlySpan<char> candidate)
    {
        if (query.Length == 0)
        {
            return 0;
        }

        if (candidate.Length > MaxCandidateLength)
        {
            candidate = candidate[..MaxCandidateLength];
        }

        int n = query.Length;
        int m = candidate.Length;
        if (n > m)
        {
            return null;
        }

        const int None = int.MinValue / 2;

        // previous[j]: best score with query[..i] matched and query[i-1] matched at candidate[j].
        if (t_previous is null || t_previous.Length < m)
        {
            t_previous = new int[MaxCandidateLength];
            t_current = new int[MaxCandidateLength];
        }

        var previous = t_previous.AsSpan(0, m);
        var current = t_current.AsSpan(0, m);
        for (int i = 0; i < n; i++)
        {
            char q = char.ToLowerInvariant(query[i]);
            int bestBefore = i == 0 ? 0 : None;
            bool any = false;
            for (int j = 0; j < m; j++)
            {
                int score = None;
                if (char.ToLowerInvariant(candidate[j]) == q)
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

    private static int Bonus(ReadOnlySpan<char> candidate, int j)
    {
        if (j == 0)
        {
            return WordStartBonus + FirstCharacterBonus;
        }

        char before = candidate[j - 1];
        char c = candidate[j];
        if (!char.IsLetterOrDigit(before) || (char.IsLower(before) && char.IsUpper(c)) || (char.IsLetter(before) && char.IsDigit(c)))
        {
            return WordStartBonus;
        }

        return 0;
    }
}
