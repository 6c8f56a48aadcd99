using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Core.Configuration;

/// <summary>Applies the configured severities and the per-document maximum to a document's diagnostics.</summary>
public static class DiagnosticPolicy
{
    /// <summary>
    /// <paramref name="diagnostics"/> with configured levels applied (<c>off</c> removes them) and cut to
    /// <see cref="SpecLspConfiguration.MaxDiagnosticsPerDocument"/>, plus one <c>too-many-diagnostics</c> that says
    /// how many were left out.
    /// </summary>
    public static ImmutableArray<SpecDiagnostic> Apply(ImmutableArray<SpecDiagnostic> diagnostics, SpecLspConfiguration configuration)
    {
        var kept = ImmutableArray.CreateBuilder<SpecDiagnostic>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            if (!configuration.Severity.TryGetValue(diagnostic.Code, out var level))
            {
                kept.Add(diagnostic);
                continue;
            }

            if (level == DiagnosticLevel.Off)
            {
                continue;
            }

            var severity = ToSeverity(level);
            kept.Add(severity == diagnostic.Severity ? diagnostic : diagnostic with { Severity = severity });
        }

        int max = Math.Max(1, configuration.MaxDiagnosticsPerDocument);
        if (kept.Count <= max)
        {
            return kept.ToImmutable();
        }

        int dropped = kept.Count - max;
        var last = kept[max - 1];
        var result = kept.Take(max).ToImmutableArray();
        return result.Add(new SpecDiagnostic(
            last.Range,
            DiagnosticSeverity.Information,
            DiagnosticCodes.TooManyDiagnostics,
            $"{dropped} more diagnostics are not shown (maxDiagnosticsPerDocument is {max})."));
    }

    /// <summary>The severity of a configured level other than <see cref="DiagnosticLevel.Off"/>.</summary>
    public static DiagnosticSeverity ToSeverity(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => DiagnosticSeverity.Error,
        DiagnosticLevel.Warning => DiagnosticSeverity.Warning,
        DiagnosticLevel.Information => DiagnosticSeverity.Information,
        _ => DiagnosticSeverity.Hint,
    };
}
