using System.Text.Json;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Server.Check;

/// <summary>
/// <c>{"diagnostics": [...], "summary": {...}}</c> with 0-based positions in UTF-16 code units, as LSP ranges are.
/// Written with Utf8JsonWriter: the shape is fixed and small, and no reflection is needed.
/// </summary>
internal sealed class JsonFormatter : ICheckFormatter
{
    public void Write(CheckReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("diagnostics");
        foreach (var (file, d) in report.All)
        {
            json.WriteStartObject();
            json.WriteString("path", file.DisplayPath);
            json.WritePropertyName("range");
            WriteRange(json, d.Range);
            json.WriteString("severity", SeverityNames.Lsp(d.Severity));
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", report.Files.Length);
        json.WriteNumber("filesWithProblems", report.FilesWithProblems);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteNumber("information", report.Count(DiagnosticSeverity.Information));
        json.WriteNumber("hints", report.Count(DiagnosticSeverity.Hint));
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteRange(Utf8JsonWriter json, TextRange range)
    {
        json.WriteStartObject();
        WritePosition(json, "start", range.Start);
        WritePosition(json, "end", range.End);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, Position position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line);
        json.WriteNumber("character", position.Character);
        json.WriteEndObject();
    }
}
