using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;
using SpecLsp.Server.Check;

namespace SpecLsp.Server.Tests.Check;

public class CheckFormatterTests
{
    private static readonly CheckReport Report = new(
    [
        new CheckedFile("specs/export.md",
        [
            new SpecDiagnostic(new TextRange(2, 4, 2, 18), DiagnosticSeverity.Warning, "unfilled-placeholder", "Placeholder '[Feature Name]' is not filled in."),
            new SpecDiagnostic(new TextRange(10, 0, 10, 12), DiagnosticSeverity.Error, "missing-section", "Missing section 'Security': a line, with a comma, 100% sure"),
        ]),
        new CheckedFile("specs/clean.md", []),
        new CheckedFile("notes.md", [new SpecDiagnostic(new TextRange(0, 0, 0, 1), DiagnosticSeverity.Hint, "template-text", "Text left as the template wrote it.")]),
    ]);

    private static string Format(ICheckFormatter formatter)
    {
        using var stream = new MemoryStream();
        formatter.Write(Report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Text_WithoutColor_PrintsOneBasedLinesAndSummary()
    {
        string text = Format(new TextFormatter(useColor: false));

        Assert.Equal(
            """
            specs/export.md:3:5: warning unfilled-placeholder: Placeholder '[Feature Name]' is not filled in.
            specs/export.md:11:1: error missing-section: Missing section 'Security': a line, with a comma, 100% sure
            notes.md:1:1: hint template-text: Text left as the template wrote it.
            1 error, 1 warning, 1 hint in 2 of 3 files checked.

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Text_WithColor_WrapsSeverityInAnsiCodes()
    {
        string text = Format(new TextFormatter(useColor: true));

        Assert.Contains("\u001b[31merror\u001b[0m missing-section", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[33mwarning\u001b[0m unfilled-placeholder", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_NoDiagnostics_SaysNoProblems()
    {
        using var stream = new MemoryStream();
        new TextFormatter(false).Write(new CheckReport([new CheckedFile("a.md", [])]), stream);

        Assert.Equal("1 file checked, no problems.\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Json_HasZeroBasedRangesRelativePathsAndSummary()
    {
        using var doc = JsonDocument.Parse(Format(new JsonFormatter()));
        var diagnostics = doc.RootElement.GetProperty("diagnostics");

        Assert.Equal(3, diagnostics.GetArrayLength());
        var first = diagnostics[0];
        Assert.Equal("specs/export.md", first.GetProperty("path").GetString());
        Assert.Equal(2, first.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(4, first.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(18, first.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal("unfilled-placeholder", first.GetProperty("code").GetString());
        Assert.Equal("hint", diagnostics[2].GetProperty("severity").GetString());

        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(1, summary.GetProperty("hints").GetInt32());
    }

    [Fact]
    public void Sarif_HasRequiredPropertiesAndOneRulePerCode()
    {
        using var doc = JsonDocument.Parse(Format(new SarifFormatter("1.2.3")));
        var root = doc.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("speclsp", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code), ids);
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("help").GetProperty("text").GetString())));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            string ruleId = result.GetProperty("ruleId").GetString()!;
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.False(string.IsNullOrEmpty(location.GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }

        Assert.Equal("note", results[2].GetProperty("level").GetString());
        Assert.Equal(11, results[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Github_WritesWorkflowCommandsWithEscaping()
    {
        var lines = Format(new GithubFormatter()).Split('\n');

        Assert.Equal("::warning file=specs/export.md,line=3,col=5,endLine=3,endColumn=19,title=unfilled-placeholder::Placeholder '[Feature Name]' is not filled in.", lines[0]);
        Assert.Equal("::error file=specs/export.md,line=11,col=1,endLine=11,endColumn=13,title=missing-section::Missing section 'Security': a line, with a comma, 100%25 sure", lines[1]);
        Assert.StartsWith("::notice file=notes.md,", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], ".", "Text")]
    [InlineData(new[] { "specs", "--format", "sarif" }, "specs", "Sarif")]
    [InlineData(new[] { "--format=github", "a.md" }, "a.md", "Github")]
    public void Options_ValidArguments_Parse(string[] args, string firstPath, string format)
    {
        var (options, error) = CheckOptions.Parse(args);

        Assert.Null(error);
        Assert.Equal(firstPath, options!.Paths[0]);
        Assert.Equal(format, options.Format.ToString());
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--format", "1")]
    [InlineData("--max-warnings", "-1")]
    [InlineData("--max-warnings", "many")]
    [InlineData("--bogus", "x")]
    public void Options_InvalidArguments_GiveAnError(string option, string value)
    {
        var (options, error) = CheckOptions.Parse([option, value]);

        Assert.Null(options);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Options_MaxWarningsFixAndConfig_AreRead()
    {
        var (options, _) = CheckOptions.Parse(["--max-warnings", "3", "--fix", "--config", "ci/.speclsp.yaml", "--no-color"]);

        Assert.Equal(3, options!.MaxWarnings);
        Assert.True(options.Fix);
        Assert.Equal("ci/.speclsp.yaml", options.ConfigPath);
        Assert.False(options.Color);
    }
}
