using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Templates;

/// <summary>The parts of a parsed document that templates work on.</summary>
public static class DocumentSections
{
    /// <summary>
    /// The sections that play the role of a template's H2s: the children of every H1 and any top-level section
    /// that is not an H1 (a file without a title, or sections before it), in document order.
    /// </summary>
    public static ImmutableArray<Section> TopLevel(SpecDocument document) => TopLevel(document, titled: true);

    /// <summary>
    /// The sections that play the role of a template's top-level sections. With <paramref name="titled"/> (a template
    /// with a title heading) as <see cref="TopLevel(SpecDocument)"/>; without, the document's outermost sections
    /// whatever their level, unless its only outermost section is an H1 (then that H1 is a title and its children
    /// are the sections).
    /// </summary>
    public static ImmutableArray<Section> TopLevel(SpecDocument document, bool titled)
    {
        if (!titled)
        {
            var outer = document.Sections;
            return outer.Length == 1 && outer[0].Level == 1 ? outer[0].Children : outer;
        }

        var builder = ImmutableArray.CreateBuilder<Section>();
        foreach (var section in document.Sections)
        {
            if (section.Level == 1)
            {
                builder.AddRange(section.Children);
            }
            else
            {
                builder.Add(section);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The range that stands for the document as a whole: its H1's heading, else its first line.</summary>
    public static TextRange RootRange(SpecDocument document) =>
        document.Title?.HeadingRange ?? new TextRange(0, 0, 0, document.Source.GetLineText(0).Length);

    /// <summary>
    /// True when <paramref name="range"/> holds nothing a reader would count as content: white space, HTML
    /// comments (template prompts) and thematic breaks (<c>---</c>) only.
    /// </summary>
    public static bool IsBlank(SpecDocument document, TextRange range)
    {
        var text = document.Source.GetText(range);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return IsBlankText(text);
    }

    /// <summary>The same test as <see cref="IsBlank"/> over plain text.</summary>
    public static bool IsBlankText(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                int end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return true;
                }

                i = end + 3;
                continue;
            }

            int lineEnd = text.IndexOfAny(['\r', '\n'], i);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (!IsThematicBreak(text.AsSpan(i, lineEnd - i)))
            {
                return false;
            }

            i = lineEnd;
        }

        return true;
    }

    /// <summary>True for a thematic break line such as <c>---</c>, <c>***</c> or <c>_ _ _</c>.</summary>
    public static bool IsThematicBreak(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length < 3 || line[0] is not ('-' or '*' or '_'))
        {
            return false;
        }

        char mark = line[0];
        int count = 0;
        foreach (char c in line)
        {
            if (c == mark)
            {
                count++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return count >= 3;
    }
}
