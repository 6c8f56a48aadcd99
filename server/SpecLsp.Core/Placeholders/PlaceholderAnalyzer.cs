using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

/// <summary>The keys of <see cref="SpecDiagnostic.Data"/> on placeholder diagnostics, read by <see cref="PlaceholderFixes"/>.</summary>
public static class PlaceholderData
{
    /// <summary>The <see cref="PlaceholderKind"/> name.</summary>
    public const string Kind = "kind";

    /// <summary>The allowed values, one per line.</summary>
    public const string Options = "options";

    /// <summary>The metadata key whose value the placeholder is.</summary>
    public const string Key = "key";

    /// <summary><c>true</c> when the template marks the text optional, so removing it is a fix.</summary>
    public const string Optional = "optional";
}

/// <summary>
/// Reports <c>unfilled-placeholder</c>, <c>template-text</c> and <c>template-prompt</c>. The placeholder rules need
/// no template (see <see cref="PlaceholderScanner"/>); template text and prompts are compared with the template
/// <paramref name="templateSource"/> gives for the document, and are not reported without one.
/// </summary>
/// <remarks>
/// With a <paramref name="templateSource"/>, a document it gives no template for is plain Markdown and gets nothing:
/// "Dates use the YYYY-MM-DD format" or "TODO: publish" in a README are prose, not leftovers of a template. Without
/// a source every document is analysed as a spec.
/// </remarks>
/// <param name="templateSource">The template facts of a document, or null when it follows no known template.</param>
public sealed class PlaceholderAnalyzer(Func<AnalysisContext, TemplateFacts?>? templateSource = null) : IDocumentAnalyzer
{
    private const int MinSampleWords = 2;

    /// <inheritdoc />
    public IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        var facts = templateSource?.Invoke(context);
        if (templateSource is not null && facts is null)
        {
            return [];
        }

        var severity = PlaceholderSeverity.For(context.Snapshot);
        var result = new List<SpecDiagnostic>();
        var placeholders = PlaceholderScanner.Scan(context.Snapshot, facts?.Metadata, facts?.Placeholders, cancellationToken);
        foreach (var placeholder in placeholders)
        {
            result.Add(ToDiagnostic(placeholder, severity));
        }

        if (facts is not null)
        {
            var placeholderLines = placeholders.Select(p => p.Range.Start.Line).ToHashSet();
            AddUnchangedMetadata(context.Snapshot, facts, placeholderLines, severity, result);
            AddTemplateText(context.Snapshot, facts, placeholderLines, result, cancellationToken);
            AddTemplatePrompts(document, facts, placeholders, severity, result);
        }

        return result;
    }

    /// <summary>The diagnostic for one placeholder.</summary>
    public static SpecDiagnostic ToDiagnostic(Placeholder placeholder, DiagnosticSeverity severity)
    {
        string message = placeholder.Kind switch
        {
            PlaceholderKind.OptionList => $"Choose one of: {string.Join(", ", placeholder.Options.Select(MetadataKeys.StripDecorations))}.",
            PlaceholderKind.Date => $"Date placeholder '{placeholder.Text}' is not filled in.",
            PlaceholderKind.NeedsClarification => $"Needs clarification: {placeholder.Text.Trim('[', ']')["NEEDS CLARIFICATION".Length..].TrimStart(':', ' ')}",
            PlaceholderKind.EmptyListItem => "This list item is empty.",
            PlaceholderKind.EmptyLabel => $"'{placeholder.Key}' has no value.",
            PlaceholderKind.EmptyTableRow => "This table row is empty.",
            _ => $"Placeholder '{placeholder.Text}' is not filled in.",
        };

        var data = ImmutableDictionary.CreateBuilder<string, string>();
        data[PlaceholderData.Kind] = placeholder.Kind.ToString();
        if (!placeholder.Options.IsEmpty)
        {
            data[PlaceholderData.Options] = string.Join('\n', placeholder.Options.Select(OptionList.Display));
        }

        if (placeholder.Key is { } key)
        {
            data[PlaceholderData.Key] = key;
        }

        return new SpecDiagnostic(placeholder.Range, severity, DiagnosticCodes.UnfilledPlaceholder, message) { Data = data.ToImmutable() };
    }

    // A value identical to the template's, where the template's holds a bracket the scanner cannot see (`[feature_id]` in a
    // code span), or is a sample path or optional sample.
    private static void AddUnchangedMetadata(SpecSnapshot snapshot, TemplateFacts facts, HashSet<int> placeholderLines, DiagnosticSeverity severity, List<SpecDiagnostic> result)
    {
        var document = snapshot.Document;
        var block = MetadataBlock.Lines(document);
        foreach (var line in snapshot.LabeledLines)
        {
            if (!block.Contains(line.Line) || placeholderLines.Contains(line.Line) || line.Value.Length == 0)
            {
                continue;
            }

            if (!facts.Metadata.TemplateValues.TryGetValue(line.NormalizedKey, out var templateValue) || line.Value != templateValue)
            {
                continue;
            }

            if (templateValue.Contains('[', StringComparison.Ordinal))
            {
                var placeholder = new Placeholder(line.ValueRange, PlaceholderKind.Text, line.Value) { Key = line.Key };
                result.Add(ToDiagnostic(placeholder, severity));
            }
            else if (templateValue.Contains('`', StringComparison.Ordinal) || templateValue.Contains("*(if", StringComparison.OrdinalIgnoreCase))
            {
                // A sample path or an optional sample (`path/to/implementation` *(if implemented)*); a plain value such as "Draft" may well be meant.
                bool optional = templateValue.Contains("*(if", StringComparison.OrdinalIgnoreCase);
                result.Add(TemplateText(line.ValueRange, $"'{line.Value}' is the template's sample value for '{line.Key}'.", optional));
            }
        }
    }

    private static void AddTemplateText(SpecSnapshot snapshot, TemplateFacts facts, HashSet<int> placeholderLines, List<SpecDiagnostic> result, CancellationToken cancellationToken)
    {
        var document = snapshot.Document;
        var source = document.Source;
        var labeled = snapshot.LabeledLines.ToDictionary(l => l.Line);
        var nonProse = snapshot.NonProse;
        foreach (var section in document.AllSections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (facts.Match(section) is not { } sample)
            {
                continue;
            }

            var body = section.BodyRange;
            foreach (var block in document.CodeBlocks)
            {
                if (body.Contains(block.Range.Start) && block.Content.Trim().Length > 0 && sample.CodeBlocks.Contains(TemplateFacts.NormalizeCode(block.Content)))
                {
                    result.Add(TemplateText(block.Range, "This code block is the template's sample; replace it with this spec's own.", sample.IsOptional));
                }
            }

            var lines = BodyLines(source, body);
            var proseLines = new List<(int Line, string Trimmed, int Start)>();
            bool untouched = true;
            foreach (int line in lines)
            {
                var text = source.GetLineText(line);
                var trimmed = text.Trim();
                int lineStart = source.Lines.GetLineStart(line);
                if (trimmed.Length == 0 || nonProse.Covers(lineStart + text.IndexOf(trimmed, StringComparison.Ordinal), lineStart + text.Length))
                {
                    continue;
                }

                if (!sample.Lines.Contains(trimmed))
                {
                    untouched = false;
                }

                if (labeled.TryGetValue(line, out var label))
                {
                    if (sample.Lines.Contains(trimmed) && !placeholderLines.Contains(line) && IsDescriptive(label.Value))
                    {
                        bool optional = sample.IsOptional || trimmed.Contains("*(if", StringComparison.OrdinalIgnoreCase);
                        result.Add(TemplateText(label.ValueRange, $"'{label.Value}' is the template's sample text for '{label.Key}'.", optional));
                    }

                    continue;
                }

                if (IsPlainParagraphLine(trimmed) && !placeholderLines.Contains(line) && IsGuidance(trimmed))
                {
                    proseLines.Add((line, trimmed, text.IndexOf(trimmed, StringComparison.Ordinal)));
                }
            }

            // Guidance prose is only leftover when nothing in the section was written by the author.
            if (untouched)
            {
                foreach (var (line, trimmed, start) in proseLines)
                {
                    result.Add(TemplateText(new TextRange(line, start, line, start + trimmed.Length), "This is the template's guidance text; replace it with this spec's own.", sample.IsOptional));
                }
            }
        }
    }

    private static SpecDiagnostic TemplateText(TextRange range, string message, bool optional)
    {
        var data = ImmutableDictionary<string, string>.Empty;
        if (optional)
        {
            data = data.Add(PlaceholderData.Optional, "true");
        }

        return new SpecDiagnostic(range, DiagnosticSeverity.Hint, DiagnosticCodes.TemplateText, message) { Data = data };
    }

    private static void AddTemplatePrompts(SpecDocument document, TemplateFacts facts, ImmutableArray<Placeholder> placeholders, DiagnosticSeverity severity, List<SpecDiagnostic> result)
    {
        var source = document.Source;
        Dictionary<int, List<TextRange>>? placeholdersByLine = null;
        foreach (var section in document.AllSections)
        {
            var comments = document.HtmlComments.Where(c => section.BodyRange.Contains(c.Range)).ToList();

            // A section the template marks optional, left with its prompt only, was not needed: nothing to answer.
            if (comments.Count == 0 || facts.Match(section) is { IsOptional: true })
            {
                continue;
            }

            var rest = source.GetText(section.BodyRange);
            foreach (var comment in comments)
            {
                rest = rest.Replace(source.GetText(comment.Range), string.Empty, StringComparison.Ordinal);
            }

            if (!string.IsNullOrWhiteSpace(rest))
            {
                continue;
            }

            // A parent's prompt ("describe the design") is answered by its subsections ("### API" with text).
            placeholdersByLine ??= placeholders.GroupBy(p => p.Range.Start.Line).ToDictionary(g => g.Key, g => g.Select(p => p.Range).ToList());
            if (section.Children.Any(child => HasContent(document, facts, child, placeholdersByLine)))
            {
                continue;
            }

            foreach (var comment in comments)
            {
                if (facts.Prompts.Contains(TemplateFacts.NormalizePrompt(comment.Content)))
                {
                    result.Add(new SpecDiagnostic(comment.Range, severity, DiagnosticCodes.TemplatePrompt, $"Template prompt left unanswered: {comment.Content}")
                    {
                        IsUnnecessary = true,
                    });
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="section"/> or a subsection of it holds text of the author's: anything but blank
    /// lines, HTML comments, thematic breaks, placeholders (with only markup, punctuation or a label beside them)
    /// and lines identical to the template's own text for that section.
    /// </summary>
    internal static bool HasContent(SpecDocument document, TemplateFacts facts, Section section, IReadOnlyDictionary<int, List<TextRange>> placeholdersByLine)
    {
        var source = document.Source;
        var sample = facts.Match(section);
        var body = section.BodyRange;
        var comments = document.HtmlComments.Where(c => c.Range.End.Line >= body.Start.Line && c.Range.Start.Line <= body.End.Line).ToList();
        foreach (int line in BodyLines(source, section.BodyRange))
        {
            var text = source.GetLineText(line);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var kept = text.ToCharArray();
            foreach (var comment in comments)
            {
                Blank(kept, line, comment.Range);
            }

            bool hadPlaceholder = false;
            if (placeholdersByLine.TryGetValue(line, out var ranges))
            {
                foreach (var range in ranges)
                {
                    Blank(kept, line, range);
                    hadPlaceholder = true;
                }
            }

            var rest = new string(kept).Trim();
            if (rest.Length == 0 || IsThematicBreak(rest) || (sample is not null && sample.Lines.Contains(text.Trim())))
            {
                continue;
            }

            // What is left beside a placeholder: list and table markup, emphasis, punctuation, or a label ("**Owner:**").
            var letters = rest.TrimEnd(' ', '*', '_', '|').TrimEnd();
            if (!rest.Any(char.IsLetterOrDigit) || (hadPlaceholder && letters.EndsWith(':')))
            {
                continue;
            }

            return true;
        }

        return section.Children.Any(child => HasContent(document, facts, child, placeholdersByLine));
    }

    private static void Blank(char[] text, int line, TextRange range)
    {
        if (range.Start.Line > line || range.End.Line < line)
        {
            return;
        }

        int from = range.Start.Line == line ? Math.Min(range.Start.Character, text.Length) : 0;
        int to = range.End.Line == line ? Math.Min(range.End.Character, text.Length) : text.Length;
        for (int i = from; i < to; i++)
        {
            text[i] = ' ';
        }
    }

    private static bool IsThematicBreak(string trimmed) =>
        trimmed.Length >= 3 && trimmed.Replace(" ", string.Empty, StringComparison.Ordinal) is { } compact
        && compact.Length >= 3 && compact.All(c => c == compact[0]) && compact[0] is '-' or '*' or '_';

    private static IEnumerable<int> BodyLines(SourceText source, TextRange body)
    {
        int last = body.End.Character == 0 && body.End.Line > body.Start.Line ? body.End.Line - 1 : body.End.Line;
        for (int line = body.Start.Line; line <= last && line < source.LineCount; line++)
        {
            yield return line;
        }
    }

    private static bool IsPlainParagraphLine(string trimmed) =>
        trimmed[0] is not ('-' or '*' or '+' or '|' or '>' or '#' or '<' or '`' or '~' or '[') && !char.IsAsciiDigit(trimmed[0]);

    private static bool IsGuidance(string line) =>
        char.IsLetter(line[0]) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && line.IndexOfAny(['[', ']', '`', '|']) < 0;

    /// <summary>Prose that describes what to write rather than being a value: two or more words, each with a letter, no brackets or symbols.</summary>
    internal static bool IsDescriptive(string value)
    {
        if (value.Length == 0 || value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinSampleWords || !char.IsLetter(value[0]))
        {
            return false;
        }

        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Digits only inside words (E2E); a number or a symbol makes it a concrete value such as "≥70%".
            if (!word.Any(char.IsLetter))
            {
                return false;
            }

            foreach (char c in word)
            {
                if (!(char.IsLetterOrDigit(c) || c is ',' or '.' or '\'' or '(' or ')' or '?' or '-' or '/' or ':' or ';'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
