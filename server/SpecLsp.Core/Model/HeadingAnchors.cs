using System.Globalization;
using System.Text;

namespace SpecLsp.Core.Model;

/// <summary>
/// GitHub's heading anchors (the github-slugger rules) of a heading's rendered text: lower-cased as JavaScript
/// does (<c>İ</c> to <c>i̇</c>, a final <c>Σ</c> to <c>ς</c>); every character that is not alphabetic (letters,
/// letter numbers, circled and squared letters), a mark (Mn, Mc, Me: an emoji's variation selector U+FE0F and the
/// keycap U+20E3 stay), a decimal digit, a connector punctuation (such as <c>_</c>), a plain space or <c>-</c>
/// removed, so punctuation, emoji and every other white space (tab, line break, no-break space) go; each plain
/// space becomes <c>-</c>, runs of them included.
/// Repeated anchors get <c>-1</c>, <c>-2</c>… in document order.
/// </summary>
public static class HeadingAnchors
{
    /// <summary>The anchor of a heading whose rendered text is <paramref name="headingText"/>, before de-duplication.</summary>
    public static string Slug(string headingText)
    {
        ArgumentNullException.ThrowIfNull(headingText);
        if (Ascii.IsValid(headingText))
        {
            return AsciiSlug(headingText);
        }

        var builder = new StringBuilder(headingText.Length);
        Span<char> utf16 = stackalloc char[2];
        int index = 0;
        foreach (var original in headingText.EnumerateRunes())
        {
            int at = index;
            index += original.Utf16SequenceLength;
            if (original.Value == ' ')
            {
                builder.Append('-');
                continue;
            }

            if (original.Value == '-')
            {
                builder.Append('-');
                continue;
            }

            if (original.IsAscii)
            {
                // The ASCII letters, digits and '_' are kept, lower-cased; everything else in ASCII goes.
                char c = (char)original.Value;
                if (char.IsAsciiLetterOrDigit(c) || c == '_')
                {
                    builder.Append(char.ToLowerInvariant(c));
                }

                continue;
            }

            if (!IsKept(original))
            {
                continue;
            }

            // JavaScript's toLowerCase uses the full case mapping: 'İ' becomes 'i' and a combining dot above, and a
            // capital sigma at the end of a word becomes the final form 'ς'.
            if (original.Value == 0x0130)
            {
                builder.Append("i\u0307");
            }
            else if (original.Value == 0x03A3)
            {
                builder.Append(IsFinalSigma(headingText, at) ? 'ς' : 'σ');
            }
            else
            {
                var rune = Rune.ToLowerInvariant(original);
                builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }

        return builder.ToString();
    }

    // The same rules for text all in ASCII (nearly every heading), with one pass to count and one to write: a space
    // or '-' becomes '-', letters lower-cased, digits and '_' kept, every other character dropped.
    private static string AsciiSlug(string text)
    {
        int kept = 0;
        bool same = true;
        foreach (char c in text)
        {
            if (KeptAscii(c))
            {
                kept++;
                same &= c is not (' ' or (>= 'A' and <= 'Z'));
            }
            else
            {
                same = false;
            }
        }

        return same ? text : string.Create(kept, text, static (slug, text) =>
        {
            int n = 0;
            foreach (char c in text)
            {
                if (KeptAscii(c))
                {
                    slug[n++] = c == ' ' ? '-' : char.ToLowerInvariant(c);
                }
            }
        });
    }

    private static bool KeptAscii(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ' ' or '-';

    /// <summary>The anchors of a document's headings, in order, with <c>-1</c>, <c>-2</c>… for repeats.</summary>
    public static IReadOnlyList<string> Assign(IEnumerable<string> headingTexts)
    {
        ArgumentNullException.ThrowIfNull(headingTexts);
        var slugger = new Slugger();
        return headingTexts.Select(slugger.Next).ToList();
    }

    // Letters (and the letter-like symbols Unicode counts as alphabetic), marks, decimal digits and connector
    // punctuation: github-slugger's set, which is the \p{Word} class of GitHub's Ruby renderer.
    private static bool IsKept(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => true,
        UnicodeCategory.ConnectorPunctuation => true,
        UnicodeCategory.OtherSymbol => IsAlphabeticSymbol(rune.Value),
        _ => false,
    };

    // The symbols with the Alphabetic property: circled letters Ⓐ-ⓩ, squared, negative circled and negative squared
    // Latin capitals (🄰, 🅐, 🅰).
    private static bool IsAlphabeticSymbol(int value) =>
        value is (>= 0x24B6 and <= 0x24E9) or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189);

    // Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorable characters) and none after.
    private static bool IsFinalSigma(string text, int at)
    {
        bool before = false;
        for (int i = at; i > 0;)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, i), out var rune, out int length);
            i -= length;
            if (!IsCaseIgnorable(rune))
            {
                before = IsCased(rune);
                break;
            }
        }

        if (!before)
        {
            return false;
        }

        for (int i = at + 1; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int length);
            i += length;
            if (!IsCaseIgnorable(rune))
            {
                return !IsCased(rune);
            }
        }

        return true;
    }

    private static bool IsCased(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        || IsAlphabeticSymbol(rune.Value) || rune.Value is >= 0x2160 and <= 0x217F; // Roman numerals are cased

    private static bool IsCaseIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || rune.Value is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x2018 or 0x2019 or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;

    /// <summary>Hands out unique anchors for one document, in heading order.</summary>
    public sealed class Slugger
    {
        private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

        /// <summary>The anchor of the next heading: its slug, or the slug with the first free <c>-N</c> suffix.</summary>
        public string Next(string headingText) => Claim(Slug(headingText));

        /// <summary>The anchor of the next heading, whose <see cref="HeadingAnchors.Slug"/> is <paramref name="original"/>.</summary>
        public string Claim(string original)
        {
            ArgumentNullException.ThrowIfNull(original);
            string slug = original;
            while (_occurrences.ContainsKey(slug))
            {
                int count = ++_occurrences[original];
                slug = original + "-" + count.ToString(CultureInfo.InvariantCulture);
            }

            _occurrences[slug] = 0;
            return slug;
        }
    }
}
