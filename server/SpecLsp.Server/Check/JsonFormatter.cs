using System.Text.Json;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Templates;
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
            FlushSometimes(json);
        }

        json.WriteEndArray();
        json.WriteStartArray("files");
        foreach (var file in report.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.DisplayPath);
            if (file.Template is { } choice)
            {
                WriteTemplate(json, choice);
            }

            json.WriteEndObject();
            FlushSometimes(json);
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

    // "template": the name or null; "reason" says why, "score" and "evidence" how strongly; for plain Markdown,
    // "closest" (and "ambiguousWith" when two templates fit equally) with the evidence that was not enough.
    private static void WriteTemplate(Utf8JsonWriter json, TemplateChoice choice)
    {
        if (choice.Template is { } template)
        {
            json.WriteString("template", template.Name);
        }
        else
        {
            json.WriteNull("template");
        }

        json.WriteString("templateReason", choice.Reason switch
        {
            TemplateChoiceReason.FrontMatter => "front-matter",
            TemplateChoiceReason.Configuration => "configuration",
            TemplateChoiceReason.BestMatch => "best-match",
            TemplateChoiceReason.UnknownTemplate => "unknown-template",
            TemplateChoiceReason.NotASpec => "not-a-spec",
            _ => choice.RunnerUp is null ? "plain-markdown" : "ambiguous",
        });
        json.WriteNumber("score", Math.Round(choice.Score, 2));
        json.WriteNumber("matchedSections", choice.Matched);
        json.WriteNumber("sections", choice.Total);
        if (choice.Closest is { } closest)
        {
            json.WriteString("closest", closest.Name);
        }

        if (choice.RunnerUp is { } runnerUp)
        {
            json.WriteString("ambiguousWith", runnerUp.Name);
        }

        json.WriteStartArray("evidence");
        foreach (var evidence in choice.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("kind", evidence.KindName);
            json.WriteString("detail", evidence.Detail);
            json.WriteEndObject();
            FlushSometimes(json);
        }

        json.WriteEndArray();
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

    // Utf8JsonWriter keeps everything in its own buffer until flushed: 60 MB (and the copies of a growing array) for
    // 140,000 diagnostics over 10,000 files.
    private static void FlushSometimes(Utf8JsonWriter json)
    {
        if (json.BytesPending > 64 * 1024)
        {
            json.Flush();
        }
    }
}
