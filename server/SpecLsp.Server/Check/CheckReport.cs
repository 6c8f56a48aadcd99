using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Templates;

namespace SpecLsp.Server.Check;

/// <summary>
/// One checked file: its path as shown to the user (relative, with '/'), its diagnostics at their configured
/// severity, and the template it follows (null for a file that was not read, such as the configuration file).
/// </summary>
internal sealed record CheckedFile(string DisplayPath, ImmutableArray<SpecDiagnostic> Diagnostics, TemplateChoice? Template = null);

/// <summary>The result of <c>speclsp check</c>, ready for a formatter.</summary>
internal sealed record CheckReport(ImmutableArray<CheckedFile> Files)
{
    public IEnumerable<(CheckedFile File, SpecDiagnostic Diagnostic)> All =>
        Files.SelectMany(f => f.Diagnostics.Select(d => (f, d)));

    public int Count(DiagnosticSeverity severity) => All.Count(x => x.Diagnostic.Severity == severity);

    public int Errors => Count(DiagnosticSeverity.Error);

    public int Warnings => Count(DiagnosticSeverity.Warning);

    public int FilesWithProblems => Files.Count(f => !f.Diagnostics.IsEmpty);
}

/// <summary>Writes a <see cref="CheckReport"/> in one output format.</summary>
internal interface ICheckFormatter
{
    void Write(CheckReport report, Stream output);
}

internal static class SeverityNames
{
    public static string Lsp(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "information",
        _ => "hint",
    };
}
