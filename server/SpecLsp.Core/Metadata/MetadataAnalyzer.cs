using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Metadata;

/// <summary>The keys of <see cref="SpecDiagnostic.Data"/> on <c>invalid-metadata</c> diagnostics.</summary>
public static class MetadataData
{
    /// <summary>What is wrong: <c>value</c>, <c>date</c>, <c>order</c> or <c>spec-id</c>.</summary>
    public const string Problem = "problem";

    /// <summary>The allowed values, one per line (for <c>value</c>).</summary>
    public const string Options = "options";

    /// <summary>The metadata key.</summary>
    public const string Key = "key";

    /// <summary>The Created date, <c>yyyy-MM-dd</c> (for <c>order</c> and <c>spec-id</c>).</summary>
    public const string Created = "created";
}

/// <summary>
/// Reports <c>invalid-metadata</c>: a value outside the template's option list for its key (Status, Priority,
/// Type, Probability, Impact…, in the metadata block or written in the template's style elsewhere; a key without
/// a list accepts anything, and a value that is still a placeholder is left to <c>unfilled-placeholder</c>); a date in ISO shape that does not exist (2026-02-30); Last Updated or
/// Implemented before Created; a <c>SPEC-YYYY-MM-DD-NNN</c> ID whose date is not Created (a hint).
/// </summary>
/// <param name="templateSource">The template facts of a document, or null when it follows no known template.</param>
public sealed class MetadataAnalyzer(Func<AnalysisContext, TemplateFacts?>? templateSource = null) : IDocumentAnalyzer
{
    /// <summary>A metadata entry: a parsed field or a labelled line.</summary>
    private sealed record Entry(string Key, string Value, TextRange ValueRange, int Line, bool InBlock, bool IsListItem);

    /// <inheritdoc />
    public IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        var schema = templateSource?.Invoke(context)?.Metadata ?? MetadataSchema.Empty;
        var entries = Entries(context.Snapshot);
        var result = new List<SpecDiagnostic>();

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckOption(entry, schema, result);
            CheckDate(entry, result);
        }

        CheckOrder(entries, result);
        return result;
    }

    /// <summary>A date written <c>YYYY-MM-DD</c> at the start of <paramref name="value"/>: its length and, if it exists, the date.</summary>
    internal static bool TryReadIsoShape(string value, out int length, out DateOnly? date)
    {
        length = 0;
        date = null;
        var v = value.AsSpan();
        if (v.Length < 10 || !IsDigits(v[..4]) || v[4] != '-' || !IsDigits(v[5..7]) || v[7] != '-' || !IsDigits(v[8..10]) || (v.Length > 10 && char.IsAsciiLetterOrDigit(v[10])))
        {
            return false;
        }

        length = 10;
        if (DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Entry> Entries(SpecSnapshot snapshot)
    {
        var document = snapshot.Document;
        var block = MetadataBlock.Lines(document);
        var entries = new List<Entry>();
        var seen = new HashSet<(int, string)>();
        foreach (var field in document.Metadata)
        {
            if (seen.Add((field.LineRange.Start.Line, MetadataKeys.Normalize(field.Key))))
            {
                entries.Add(new Entry(field.Key, field.Value, field.ValueRange, field.LineRange.Start.Line, InBlock: true, field.Style == MetadataStyle.ListItem));
            }
        }

        foreach (var line in snapshot.LabeledLines)
        {
            if (seen.Add((line.Line, line.NormalizedKey)))
            {
                entries.Add(new Entry(line.Key, line.Value, line.ValueRange, line.Line, block.Contains(line.Line), line.IsListItem));
            }
        }

        entries.Sort((a, b) => a.ValueRange.Start.CompareTo(b.ValueRange.Start));
        return entries;
    }

    private static void CheckOption(Entry entry, MetadataSchema schema, List<SpecDiagnostic> result)
    {
        var options = schema.OptionsFor(entry.Key);
        var value = entry.Value;

        // Outside the metadata block only a field written the way the template writes it is checked: a bullet
        // "- **Priority:** P1" in prose is not the template's "**Priority:** [High | Medium | Low]" line.
        if (!entry.InBlock && entry.IsListItem != schema.ListOptionKeys.Contains(MetadataKeys.Normalize(entry.Key)))
        {
            return;
        }

        if (options.IsEmpty || value.Length == 0 || IsPlaceholderValue(value) || OptionList.Accepts(options, value))
        {
            return;
        }

        var allowed = string.Join(", ", options.Select(MetadataKeys.StripDecorations));
        result.Add(new SpecDiagnostic(entry.ValueRange, DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, $"'{value}' is not a {entry.Key} the template allows: {allowed}.")
        {
            Data = ImmutableDictionary<string, string>.Empty
                .Add(MetadataData.Problem, "value")
                .Add(MetadataData.Key, entry.Key)
                .Add(MetadataData.Options, string.Join('\n', options.Select(OptionList.Display))),
        });
    }

    private static bool IsPlaceholderValue(string value) =>
        value.Contains('[', StringComparison.Ordinal) || value.Contains('|', StringComparison.Ordinal) || PlaceholderScanner.IsFullScale(value)
        || value.Contains("TBD", StringComparison.Ordinal) || value.Contains("TODO", StringComparison.Ordinal) || PlaceholderScanner.IsDateMask(value);

    private static void CheckDate(Entry entry, List<SpecDiagnostic> result)
    {
        if (!TryReadIsoShape(entry.Value, out int length, out var date) || date is not null)
        {
            return;
        }

        var start = entry.ValueRange.Start;
        var range = new TextRange(start, new Position(start.Line, start.Character + length));
        result.Add(new SpecDiagnostic(range, DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, $"'{entry.Value[..length]}' is not a real date.")
        {
            Data = ImmutableDictionary<string, string>.Empty.Add(MetadataData.Problem, "date").Add(MetadataData.Key, entry.Key),
        });
    }

    private static void CheckOrder(List<Entry> entries, List<SpecDiagnostic> result)
    {
        var created = FirstDate(entries, "created");
        if (created is not { } c)
        {
            return;
        }

        foreach (var key in new[] { "last updated", "implemented" })
        {
            var entry = entries.FirstOrDefault(e => e.InBlock && MetadataKeys.Normalize(e.Key) == key);
            if (entry is not null && TryReadIsoShape(entry.Value, out int length, out var date) && date is { } d && d < c.Date)
            {
                var range = new TextRange(entry.ValueRange.Start, new Position(entry.ValueRange.Start.Line, entry.ValueRange.Start.Character + length));
                result.Add(new SpecDiagnostic(range, DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, $"{entry.Key} ({d:yyyy-MM-dd}) is before Created ({c.Date:yyyy-MM-dd}).")
                {
                    Data = ImmutableDictionary<string, string>.Empty.Add(MetadataData.Problem, "order").Add(MetadataData.Key, entry.Key).Add(MetadataData.Created, Iso(c.Date)),
                    Related = [new RelatedLocation(null, c.Range, "Created")],
                });
            }
        }

        foreach (var entry in entries.Where(e => e.InBlock && MetadataKeys.Normalize(e.Key) is "spec id" or "id"))
        {
            var value = entry.Value.Trim('`');
            int offset = entry.Value.IndexOf(value, StringComparison.Ordinal);
            if (!value.StartsWith("SPEC-", StringComparison.Ordinal) || !TryReadIsoShape(value[5..], out int length, out var date) || date is not { } d || d == c.Date)
            {
                continue;
            }

            var start = new Position(entry.ValueRange.Start.Line, entry.ValueRange.Start.Character + offset + 5);
            result.Add(new SpecDiagnostic(new TextRange(start, new Position(start.Line, start.Character + length)), DiagnosticSeverity.Hint, DiagnosticCodes.InvalidMetadata, $"The spec ID's date ({d:yyyy-MM-dd}) is not Created ({c.Date:yyyy-MM-dd}).")
            {
                Data = ImmutableDictionary<string, string>.Empty.Add(MetadataData.Problem, "spec-id").Add(MetadataData.Key, entry.Key).Add(MetadataData.Created, Iso(c.Date)),
                Related = [new RelatedLocation(null, c.Range, "Created")],
            });
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static (DateOnly Date, TextRange Range)? FirstDate(List<Entry> entries, string key)
    {
        var entry = entries.FirstOrDefault(e => e.InBlock && MetadataKeys.Normalize(e.Key) == key);
        if (entry is not null && TryReadIsoShape(entry.Value, out int length, out var date) && date is { } d)
        {
            return (d, new TextRange(entry.ValueRange.Start, new Position(entry.ValueRange.Start.Line, entry.ValueRange.Start.Character + length)));
        }

        return null;
    }
}
