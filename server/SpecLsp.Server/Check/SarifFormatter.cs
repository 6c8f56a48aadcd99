using System.Text.Json;
using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Server.Check;

/// <summary>SARIF 2.1.0: one run, one rule per diagnostic code with its help text, one result per diagnostic.</summary>
internal sealed class SarifFormatter(string toolVersion) : ICheckFormatter
{
    public void Write(CheckReport report, Stream output)
    {
        var rules = DiagnosticCatalog.All;
        var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "speclsp");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", "https://github.com/speclsp/speclsp");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Code);
            json.WriteString("name", ToPascalCase(rule.Code));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Help);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Help);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", "./");
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var (file, d) in report.All)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", d.Code);
            if (ruleIndex.TryGetValue(d.Code, out int index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", Level(d.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", d.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri.EscapeDataString(file.DisplayPath).Replace("%2F", "/", StringComparison.Ordinal));
            json.WriteString("uriBaseId", "SRCROOT");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", d.Range.Start.Line + 1);
            json.WriteNumber("startColumn", d.Range.Start.Character + 1);
            json.WriteNumber("endLine", d.Range.End.Line + 1);
            json.WriteNumber("endColumn", d.Range.End.Character + 1);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            // Utf8JsonWriter holds all it wrote until flushed (tens of MB over a large workspace).
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    // SARIF has no "hint": "note" is the nearest level GitHub code scanning shows.
    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string ToPascalCase(string code) =>
        string.Concat(code.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
