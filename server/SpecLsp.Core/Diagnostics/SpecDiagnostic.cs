using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Diagnostics;

/// <summary>How serious a diagnostic is. The numbers are LSP's, so the server maps them one to one.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported as an error.</summary>
    Error = 1,

    /// <summary>Reported as a warning.</summary>
    Warning = 2,

    /// <summary>Reported as information.</summary>
    Information = 3,

    /// <summary>Reported as a hint.</summary>
    Hint = 4,
}

/// <summary>Another place a diagnostic refers to, such as the first definition of a duplicate ID.</summary>
/// <param name="DocumentPath">The file path, or null for the same document.</param>
/// <param name="Range">The range in that document.</param>
/// <param name="Message">What that place is.</param>
public sealed record RelatedLocation(string? DocumentPath, TextRange Range, string Message);

/// <summary>A problem found in a spec. Ranges are in UTF-16 positions of the analysed text.</summary>
/// <param name="Range">Where the problem is.</param>
/// <param name="Severity">How serious it is, before configuration overrides it.</param>
/// <param name="Code">One of <see cref="DiagnosticCodes"/>: a public name users configure and suppress.</param>
/// <param name="Message">A sentence for the user.</param>
public sealed record SpecDiagnostic(TextRange Range, DiagnosticSeverity Severity, string Code, string Message)
{
    /// <summary>Other places the problem involves.</summary>
    public ImmutableArray<RelatedLocation> Related { get; init; } = [];

    /// <summary>What a quick fix needs to act without analysing again (for example the missing section's path).</summary>
    public ImmutableDictionary<string, string> Data { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Marks the range as unnecessary text (LSP's DiagnosticTag.Unnecessary), such as a leftover prompt.</summary>
    public bool IsUnnecessary { get; init; }
}
