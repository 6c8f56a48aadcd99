using System.Text;

namespace SpecLsp.Core.Templates;

/// <summary>
/// How section titles are compared. A title is normalised by dropping a leading outline number
/// (<c>1.</c>, <c>3.2.1</c>, <c>2)</c>), lower-casing, collapsing white space and dropping a trailing colon, so
/// <c>## 2. User Stories and Requirements</c> and <c>## user stories  and requirements:</c> are the same section.
/// </summary>
public static class SectionTitles
{
    /// <summary>The normalised form of <paramref name="title"/>; a trailing <see cref="StripMarker">marker</see> is not part of it.</summary>
    public static string Normalize(string title)
    {
        var span = StripOutlineNumber(StripMarker(title, out _).AsSpan().Trim());
        var builder = new StringBuilder(span.Length);
        bool pendingSpace = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        while (builder.Length > 0 && builder[^1] == ':')
        {
            builder.Length--;
        }

        return WithoutMarker(builder.ToString().TrimEnd());
    }

    // Markers some formats append to a heading that are not part of its title: spec-kit's *(mandatory)*, a KEP's (Optional) or [optional].
    private static readonly string[] s_markers = ["(mandatory)", "(required)", "(optional)", "[optional]"];

    /// <summary><paramref name="title"/> without a trailing marker such as <c>(mandatory)</c> or <c>[optional]</c> (any case), for messages.</summary>
    public static string WithoutMarker(string title)
    {
        string trimmed = title.TrimEnd();
        foreach (var marker in s_markers)
        {
            if (trimmed.Length > marker.Length && trimmed.EndsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[..^marker.Length].TrimEnd().TrimEnd(':').TrimEnd();
            }
        }

        return trimmed;
    }

    /// <summary>
    /// <paramref name="title"/> without a trailing marker that says whether the section is required:
    /// <c>(Optional)</c> in any case, also in emphasis (<c>*(optional)*</c>, <c>_(optional)_</c>), an italic
    /// condition (<c>*(include if the feature stores data)*</c>, <c>(if applicable)</c>), or <c>(mandatory)</c>.
    /// Other parentheses (<c>(Priority: P1)</c>) stay; a title that is only a marker is returned unchanged.
    /// </summary>
    /// <param name="title">A heading title, with or without its inline markup.</param>
    /// <param name="marker">What the marker says; <see cref="SectionMarker.None"/> without one.</param>
    public static string StripMarker(string title, out SectionMarker marker)
    {
        marker = SectionMarker.None;
        var span = title.AsSpan().TrimEnd();
        var end = span.TrimEnd("*_").TrimEnd();
        if (end.Length == 0 || end[^1] != ')')
        {
            return title;
        }

        int open = end.LastIndexOf('(');
        if (open < 0)
        {
            return title;
        }

        var content = end[(open + 1)..^1].Trim();
        var kind = content.Equals("optional", StringComparison.OrdinalIgnoreCase) || content.StartsWith("if ", StringComparison.OrdinalIgnoreCase)
            || content.StartsWith("include if ", StringComparison.OrdinalIgnoreCase)
            ? SectionMarker.Optional
            : content.Equals("mandatory", StringComparison.OrdinalIgnoreCase) ? SectionMarker.Mandatory : SectionMarker.None;
        if (kind == SectionMarker.None)
        {
            return title;
        }

        var before = end[..open].TrimEnd("*_").TrimEnd();
        if (before.IsEmpty)
        {
            return title;
        }

        marker = kind;
        return before.ToString();
    }

    /// <summary>
    /// <paramref name="title"/> without a leading outline number such as <c>1.</c>, <c>1.1</c> or <c>3.2.1</c>
    /// (components of at most three digits, followed by white space).
    /// </summary>
    public static ReadOnlySpan<char> StripOutlineNumber(ReadOnlySpan<char> title)
    {
        int i = 0;
        int components = 0;
        while (true)
        {
            int start = i;
            while (i < title.Length && char.IsAsciiDigit(title[i]) && i - start < 4)
            {
                i++;
            }

            int digits = i - start;
            if (digits == 0 || digits > 3)
            {
                return components == 0 ? title : Finish(title, i, components);
            }

            components++;
            if (i < title.Length && title[i] == '.' && i + 1 < title.Length && char.IsAsciiDigit(title[i + 1]))
            {
                i++;
                continue;
            }

            if (i < title.Length && (title[i] == '.' || title[i] == ')'))
            {
                i++;
            }

            return Finish(title, i, components);
        }

        static ReadOnlySpan<char> Finish(ReadOnlySpan<char> title, int i, int components)
        {
            if (components == 0 || i >= title.Length || !char.IsWhiteSpace(title[i]))
            {
                return title;
            }

            return title[i..].TrimStart();
        }
    }

    /// <summary>
    /// Reads a numbered group member such as <c>FR1: Name</c>, <c>US-2: Title</c>, <c>Phase 3: Name</c> or
    /// <c>Test Case 1:</c>: a prefix of letters (with spaces or hyphens), a number, then the end of the title or a
    /// separator (<c>:</c>, <c>.</c>, <c>)</c> or a dash) and the rest.
    /// </summary>
    /// <returns>The member, or null when <paramref name="title"/> is not one.</returns>
    public static NumberedTitle? ParseNumbered(string title)
    {
        var span = StripMarker(title, out _).AsSpan().Trim();
        if (span.IsEmpty || !char.IsAsciiLetter(span[0]))
        {
            return null;
        }

        int i = 0;
        while (i < span.Length && i <= 30 && (char.IsAsciiLetter(span[i]) || span[i] == ' ' || span[i] == '-'))
        {
            i++;
        }

        if (i == 0 || i > 30 || i >= span.Length || !char.IsAsciiDigit(span[i]))
        {
            return null;
        }

        var prefix = span[..i];
        if (prefix.Count(' ') > 2)
        {
            return null;
        }

        int numberStart = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]) && i - numberStart < 5)
        {
            i++;
        }

        if (i - numberStart > 4 || (i < span.Length && char.IsAsciiDigit(span[i])))
        {
            return null;
        }

        int number = int.Parse(span[numberStart..i], System.Globalization.CultureInfo.InvariantCulture);
        int width = span[numberStart] == '0' ? i - numberStart : 1;
        int afterNumber = i;
        string separator;
        string rest;
        if (i == span.Length)
        {
            separator = string.Empty;
            rest = string.Empty;
        }
        else
        {
            int j = i;
            while (j < span.Length && span[j] == ' ')
            {
                j++;
            }

            if (j < span.Length && span[j] is ':' or ')' or '-' or '\u2013' or '\u2014' or '.')
            {
                char mark = span[j];
                j++;
                if (mark == '.' && j < span.Length && char.IsAsciiDigit(span[j]))
                {
                    return null;
                }

                if (j < span.Length && span[j] != ' ')
                {
                    return null;
                }

                separator = span[afterNumber..j].ToString();
                rest = span[j..].Trim().ToString();
            }
            else
            {
                return null;
            }
        }

        string key = GroupKey(prefix);
        return key.Length == 0 ? null : new NumberedTitle(prefix.ToString(), key, number, width, separator, rest);
    }

    private static string GroupKey(ReadOnlySpan<char> prefix)
    {
        var builder = new StringBuilder(prefix.Length);
        foreach (char c in prefix)
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

/// <summary>What a marker at the end of a heading says (see <see cref="SectionTitles.StripMarker"/>).</summary>
public enum SectionMarker
{
    /// <summary>No marker.</summary>
    None,

    /// <summary><c>(Optional)</c> or a condition: the section is optional.</summary>
    Optional,

    /// <summary><c>(mandatory)</c>: the section is required.</summary>
    Mandatory,
}

/// <summary>A title of a numbered group member (<c>FR2: Export</c>).</summary>
/// <param name="Prefix">The prefix as written, with any hyphen or space before the number (<c>FR</c>, <c>US-</c>, <c>Phase </c>).</param>
/// <param name="Key">The prefix's letters, lower case: what makes siblings one group (<c>fr</c>, <c>us</c>, <c>testcase</c>).</param>
/// <param name="Number">The member's number.</param>
/// <param name="Width">How many digits a zero-padded number was written with (3 for <c>FR-001</c>), else 1.</param>
/// <param name="Separator">What follows the number up to the rest, as written (<c>:</c>, <c> -</c>); empty at the end.</param>
/// <param name="Rest">The text after the separator, trimmed (<c>Export</c>); may be empty.</param>
public sealed record NumberedTitle(string Prefix, string Key, int Number, int Width, string Separator, string Rest)
{
    /// <summary>The title of member <paramref name="number"/> written like this one, without its rest.</summary>
    public string FormatLabel(int number) =>
        Prefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Width, '0') + (Separator.Length == 0 ? ":" : Separator);
}
