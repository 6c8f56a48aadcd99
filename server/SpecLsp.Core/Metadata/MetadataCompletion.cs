using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Metadata;

/// <summary>
/// Completion in metadata: after a key (<c>**Status:** </c>, <c>- **Priority**: </c>, <c>&gt; **Status**: </c>) the
/// template's allowed values, and today's date after a date key; after <c>**</c> at the start of a line of the
/// metadata block, the template's keys the spec does not have yet, in template order.
/// </summary>
public static class MetadataCompletion
{
    /// <summary>The proposals at <paramref name="caret"/>; empty where metadata completion does not apply.</summary>
    public static ImmutableArray<SpecCompletionItem> Complete(SpecDocument document, Position caret, MetadataSchema schema, DateOnly today)
    {
        var source = document.Source;
        if (caret.Line < 0 || caret.Line >= source.LineCount)
        {
            return [];
        }

        var line = source.GetLineText(caret.Line);
        int at = Math.Clamp(caret.Character, 0, line.Length);
        if (LabeledLine.Parse(line) is { } parts && at >= parts.LabelEnd)
        {
            return Values(line, caret.Line, parts, schema, today);
        }

        return Keys(document, line, caret.Line, at, schema);
    }

    private static ImmutableArray<SpecCompletionItem> Values(string line, int lineNumber, LabeledLine.Parts parts, MetadataSchema schema, DateOnly today)
    {
        string key = line.Substring(parts.KeyStart, parts.KeyLength);
        int start = parts.LabelEnd;
        string space = " ";
        if (start < line.Length && line[start] == ' ')
        {
            start++;
            space = string.Empty;
        }

        var range = new TextRange(lineNumber, start, lineNumber, Math.Max(start, parts.ValueStart + parts.ValueLength));
        var items = ImmutableArray.CreateBuilder<SpecCompletionItem>();
        var options = schema.OptionsFor(key);
        for (int i = 0; i < options.Length; i++)
        {
            var option = OptionList.Display(options[i]);
            items.Add(new SpecCompletionItem(option, $"{key} · template option", i.ToString("D3", CultureInfo.InvariantCulture), MetadataKeys.StripDecorations(option), EscapeSnippet(space + option), space + option, range, string.Empty)
            {
                Kind = SpecCompletionKind.Value,
            });
        }

        if (options.IsEmpty && (schema.FindKey(key)?.IsDate ?? MetadataKeys.IsDateKey(key)))
        {
            var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            items.Add(new SpecCompletionItem(date, "today", "000", date, space + date, space + date, range, string.Empty) { Kind = SpecCompletionKind.Date });
        }

        return items.ToImmutable();
    }

    private static ImmutableArray<SpecCompletionItem> Keys(SpecDocument document, string line, int lineNumber, int at, MetadataSchema schema)
    {
        var prefix = line.AsSpan(0, at);
        int i = 0;
        while (i < prefix.Length && prefix[i] == ' ')
        {
            i++;
        }

        if (i < prefix.Length && prefix[i] == '>')
        {
            i++;
            while (i < prefix.Length && prefix[i] == ' ')
            {
                i++;
            }
        }

        if (i + 1 < prefix.Length && prefix[i] is '-' or '*' or '+' && prefix[i + 1] == ' ')
        {
            i += 2;
        }

        if (i + 2 > prefix.Length || prefix[i] != '*' || prefix[i + 1] != '*' || prefix[(i + 2)..].Contains('*') || prefix[(i + 2)..].Contains(':'))
        {
            return [];
        }

        if (!MetadataBlock.Contains(document, new Position(lineNumber, at)))
        {
            return [];
        }

        var present = LabeledLine.FindAll(document).Select(l => l.NormalizedKey)
            .Concat(document.Metadata.Select(m => MetadataKeys.Normalize(m.Key)))
            .ToHashSet(StringComparer.Ordinal);
        int replaceEnd = at;
        if (line.AsSpan(at).StartsWith("**", StringComparison.Ordinal))
        {
            replaceEnd += 2;
        }

        var range = new TextRange(lineNumber, i + 2, lineNumber, replaceEnd);
        var items = ImmutableArray.CreateBuilder<SpecCompletionItem>();
        int order = 0;
        foreach (var key in schema.Keys)
        {
            if (present.Contains(key.NormalizedKey))
            {
                continue;
            }

            string insert = key.ColonInside ? $"{key.Key}:** " : $"{key.Key}**: ";
            items.Add(new SpecCompletionItem(key.Key, key.TemplateValue, (order++).ToString("D3", CultureInfo.InvariantCulture), key.Key, EscapeSnippet(insert), insert, range, string.Empty)
            {
                Kind = SpecCompletionKind.Key,
            });
        }

        return items.ToImmutable();
    }

    private static string EscapeSnippet(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);
}
