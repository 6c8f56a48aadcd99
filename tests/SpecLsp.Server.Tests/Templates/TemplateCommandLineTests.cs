using System.Text;
using SpecLsp.Server.Cli;

namespace SpecLsp.Server.Tests.Templates;

public sealed class TemplateCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("speclsp-cli").FullName;

    [Fact]
    public async Task New_TemplateAndTitle_WritesSpecWithTitleAndToday()
    {
        string file = Path.Combine(_folder, "specs", "csv-export.md");

        var before = DateTime.Now;
        var (code, stdout, stderr) = await RunAsync("new", "--template", "lightweight", "--title", "CSV Export", file);
        var after = DateTime.Now;

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("from template 'lightweight'", stdout, StringComparison.Ordinal);
        string text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("# Feature Specification: CSV Export\n", text, StringComparison.Ordinal);
        // The day the command started or, across midnight, the next one.
        Assert.True(text.Contains($"Created: {before:yyyy-MM-dd}\n", StringComparison.Ordinal) || text.Contains($"Created: {after:yyyy-MM-dd}\n", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task New_List_PrintsEveryTemplateWithItsDescription()
    {
        var (code, stdout, stderr) = await RunAsync("new", "--list");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal<string>([.. Core.Templates.TemplateCatalog.BuiltInNames], lines.Select(l => l.Split(' ')[0]).Take(Core.Templates.TemplateCatalog.BuiltInNames.Length));
        Assert.All(lines, l => Assert.Matches(@"^\S+ +\S.{20,}$", l));
        Assert.Contains(lines, l => l.StartsWith("rfc ", StringComparison.Ordinal) && l.Contains("text/NNNN-name.md", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("openspec-delta ", StringComparison.Ordinal) && l.Contains("ADDED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_Rfc_WritesTheMetadataListAndSectionsWithoutATitleHeading()
    {
        string file = Path.Combine(_folder, "text", "0000-csv-export.md");

        var (code, _, _) = await RunAsync("new", "--template", "rfc", "--title", "CSV Export", file);

        Assert.Equal(0, code);
        string text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("- Feature Name: [feature_name]\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# ", text, StringComparison.Ordinal);
        Assert.Contains("\n## Rationale and alternatives\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckJson_RfcAndOpenSpecDocuments_NameTheirFormatAndEvidence()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "text"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "text", "0042-labelled-loops.md"), "- Feature Name: labelled_loops\n- Start Date: 2026-01-05\n\n# Summary\nName loops.\n\n# Motivation\nBreak out.\n");
        string delta = Path.Combine(_folder, "openspec", "changes", "add-export", "specs", "export");
        Directory.CreateDirectory(delta);
        await File.WriteAllTextAsync(Path.Combine(delta, "spec.md"), "## ADDED Requirements\n\n### Requirement: CSV file\nThe system SHALL write CSV.\n\n#### Scenario: One row\n- **WHEN** a row\n- **THEN** a line\n");

        var (code, stdout, _) = await RunAsync("check", "--format", "json", _folder);

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!.Replace('\\', '/'), f => f);
        var rfc = files.Single(f => f.Key.EndsWith("text/0042-labelled-loops.md", StringComparison.Ordinal)).Value;
        Assert.Equal("rfc", rfc.GetProperty("template").GetString());
        Assert.Equal(2, rfc.GetProperty("sections").GetInt32());
        Assert.Contains(rfc.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("kind").GetString() == "marker");
        Assert.Equal("openspec-delta", files.Single(f => f.Key.EndsWith("export/spec.md", StringComparison.Ordinal)).Value.GetProperty("template").GetString());
    }

    [Fact]
    public async Task New_ExistingFile_FailsWithExitCode1AndLeavesItAlone()
    {
        string file = Path.Combine(_folder, "spec.md");
        await File.WriteAllTextAsync(file, "mine");

        var (code, _, stderr) = await RunAsync("new", "--template", "detailed", file);

        Assert.Equal(1, code);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("new", "spec.md")]
    [InlineData("new", "--template", "nope", "spec.md")]
    [InlineData("new", "--template", "detailed")]
    [InlineData("new", "--template", "detailed", "a.md", "b.md")]
    [InlineData("new", "--list", "spec.md")]
    public async Task New_BadArguments_ExitCode2(params string[] args)
    {
        var (code, _, stderr) = await RunAsync([.. args.Select(a => a.EndsWith(".md", StringComparison.Ordinal) ? Path.Combine(_folder, a) : a)]);

        Assert.Equal(2, code);
        Assert.StartsWith("speclsp: ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "spec.md")));
    }

    [Fact]
    public async Task New_WorkspaceTemplate_IsFoundThroughConfiguration()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, ".speclsp.yaml"), "templatesFolder: tpl\n");
        Directory.CreateDirectory(Path.Combine(_folder, "tpl"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "tpl", "rfc.md"), "# RFC: [Title]\n\n## Motivation\n");
        string file = Path.Combine(_folder, "docs", "sync.md");

        var (code, _, _) = await RunAsync("new", "--template", "rfc", "--title", "Sync", file);

        Assert.Equal(0, code);
        Assert.Equal("# RFC: Sync\n\n## Motivation\n", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Outline_Spec_EndsWithTemplateChoiceAndScore()
    {
        string file = Path.Combine(_folder, "spec.md");
        await File.WriteAllTextAsync(file, "# Feature Specification: X\n\n## Overview\n\n## Requirements\n\n## My notes\n\n## Metrics and Monitoring\n");

        var (code, stdout, _) = await RunAsync("outline", file);

        Assert.Equal(0, code);
        Assert.EndsWith("template: lightweight (best match, 3/4 sections, score 0.75; evidence: title 'Feature Specification: [Feature Name]', 1 distinctive section (Metrics and Monitoring))\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outline_Positions_OneBasedLineColumnAsCheckPrintsThem()
    {
        string file = Path.Combine(_folder, "spec.md");
        await File.WriteAllTextAsync(file, "# Sync\n\n**Status:** Draft\n\n## Overview\n\n## Scope\n\nSee [x](missing.md).\n");

        var (_, outline, _) = await RunAsync("outline", file);
        var (_, check, _) = await RunAsync("check", file, "--no-color");

        Assert.StartsWith("H1 \"Sync\" 1:1-10:1 #sync\n", outline, StringComparison.Ordinal);
        Assert.Contains("\n  META Status = \"Draft\" 3:3-3:9 3:13-3:18 BoldLine\n", outline, StringComparison.Ordinal);
        Assert.Contains("\n  H2 \"Overview\" 5:1-7:1 #overview\n", outline, StringComparison.Ordinal);
        Assert.Contains("\n  H2 \"Scope\" 7:1-10:1 #scope\n", outline, StringComparison.Ordinal);
        // The link target starts at the ninth character of line 9 ("See [x](" before it): both count from 1.
        Assert.Contains("spec.md:9:9: warning broken-link: ", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outline_PlainMarkdown_SaysSo()
    {
        string file = Path.Combine(_folder, "README.md");
        await File.WriteAllTextAsync(file, "# Tool\n\n## Install\n\n## Usage\n");

        var (_, stdout, _) = await RunAsync("outline", file);

        Assert.EndsWith("template: none (plain Markdown)\n", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int code = await CommandLine.RunAsync(args, Stream.Null, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
