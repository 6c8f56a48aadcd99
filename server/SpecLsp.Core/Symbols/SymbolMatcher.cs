namespace SpecLsp.Core.Symbols;

/// <summary>
/// Ranks symbol names for one query as an editor's symbol picker does (VS Code's quick open): the name itself, then
/// names starting with the query, then names with the query at a word start (<c>exp</c> in <c>FR1: Export CSV</c>),
/// then names whose word starts spell it in runs (<c>rp</c> in <c>Rollout Plan</c>, <c>explim</c> in
/// <c>Export limits</c>, camel humps), then any other name holding its letters in order. Case-insensitive.
/// </summary>
/// <remarks>
/// The tier is the score's high part; within the two fuzzy tiers <see cref="FuzzyMatcher"/> orders the names, within
/// the others an earlier match is better. A name that is not a subsequence is rejected after one linear scan, and a
/// name whose <see cref="CharMask"/> lacks a letter of the query needs no scan at all. Not thread-safe: one per query.
/// </remarks>
public sealed class SymbolMatcher
{
    /// <summary>Exact name (case-insensitive).</summary>
    public const int ExactTier = 4;

    /// <summary>The name starts with the query.</summary>
    public const int PrefixTier = 3;

    /// <summary>The query is in the name, starting at a word start.</summary>
    public const int WordTier = 2;

    /// <summary>The query is spelled by runs that each start at a word start.</summary>
    public const int WordStartsTier = 1;

    /// <summary>Any subsequence.</summary>
    public const int SubsequenceTier = 0;

    /// <summary>The weight of one tier in a score: more than any score inside a tier.</summary>
    public const int TierWeight = 100_000;

    private const int MaxQueryLength = 64;
    private const int MaxCandidateLength = FuzzyMatcher.MaxCandidateLength;

    private readonly string _query;
    private bool[] _runsPrevious = new bool[64];
    private bool[] _runsCurrent = new bool[64];

    /// <summary>A matcher for <paramref name="query"/> (trimmed; at most 64 characters count).</summary>
    public SymbolMatcher(string? query)
    {
        var trimmed = (query ?? string.Empty).Trim();
        if (trimmed.Length > MaxQueryLength)
        {
            trimmed = trimmed[..MaxQueryLength];
        }

        _query = string.Create(trimmed.Length, trimmed, static (span, q) =>
        {
            for (int i = 0; i < q.Length; i++)
            {
                span[i] = Lower(q[i]);
            }
        });
        Mask = CharMask.Of(_query);
        FirstBit = _query.Length == 0 ? 0 : CharMask.Bit(_query[0]);
        Bigrams = CharMask.Bigrams(_query);
    }

    /// <summary>The query, trimmed and lower-cased.</summary>
    public string Query => _query;

    /// <summary>The <see cref="CharMask"/> of the query: a name can match only if its mask holds every bit of this one.</summary>
    public ulong Mask { get; }

    /// <summary>The mask bit of the query's first character (0 for an empty query): a name reaches <see cref="WordStartsTier"/> or better only if a word of it starts with that character.</summary>
    public ulong FirstBit { get; }

    /// <summary>The query's pairs of adjacent characters as <see cref="CharMask.Bigrams"/> of a name holds them: a name lacking one cannot hold the query contiguously.</summary>
    public ulong Bigrams { get; }

    /// <summary>
    /// The tier of <paramref name="name"/> (<see cref="SubsequenceTier"/> to <see cref="ExactTier"/>), or -1 when it does
    /// not match or is below <paramref name="minTier"/> (only the checks that could reach it run). An empty query puts
    /// every name in <see cref="SubsequenceTier"/>. <paramref name="startsAWord"/> false says no word of the name starts
    /// with the query's first character (<see cref="FirstBit"/> is not in its <see cref="CharMask.OfWordStarts"/>), so
    /// only <see cref="SubsequenceTier"/> is possible.
    /// </summary>
    public int Tier(string name, int minTier = SubsequenceTier, bool startsAWord = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Tier(name.AsSpan(), minTier, startsAWord);
    }

    /// <summary><see cref="Tier(string, int, bool)"/> over a name read in place.</summary>
    internal int Tier(ReadOnlySpan<char> name, int minTier = SubsequenceTier, bool startsAWord = true)
    {
        var q = _query;
        if (q.Length == 0)
        {
            return minTier <= SubsequenceTier ? SubsequenceTier : -1;
        }

        var candidate = name.Length > MaxCandidateLength ? name[..MaxCandidateLength] : name;
        if (minTier <= SubsequenceTier && !IsSubsequence(q, candidate))
        {
            return -1;
        }

        if (!startsAWord)
        {
            return minTier <= SubsequenceTier ? SubsequenceTier : -1;
        }

        if (StartsWith(candidate, 0, q))
        {
            return candidate.Length == q.Length ? ExactTier : PrefixTier;
        }

        if (minTier > WordTier)
        {
            return -1;
        }

        if (WordMatch(candidate, q) >= 0)
        {
            return WordTier;
        }

        if (minTier > WordStartsTier)
        {
            return -1;
        }

        return SpelledByWordStarts(candidate, q) ? WordStartsTier : minTier <= SubsequenceTier ? SubsequenceTier : -1;
    }

    /// <summary>The score of <paramref name="name"/> in <paramref name="tier"/> (from <see cref="Tier(string, int, bool)"/>): higher is better.</summary>
    public int Score(string name, int tier)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Score(name.AsSpan(), tier);
    }

    /// <summary><see cref="Score(string, int)"/> over a name read in place.</summary>
    internal int Score(ReadOnlySpan<char> name, int tier)
    {
        int inTier = tier switch
        {
            ExactTier or PrefixTier => 0,
            WordTier => -WordMatch(name.Length > MaxCandidateLength ? name[..MaxCandidateLength] : name, _query),
            // One character matched at no word start (else it would be in WordTier) scores 1 in FuzzyMatcher: no DP needed.
            SubsequenceTier when _query.Length == 1 => 1,
            _ => FuzzyMatcher.Score(_query, name) ?? 0,
        };
        return (tier * TierWeight) + inTier;
    }

    /// <summary>The score of <paramref name="name"/>, or null when it does not match.</summary>
    public int? Score(string name)
    {
        int tier = Tier(name);
        return tier < 0 ? null : Score(name, tier);
    }

    /// <summary>
    /// The most a name can score, from its summaries alone: its <see cref="CharMask.OfWordStarts"/>, its
    /// <see cref="CharMask.Bigrams"/> and its length, taking for granted that it may start with the query's first
    /// character (when it does not, <see cref="NotStartingBound"/> caps any bound above it). A query compares this with
    /// the worst result it keeps and skips the name's matching when it could not enter. The name must hold every bit
    /// of <see cref="Mask"/>.
    /// </summary>
    internal int UpperBound(ulong wordStarts, ulong bigrams, int length)
    {
        bool startsAWord = (wordStarts & FirstBit) != 0;
        if (startsAWord && (bigrams & Bigrams) == Bigrams)
        {
            return length == _query.Length ? ExactTier * TierWeight : PrefixTier * TierWeight;
        }

        return (startsAWord ? WordStartsTier * TierWeight : 0) + FuzzyUpperBound(wordStarts, bigrams, startsAWord);
    }

    /// <summary>The most a name not starting with the query's first character can score: the query at a later word start.</summary>
    internal const int NotStartingBound = (WordTier * TierWeight) - 1;

    // What FuzzyMatcher can give: each character matched once, with the word-start bonus only where a word starts
    // with it, each later character contiguous only where the name holds the pair, else after a gap.
    private int FuzzyUpperBound(ulong wordStarts, ulong bigrams, bool startsAWord)
    {
        var q = _query;
        if (q.Length == 0)
        {
            return 0;
        }

        int bound = FuzzyMatcher.MatchScore + (startsAWord ? FuzzyMatcher.WordStartBonus + FuzzyMatcher.FirstCharacterBonus : 0);
        for (int i = 1; i < q.Length; i++)
        {
            bound += FuzzyMatcher.MatchScore
                + ((wordStarts & CharMask.Bit(q[i])) != 0 ? FuzzyMatcher.WordStartBonus : 0)
                + ((bigrams & CharMask.Bigram(q[i - 1], q[i])) != 0 ? FuzzyMatcher.ContiguousBonus : -FuzzyMatcher.GapPenalty);
        }

        return bound;
    }

    /// <summary>True when the character at <paramref name="j"/> starts a word: the beginning, after a separator, a lower-to-upper case change or a letter-to-digit change.</summary>
    internal static bool IsWordStart(ReadOnlySpan<char> candidate, int j)
    {
        if (j == 0)
        {
            return true;
        }

        return IsWordStart(candidate[j - 1], candidate[j]);
    }

    /// <summary>True when <paramref name="c"/>, after <paramref name="before"/>, starts a word (see <see cref="IsWordStart(ReadOnlySpan{char}, int)"/>).</summary>
    internal static bool IsWordStart(char before, char c) =>
        !char.IsLetterOrDigit(before) || (char.IsLower(before) && char.IsUpper(c)) || (char.IsLetter(before) && char.IsDigit(c));

    internal static char Lower(char c) =>
        (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c < 128 ? c : char.ToLowerInvariant(c);

    private static bool IsSubsequence(string q, ReadOnlySpan<char> candidate)
    {
        int i = 0;
        for (int j = 0; j < candidate.Length && candidate.Length - j >= q.Length - i; j++)
        {
            if (Lower(candidate[j]) == q[i] && ++i == q.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(ReadOnlySpan<char> candidate, int at, string q)
    {
        if (candidate.Length - at < q.Length)
        {
            return false;
        }

        for (int i = 0; i < q.Length; i++)
        {
            if (Lower(candidate[at + i]) != q[i])
            {
                return false;
            }
        }

        return true;
    }

    // The first word start where the whole query follows, or -1.
    private static int WordMatch(ReadOnlySpan<char> candidate, string q)
    {
        for (int j = 0; j + q.Length <= candidate.Length; j++)
        {
            if (Lower(candidate[j]) == q[0] && IsWordStart(candidate, j) && StartsWith(candidate, j, q))
            {
                return j;
            }
        }

        return -1;
    }

    // The query splits into runs, each matched contiguously from a word start, in order: O(query × name).
    private bool SpelledByWordStarts(ReadOnlySpan<char> candidate, string q)
    {
        int m = candidate.Length;
        if (_runsPrevious.Length < m)
        {
            _runsPrevious = new bool[m * 2];
            _runsCurrent = new bool[m * 2];
        }

        var previous = _runsPrevious;
        var current = _runsCurrent;
        for (int i = 0; i < q.Length; i++)
        {
            bool anyBefore = i == 0;
            bool any = false;
            for (int j = 0; j < m; j++)
            {
                bool matched = Lower(candidate[j]) == q[i]
                    && ((i > 0 && j > 0 && previous[j - 1]) || (anyBefore && IsWordStart(candidate, j)));
                if (i > 0 && previous[j])
                {
                    anyBefore = true;
                }

                current[j] = matched;
                any |= matched;
            }

            if (!any)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return true;
    }
}

/// <summary>
/// A 64-bit summary of the characters of a name, case-folded: one bit per ASCII letter and digit, a few for the rest.
/// A query can be in a name only if the name's mask holds every bit of the query's.
/// </summary>
public static class CharMask
{
    /// <summary>The mask of <paramref name="text"/>.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (char c in text)
        {
            mask |= Bit(c);
        }

        return mask;
    }

    /// <summary>The mask of the characters that start a word of <paramref name="text"/> (see <see cref="SymbolMatcher"/>).</summary>
    public static ulong OfWordStarts(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        for (int j = 0; j < text.Length; j++)
        {
            if (SymbolMatcher.IsWordStart(text, j))
            {
                mask |= Bit(text[j]);
            }
        }

        return mask;
    }

    /// <summary>
    /// One bit per pair of adjacent characters in the first 512 of <paramref name="text"/> (as far as the matchers
    /// read), case-folded and hashed into 64: a pair whose <see cref="Bigram"/> is missing is not there.
    /// </summary>
    public static ulong Bigrams(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        int length = Math.Min(text.Length, FuzzyMatcher.MaxCandidateLength);
        for (int j = 1; j < length; j++)
        {
            mask |= Bigram(SymbolMatcher.Lower(text[j - 1]), SymbolMatcher.Lower(text[j]));
        }

        return mask;
    }

    /// <summary>
    /// <see cref="Of"/>, <see cref="OfWordStarts"/> and <see cref="Bigrams"/> of <paramref name="text"/> in one pass,
    /// each character lowered once: how the symbol tables summarise every name when a scan lands.
    /// </summary>
    public static (ulong Mask, ulong WordStarts, ulong Bigrams) Summarize(ReadOnlySpan<char> text)
    {
        ulong mask = 0, wordStarts = 0, bigrams = 0;
        char before = '\0', lowerBefore = '\0';
        int pairs = Math.Min(text.Length, FuzzyMatcher.MaxCandidateLength);
        for (int j = 0; j < text.Length; j++)
        {
            char c = text[j];
            char lower = SymbolMatcher.Lower(c);
            ulong bit = BitOfLowered(lower);
            mask |= bit;
            if (j == 0 || SymbolMatcher.IsWordStart(before, c))
            {
                wordStarts |= bit;
            }

            if (j > 0 && j < pairs)
            {
                bigrams |= Bigram(lowerBefore, lower);
            }

            before = c;
            lowerBefore = lower;
        }

        return (mask, wordStarts, bigrams);
    }

    /// <summary>The bit of the pair <paramref name="a"/>, <paramref name="b"/> (both lowered).</summary>
    public static ulong Bigram(char a, char b) => 1UL << (int)((((uint)a << 16) | b) * 0x9E3779B1u >> 26);

    /// <summary>The bit of one character.</summary>
    public static ulong Bit(char c) => BitOfLowered(SymbolMatcher.Lower(c));

    private static ulong BitOfLowered(char lower) =>
        lower switch
        {
            >= 'a' and <= 'z' => 1UL << (lower - 'a'),
            >= '0' and <= '9' => 1UL << (26 + lower - '0'),
            < (char)128 => 1UL << (36 + (lower % 27)),
            _ => 1UL << 63,
        };
}
