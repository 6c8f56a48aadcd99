using System.Text;
using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Server.Check;

/// <summary><c>path:line:col: severity code: message</c> with 1-based line and column, then a summary line.</summary>
internal sealed class TextFormatter(bool useColor) : ICheckFormatter
{
    public void Write(CheckReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var (file, d) in report.All)
        {
            var start = d.Range.Start;
            writer.WriteLine($"{file.DisplayPath}:{start.Line + 1}:{start.Character + 1}: {Colored(d.Severity)} {d.Code}: {d.Message}");
        }

        writer.WriteLine(Summary(report));
    }

    private string Colored(DiagnosticSeverity severity)
    {
        string name = SeverityNames.Lsp(severity);
        if (!useColor)
        {
            return name;
        }

        string color = severity switch
        {
            DiagnosticSeverity.Error => "31",
            DiagnosticSeverity.Warning => "33",
            DiagnosticSeverity.Information => "36",
            _ => "90",
        };
        return $"\u001b[{color}m{name}\u001b[0m";
    }

    internal static string Summary(CheckReport report)
    {
        int total = report.All.Count();
        if (total == 0)
        {
            return $"{Plural(report.Files.Length, "file")} checked, no problems.";
        }

        var parts = new List<string>();
        foreach (var (severity, noun) in new[]
                 {
                     (DiagnosticSeverity.Error, "error"), (DiagnosticSeverity.Warning, "warning"),
                     (DiagnosticSeverity.Information, "information"), (DiagnosticSeverity.Hint, "hint"),
                 })
        {
            int n = report.Count(severity);
            if (n > 0)
            {
                parts.Add(noun == "information" ? $"{n} information" : Plural(n, noun));
            }
        }

        // Each count once: "3 warnings in 1 of 2 files checked.", "1 error in all 5 files checked.", "1 file checked: 2 hints."
        string problems = string.Join(", ", parts);
        int files = report.Files.Length;
        return files == 1 ? $"1 file checked: {problems}."
            : report.FilesWithProblems == files ? $"{problems} in all {files} files checked."
            : $"{problems} in {report.FilesWithProblems} of {files} files checked.";
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
