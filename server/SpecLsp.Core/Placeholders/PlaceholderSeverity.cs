using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Placeholders;

/// <summary>
/// How serious unfilled template text is for a spec at its stage: a hint while Draft or Planned, while the
/// Status itself is unfilled, or when the spec has no Status at all (a spec just made from a template without a
/// Status line is a draft); an error once Approved, Implemented, Completed or in Production; a warning otherwise. This is the default; a severity configured per code in
/// <c>.speclsp.yaml</c> replaces it.
/// </summary>
public static class PlaceholderSeverity
{
    /// <summary>The status-derived severity for <paramref name="document"/>.</summary>
    public static DiagnosticSeverity For(SpecDocument document) => For(SpecStatus.Stage(document));

    /// <summary>The status-derived severity for the version <paramref name="snapshot"/> holds.</summary>
    public static DiagnosticSeverity For(Analysis.SpecSnapshot snapshot) =>
        For(SpecStatus.StageOf(SpecStatus.Read(snapshot.Document, snapshot.LabeledLines)));

    /// <summary>The severity for a spec at <paramref name="stage"/>.</summary>
    public static DiagnosticSeverity For(SpecStage stage) => stage switch
    {
        SpecStage.Draft or SpecStage.Unfilled or SpecStage.Unknown => DiagnosticSeverity.Hint,
        SpecStage.Final => DiagnosticSeverity.Error,
        _ => DiagnosticSeverity.Warning,
    };
}
