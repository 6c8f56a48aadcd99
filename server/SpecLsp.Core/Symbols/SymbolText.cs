namespace SpecLsp.Core.Symbols;

/// <summary>
/// A symbol name as the matchers read it: lower-cased (<see cref="SymbolMatcher.Lower"/>), cut to
/// <see cref="MaxLength"/> characters, with one bit per character saying whether it starts a word of the original
/// (<see cref="SymbolMatcher.IsWordStart"/>, which needs the case the lowered text lost).
/// </summary>
/// <remarks>
/// A workspace table keeps every name of a file in one lowered buffer and one bit array, so a query reads them
/// contiguously instead of chasing a string per name and lowering each character again for every query.
/// </remarks>
internal readonly ref struct SymbolText
{
    /// <summary>The matchers look at no more of a name than this.</summary>
    public const int MaxLength = 512;

    private readonly ReadOnlySpan<ulong> _wordStarts;
    private readonly int _offset;

    public SymbolText(ReadOnlySpan<char> lowered, ReadOnlySpan<ulong> wordStarts, int offset)
    {
        Lowered = lowered;
        _wordStarts = wordStarts;
        _offset = offset;
    }

    /// <summary>The lowered characters.</summary>
    public ReadOnlySpan<char> Lowered { get; }

    /// <summary>The number of characters the matchers see.</summary>
    public int Length => Lowered.Length;

    /// <summary>Builds the text of one name (for callers matching a single string; the tables build theirs in bulk).</summary>
    public static SymbolText Of(string name)
    {
        int length = Math.Min(name.Length, MaxLength);
        var lowered = new char[length];
        var bits = new ulong[(length + 63) / 64];
        Write(name, lowered, bits, 0);
        return new SymbolText(lowered, bits, 0);
    }

    /// <summary>
    /// Writes the first <see cref="MaxLength"/> characters of <paramref name="name"/>, lowered, into
    /// <paramref name="lowered"/> and sets the bits of its word starts from bit <paramref name="offset"/> of
    /// <paramref name="wordStarts"/>; returns the number of characters written.
    /// </summary>
    public static int Write(ReadOnlySpan<char> name, Span<char> lowered, Span<ulong> wordStarts, int offset)
    {
        int length = Math.Min(name.Length, MaxLength);
        for (int j = 0; j < length; j++)
        {
            lowered[j] = SymbolMatcher.Lower(name[j]);
            if (SymbolMatcher.IsWordStart(name, j))
            {
                int k = offset + j;
                wordStarts[k >> 6] |= 1UL << k;
            }
        }

        return length;
    }

    /// <summary>True when character <paramref name="j"/> starts a word.</summary>
    public bool IsWordStart(int j)
    {
        int k = _offset + j;
        return (_wordStarts[k >> 6] & (1UL << k)) != 0;
    }
}
