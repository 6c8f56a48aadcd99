using System.Text;
using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Server.Check;

/// <summary>GitHub Actions workflow commands: <c>::warning file=…,line=…,col=…,title=CODE::message</c>.</summary>
internal sealed class GithubFormatter : ICheckFormatter
{
    public void Write(CheckReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var (file, d) in report.All)
        {
            string command = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            writer.WriteLine(
                $"::{command} file={Property(file.DisplayPath)},line={d.Range.Start.Line + 1},col={d.Range.Start.Character + 1}," +
                $"endLine={d.Range.End.Line + 1},endColumn={d.Range.End.Character + 1},title={Property(d.Code)}::{Data(d.Message)}");
        }

        writer.WriteLine(TextFormatter.Summary(report));
    }

    // The escaping GitHub's runner expects: data escapes %, CR and LF; property values also ':' and ','.
    private static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
