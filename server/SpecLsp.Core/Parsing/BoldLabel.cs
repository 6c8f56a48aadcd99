namespace SpecLsp.Core.Parsing;

/// <summary>
/// The one recogniser of a bold label with its colon, <c>**Key:**</c> or <c>**Key**:</c>, at the start of a span of
/// text (after any list marker or block-quote marker): the metadata fields the parser records and the labelled lines
/// the analyzers read (<see cref="Metadata.LabeledLine"/>) are both found by it. Offsets are relative to the span.
/// </summary>
/// <remarks>
/// The key is what is between the asterisks, without the colon and without white space before the colon: 1 to
/// <see cref="MaxKeyLength"/> characters, no asterisk, not starting with white space (<c>** Key:**</c> is not bold in
/// CommonMark). What a consumer accepts as a key beyond that (metadata keys have no brackets or code) is its own rule.
/// </remarks>
/// <param name="KeyStart">Where the key starts (just after the opening <c>**</c>).</param>
/// <param name="KeyEnd">Where the key ends, before the colon and any white space before it.</param>
/// <param name="LabelEnd">Just after the label: after the closing <c>**</c>, or after the colon that follows it.</param>
/// <param name="ColonInside">True for <c>**Key:**</c>, false for <c>**Key**:</c>.</param>
internal readonly record struct BoldLabel(int KeyStart, int KeyEnd, int LabelEnd, bool ColonInside)
{
    /// <summary>The longest key a label may have: longer bold text opening a line is a sentence, not a label.</summary>
    public const int MaxKeyLength = 60;

    /// <summary>The key's length.</summary>
    public int KeyLength => KeyEnd - KeyStart;

    /// <summary>The label at the start of <paramref name="text"/>; null when there is none.</summary>
    public static BoldLabel? Match(ReadOnlySpan<char> text)
    {
        if (text.Length < 5 || text[0] != '*' || text[1] != '*')
        {
            return null;
        }

        const int keyStart = 2;
        int close = text[keyStart..].IndexOf("**", StringComparison.Ordinal);
        if (close <= 0)
        {
            return null;
        }

        close += keyStart;
        var key = text[keyStart..close];
        if (key.Contains('*') || char.IsWhiteSpace(key[0]))
        {
            return null;
        }

        bool colonInside = key[^1] == ':';
        int labelEnd = close + 2;
        if (colonInside)
        {
            key = key[..^1];
        }
        else if (labelEnd < text.Length && text[labelEnd] == ':')
        {
            labelEnd++;
        }
        else
        {
            return null;
        }

        int keyLength = key.TrimEnd().Length;
        if (keyLength == 0 || keyLength > MaxKeyLength)
        {
            return null;
        }

        return new BoldLabel(keyStart, keyStart + keyLength, labelEnd, colonInside);
    }
}
