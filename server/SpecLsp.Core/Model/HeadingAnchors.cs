using System.Globalization;
using System.Text;

namespace SpecLsp.Core.Model;

/// <summary>
/// GitHub's heading anchors (the github-slugger rules): the heading's text lower-cased; every character
/// that is not a letter, a combining mark (Mn, Mc), a decimal or letter number (Nd, Nl), a connector
/// punctuation (such as <c>_</c>), a space or <c>-</c> removed (so punctuation and emoji go, while an emoji's
/// invisible variation selector U+FE0F, a mark, stays, exactly as on GitHub); each space becomes <c>-</c>.
/// Repeated anchors get <c>-1</c>, <c>-2</c>… in document order.
/// </summary>
public static class HeadingAnchors
{
    /// <summary>The anchor of a heading whose text, as a reader sees it, is <paramref name="headingText"/>, before de-duplication.</summary>
    public static string Slug(string headingText)
    {
        ArgumentNullException.ThrowIfNull(headingText);
        var builder = new StringBuilder(headingText.Length);
        Span<char> utf16 = stackalloc char[2];
        foreach (var original in headingText.EnumerateRunes())
        {
            var rune = Rune.ToLowerInvariant(original);
            if (rune.Value == ' ')
            {
                builder.Append('-');
            }
            else if (rune.Value == '-' || (rune.IsAscii ? char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '_' : IsKept(Rune.GetUnicodeCategory(rune))))
            {
                builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The anchors of a document's headings, in order, with <c>-1</c>, <c>-2</c>… for repeats.</summary>
    public static IReadOnlyList<string> Assign(IEnumerable<string> headingTexts)
    {
        ArgumentNullException.ThrowIfNull(headingTexts);
        var slugger = new Slugger();
        return headingTexts.Select(slugger.Next).ToList();
    }

    private static bool IsKept(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => true,
        UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

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
