using System.Globalization;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Placeholders;

namespace SpecLsp.Core.Metadata;

/// <summary>Quick fixes for <c>invalid-metadata</c>, from the diagnostic's data alone.</summary>
public static class MetadataFixes
{
    /// <summary>
    /// One action per allowed value for a value outside the template's options; for a date before Created, "Set to
    /// Created" and "Set to today" (when today is not before Created either); for a spec ID whose date is not Created,
    /// "Change the ID's date to Created". None for other problems, which need a person.
    /// </summary>
    public static IEnumerable<SpecCodeAction> For(SpecDiagnostic diagnostic, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Code != DiagnosticCodes.InvalidMetadata)
        {
            return [];
        }

        if (diagnostic.Data.TryGetValue(MetadataData.Options, out var options))
        {
            return PlaceholderFixes.ChooseOption(diagnostic, options.Split('\n').Where(o => o.Length > 0));
        }

        if (!diagnostic.Data.TryGetValue(MetadataData.Created, out var created)
            || !DateOnly.TryParseExact(created, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var createdDate))
        {
            return [];
        }

        diagnostic.Data.TryGetValue(MetadataData.Problem, out var problem);
        diagnostic.Data.TryGetValue(MetadataData.Key, out var key);
        return problem switch
        {
            "order" => DateFixes(diagnostic, key ?? "the date", createdDate, today),
            "spec-id" => [Replace(diagnostic, $"Change the spec ID's date to Created ({created})", created, preferred: true)],
            _ => [],
        };
    }

    private static IEnumerable<SpecCodeAction> DateFixes(SpecDiagnostic diagnostic, string key, DateOnly created, DateOnly today)
    {
        string iso = created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (today >= created)
        {
            yield return Replace(diagnostic, $"Set {key} to today ({today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), preferred: true);
        }

        yield return Replace(diagnostic, $"Set {key} to Created ({iso})", iso, preferred: today < created);
    }

    private static SpecCodeAction Replace(SpecDiagnostic diagnostic, string title, string text, bool preferred) =>
        new(title, SpecCodeActionKinds.QuickFix, [new SpecTextEdit(diagnostic.Range, text)])
        {
            Diagnostics = [diagnostic],
            IsPreferred = preferred,
        };
}
