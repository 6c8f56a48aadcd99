using System.Collections.Immutable;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.SemanticTokens;

/// <summary>What a semantic token marks. Only spec meaning a Markdown grammar cannot see: headings, emphasis, links and code it colours already.</summary>
public enum SpecTokenType
{
    /// <summary>A requirement, story or other ID (<c>FR-001</c>, <c>US-2</c>), defined or mentioned.</summary>
    Id,

    /// <summary>A metadata key written in Markdown (<c>**Status:**</c>); front-matter keys are YAML, which the grammar colours.</summary>
    MetadataKey,

    /// <summary>A metadata value (<c>Draft</c>).</summary>
    MetadataValue,

    /// <summary>Text left to fill in: <c>[Feature Name]</c>, <c>[YYYY-MM-DD]</c>, <c>[NEEDS CLARIFICATION: …]</c>.</summary>
    Placeholder,

    /// <summary>An RFC 2119 / RFC 8174 keyword in capitals: MUST, MUST NOT, SHALL, SHOULD, MAY, REQUIRED, RECOMMENDED, OPTIONAL.</summary>
    Keyword,
}

/// <summary>Refinements of a token.</summary>
[Flags]
public enum SpecTokenModifiers
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Where an ID is defined (its heading, bold label, task line, table cell or metadata value).</summary>
    Definition = 1,
}

/// <summary>One token: a single-line range of the document.</summary>
/// <param name="Range">Its text (start and end on one line).</param>
/// <param name="Type">What it marks.</param>
/// <param name="Modifiers">Its refinements.</param>
public readonly record struct SpecToken(TextRange Range, SpecTokenType Type, SpecTokenModifiers Modifiers);

/// <summary>
/// The semantic tokens of a document: one line each, none overlapping, in document order. Where two would overlap
/// (a placeholder that is a metadata value, an ID that is one), the more specific one wins: placeholder, then ID,
/// then metadata, then keyword.
/// </summary>
public static class SpecTokens
{
    /// <summary>The tokens of <paramref name="document"/>; <paramref name="placeholders"/> are the ranges its analysis reports as unfilled.</summary>
    public static ImmutableArray<SpecToken> Compute(SpecDocument document, IEnumerable<TextRange> placeholders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(placeholders);
        var kept = new Dictionary<int, List<(int Start, int End)>>();
        var result = new List<SpecToken>();

        void Add(TextRange range, SpecTokenType type, SpecTokenModifiers modifiers = SpecTokenModifiers.None)
        {
            // A range over several lines (a placeholder that wraps) is one token a line; empty pieces are dropped.
            for (int line = range.Start.Line; line <= range.End.Line; line++)
            {
                int start = line == range.Start.Line ? range.Start.Character : 0;
                int end = line == range.End.Line ? range.End.Character : document.Source.GetLineText(line).Length;
                if (end <= start)
                {
                    continue;
                }

                if (!kept.TryGetValue(line, out var taken))
                {
                    kept[line] = taken = [];
                }

                if (taken.Exists(t => t.Start < end && start < t.End))
                {
                    continue;
                }

                taken.Add((start, end));
                result.Add(new SpecToken(new TextRange(line, start, line, end), type, modifiers));
            }
        }

        foreach (var placeholder in placeholders)
        {
            Add(placeholder, SpecTokenType.Placeholder);
        }

        foreach (var definition in document.IdDefinitions)
        {
            Add(definition.Range, SpecTokenType.Id, SpecTokenModifiers.Definition);
        }

        foreach (var mention in document.IdMentions)
        {
            Add(mention.Range, SpecTokenType.Id);
        }

        foreach (var field in document.Metadata)
        {
            if (field.Style == MetadataStyle.FrontMatter)
            {
                continue;
            }

            Add(field.KeyRange, SpecTokenType.MetadataKey);
            Add(field.ValueRange, SpecTokenType.MetadataValue);
        }

        cancellationToken.ThrowIfCancellationRequested();
        AddKeywords(document, range => Add(range, SpecTokenType.Keyword));
        result.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return [.. result];
    }

    // Longest first, so that "MUST NOT" is one keyword (with one space: a line break between makes it prose).
    private static readonly string[] Keywords = ["NOT RECOMMENDED", "SHOULD NOT", "SHALL NOT", "MUST NOT", "RECOMMENDED", "REQUIRED", "OPTIONAL", "SHOULD", "SHALL", "MUST", "MAY"];

    // Capitals only: RFC 8174 says lower-case "must" is plain English. Not in code, comments, front matter or a link.
    // One pass over the text: at each capital letter that starts a word, the longest keyword that ends at a word end.
    private static void AddKeywords(SpecDocument document, Action<TextRange> add)
    {
        var text = document.Source.Text;
        TextMask? nonProse = null;
        TextMask? syntax = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('M' or 'N' or 'O' or 'R' or 'S') || (i > 0 && IsWordChar(text[i - 1])))
            {
                continue;
            }

            foreach (var keyword in Keywords)
            {
                int end = i + keyword.Length;
                if (end > text.Length || (end < text.Length && IsWordChar(text[end])) || string.CompareOrdinal(text, i, keyword, 0, keyword.Length) != 0)
                {
                    continue;
                }

                nonProse ??= TextMask.NonProse(document);
                syntax ??= TextMask.BracketSyntax(document);
                if (!nonProse.Overlaps(i, end) && !syntax.Overlaps(i, end))
                {
                    add(document.Source.GetRange(i, end));
                }

                i = end - 1;
                break;
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
