using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.References;

/// <summary>A written <c>[text][label]</c> or <c>[label][]</c>, whether or not its label is defined.</summary>
/// <param name="Label">The label.</param>
/// <param name="Range">The whole <c>[text][label]</c>.</param>
/// <param name="LabelRange">The label's text (for <c>[label][]</c>, the first brackets' text).</param>
public sealed record ReferenceLinkSyntax(string Label, TextRange Range, TextRange LabelRange);

/// <summary>
/// Finds full and collapsed reference links in the text. Markdig leaves undefined ones as plain text, so they are
/// found here, conservatively: never in code, comments or front matter, never glued to a word (<c>a[0][1]</c>),
/// never with escapes, and never the shortcut form <c>[label]</c>, which without a definition is just text.
/// </summary>
public static class ReferenceLinkScanner
{
    private const int MaxBracketText = 200;

    /// <summary>Every full or collapsed reference link in <paramref name="document"/> whose label passes <paramref name="include"/> (default: all).</summary>
    public static ImmutableArray<ReferenceLinkSyntax> Find(SpecDocument document, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Source.Text;
        var result = ImmutableArray.CreateBuilder<ReferenceLinkSyntax>();
        int k = 0;
        while ((k = text.IndexOf("][", k, StringComparison.Ordinal)) >= 0)
        {
            int middle = k;
            k += 2;
            int start = text.LastIndexOfAny(['[', ']', '\n', '\r'], Math.Max(0, middle - 1), Math.Min(middle, MaxBracketText));
            if (start < 0 || text[start] != '[')
            {
                continue;
            }

            int end = text.IndexOfAny(['[', ']', '\n', '\r'], middle + 2, Math.Min(text.Length - middle - 2, MaxBracketText));
            if (end < 0 || text[end] != ']')
            {
                continue;
            }

            if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is ']' or '\\' or '_'))
            {
                continue;
            }

            if (end + 1 < text.Length && text[end + 1] is '(' or '[' or ':')
            {
                continue;
            }

            var whole = text.AsSpan(start, end + 1 - start);
            if (whole.Contains('\\') || whole.Contains('`'))
            {
                continue;
            }

            bool collapsed = end == middle + 2;
            int labelStart = collapsed ? start + 1 : middle + 2;
            int labelEnd = collapsed ? middle : end;
            var label = text[labelStart..labelEnd];
            if (string.IsNullOrWhiteSpace(label) || label.StartsWith('^') || (include is not null && !include(label)))
            {
                continue;
            }

            var range = document.Source.GetRange(start, end + 1);
            if (IsExcluded(document, range))
            {
                continue;
            }

            result.Add(new ReferenceLinkSyntax(label, range, document.Source.GetRange(labelStart, labelEnd)));
            k = end + 1;
        }

        return result.ToImmutable();
    }

    private static bool IsExcluded(SpecDocument document, TextRange range)
    {
        if (document.FrontMatter is { } frontMatter && frontMatter.Range.Intersects(range))
        {
            return true;
        }

        foreach (var block in document.CodeBlocks)
        {
            if (block.Range.Contains(range.Start))
            {
                return true;
            }
        }

        foreach (var span in document.CodeSpans)
        {
            if (span.Intersects(range))
            {
                return true;
            }
        }

        foreach (var comment in document.HtmlComments)
        {
            if (comment.Range.Contains(range.Start))
            {
                return true;
            }
        }

        foreach (var link in document.Links)
        {
            if (link.Kind != LinkKind.Reference && link.Range.Contains(range.Start) && link.Range.Start != range.Start)
            {
                return true;
            }
        }

        return false;
    }
}
