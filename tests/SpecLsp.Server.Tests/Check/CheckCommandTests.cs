using System.Text;
using System.Text.Json;
using SpecLsp.Server.Check;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests.Check;

/// <summary><c>speclsp check</c> over fixture folders written to a temporary directory.</summary>
public sealed class CheckCommandTests : IDisposable
{
    // A lightweight-template spec: two leftovers (a placeholder, an empty template prompt) and a broken link. In review,
    // so the leftovers are warnings (without a Status line the spec would be a draft, where they are hints).
    private const string Search = """
        # Feature Specification: Search
        **Status:** In Review
        ## Overview

        ### Purpose
        Find projects while typing. Owner: [Your Name]

        ### Goals
        Results within 100 ms.

        ### Non-Goals
        <!-- What this feature explicitly does NOT aim to do -->

        ## Requirements

        ### Functional Requirements
        1. Show ten matches, see [the API](api.md) and [export](export.md#overview)

        ## Technical Design

        ### Architecture Overview
        A prefix index.

        ## Implementation Plan

        ### Phase 1: Index
        - [ ] Build the index

        ## Testing Strategy

        ### Unit Tests
        Ranking.

        ## Documentation

        ### User Documentation
        - [ ] User guide

        ## Rollout Plan

        ### Deployment Strategy
        Behind a flag.

        ## Metrics and Monitoring

        ### Success Metrics
        Time to open a project.

        ## Open Questions
        None.

        ## Status

        - [x] Specification review

        ## Changelog

        | Date | Author | Changes |
        |------|--------|---------|
        | 2026-10-28 | Jonas | First draft |
        """;

    private const string Export = """
        # Export

        ## Overview

        Plain notes, no template.
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("speclsp-check-").FullName;

    public CheckCommandTests()
    {
        Write("specs/search.md", Search);
        Write("specs/export.md", Export);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    private Task<(int ExitCode, string Output, string Error)> CheckAsync(params string[] args) => CheckInAsync(_root, args);

    private static async Task<(int ExitCode, string Output, string Error)> CheckInAsync(string currentDirectory, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int exit = await CheckCommand.RunAsync(args, stdout, stderr, currentDirectory, stdoutIsTerminal: false);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public async Task Text_OnFixtureFolder_ListsEachProblemWithOneBasedPositions()
    {
        var (exit, output, _) = await CheckAsync("specs");

        Assert.Equal(
            """
            specs/search.md:6:36: warning unfilled-placeholder: Placeholder '[Your Name]' is not filled in.
            specs/search.md:12:1: warning template-prompt: Template prompt left unanswered: What this feature explicitly does NOT aim to do
            specs/search.md:17:36: warning broken-link: File 'api.md' does not exist.
            3 warnings in 1 of 2 files checked.

            """.ReplaceLineEndings("\n"),
            output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Json_IsParseableWithRelativePathsAndZeroBasedRanges()
    {
        var (_, output, _) = await CheckAsync("--format", "json");

        using var json = JsonDocument.Parse(output);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(3, diagnostics.Count);
        var link = diagnostics.Single(d => d.GetProperty("code").GetString() == "broken-link");
        Assert.Equal("specs/search.md", link.GetProperty("path").GetString());
        Assert.Equal(16, link.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(35, link.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public async Task Json_PerFile_ShowsTemplateScoreAndEvidence()
    {
        var (_, output, _) = await CheckAsync("--format", "json", "specs");

        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        var search = files["specs/search.md"];
        Assert.Equal("lightweight", search.GetProperty("template").GetString());
        Assert.Equal("best-match", search.GetProperty("templateReason").GetString());
        Assert.Equal(1.0, search.GetProperty("score").GetDouble());
        Assert.Contains(search.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("kind").GetString() == "title");
        var export = files["specs/export.md"];
        Assert.Equal(JsonValueKind.Null, export.GetProperty("template").ValueKind);
        Assert.Equal("plain-markdown", export.GetProperty("templateReason").GetString());
    }

    [Fact]
    public async Task Sarif_ResultsReferToRulesWithHelp()
    {
        var (_, output, _) = await CheckAsync("--format", "sarif", "specs");

        using var sarif = JsonDocument.Parse(output);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            var rule = rules[r.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(r.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
            Assert.NotEmpty(rule.GetProperty("help").GetProperty("text").GetString()!);
            Assert.Equal("specs/search.md", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        });
    }

    [Fact]
    public async Task Github_WritesOneWorkflowCommandPerDiagnostic()
    {
        var (_, output, _) = await CheckAsync("--format", "github", "specs");

        var commands = output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, commands.Count);
        Assert.Contains("::warning file=specs/search.md,line=17,col=36,endLine=17,endColumn=42,title=broken-link::File 'api.md' does not exist.", commands);
        Assert.Contains(commands, c => c.StartsWith("::warning file=specs/search.md,line=12,col=1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExitCode_ErrorSeverityFromConfiguration_IsOne()
    {
        Write(".speclsp.yaml", "severity:\n  broken-link: error\n");

        var (exit, output, _) = await CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("error broken-link", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCode_SeverityOff_RemovesTheDiagnostic()
    {
        Write(".speclsp.yaml", "severity:\n  broken-link: off\n  unfilled-placeholder: off\n");

        var (exit, output, _) = await CheckAsync();

        Assert.Equal(0, exit);
        Assert.DoesNotContain("broken-link", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unfilled-placeholder", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCode_MoreWarningsThanMax_IsOne()
    {
        var (exit, _, error) = await CheckAsync("--max-warnings", "2");
        var (exitWithinLimit, _, _) = await CheckAsync("--max-warnings", "3");

        Assert.Equal(1, exit);
        Assert.Contains("more than --max-warnings 2", error, StringComparison.Ordinal);
        Assert.Equal(0, exitWithinLimit);
    }

    [Fact]
    public async Task ExitCode_PathThatDoesNotExist_IsTwo()
    {
        var (exit, output, error) = await CheckAsync("specs/missing");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("no such file or folder: specs/missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCode_BadOption_IsTwo()
    {
        var (exit, _, error) = await CheckAsync("--format", "xml");

        Assert.Equal(2, exit);
        Assert.Contains("--format", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCode_InvalidConfiguration_IsTwoAndReportsIt()
    {
        Write(".speclsp.yaml", "severity: [unclosed\n");

        var (exit, output, _) = await CheckAsync();

        Assert.Equal(2, exit);
        Assert.Contains(".speclsp.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("invalid-configuration", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_NamedFileIsUsedAndMissingOneIsTwo()
    {
        Write("ci/strict.yaml", "severity:\n  template-prompt: error\n");

        var (exit, output, _) = await CheckAsync("--config", "ci/strict.yaml", "specs");
        var (missingExit, _, error) = await CheckAsync("--config", "ci/none.yaml");

        Assert.Equal(1, exit);
        Assert.Contains("error template-prompt", output, StringComparison.Ordinal);
        Assert.Equal(2, missingExit);
        Assert.Contains("configuration file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_NamedExplicitly_IsCheckedAlone()
    {
        var (_, output, _) = await CheckAsync("specs/export.md");

        Assert.Equal("1 file checked, no problems.\n", output);
    }

    [Fact]
    public async Task UnreadableFile_IsADiagnosticNotACrash()
    {
        File.WriteAllBytes(Path.Combine(_root, "specs", "binary.md"), [0x23, 0x20, 0x00, 0xFF, 0xFE, 0x00]);

        var (exit, output, _) = await CheckAsync("specs");

        Assert.Equal(1, exit);
        Assert.Contains("specs/binary.md:1:1: error unreadable-file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_KeepsAPromptThatIsItsSectionsOnlyText()
    {
        // Removing it would leave Non-Goals empty (reported as empty-section) and lose what to write there.
        var (_, output, error) = await CheckAsync("--fix", "specs");

        Assert.Contains("<!-- What this feature", File.ReadAllText(Path.Combine(_root, "specs", "search.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("fixed specs/search.md", error, StringComparison.Ordinal);
        Assert.Contains("template-prompt", output, StringComparison.Ordinal);
        Assert.DoesNotContain("empty-section", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_RemovesTheEmptyListItemButNotThePlaceholder()
    {
        Write("specs/search.md", Search.Replace("1. Show ten matches", "1. Show ten matches, fast\n2.\n3. Show", StringComparison.Ordinal));
        var (exit, output, error) = await CheckAsync("--fix", "specs");

        string fixedText = File.ReadAllText(Path.Combine(_root, "specs", "search.md"));
        Assert.Contains("1. Show ten matches, fast\n3. Show", fixedText, StringComparison.Ordinal);
        Assert.Contains("[Your Name]", fixedText, StringComparison.Ordinal);
        Assert.Contains("fixed specs/search.md: Remove", error, StringComparison.Ordinal);
        Assert.Contains("unfilled-placeholder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("This list item is empty", output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Fix_KeepsEmptyListItemsThatAreTheirSectionsOnlyText()
    {
        // Each empty item alone is safe to remove, but all of them would leave the section empty: an empty-section
        // after --fix, and the numbered list to fill in gone. Those stay; an empty item elsewhere still goes.
        Write("specs/search.md", Search
            .Replace("1. Show ten matches, see [the API](api.md) and [export](export.md#overview)", "1.\n2.\n3.", StringComparison.Ordinal)
            .Replace("- [ ] Build the index", "- [ ] Build the index\n-", StringComparison.Ordinal));
        var (_, output, error) = await CheckAsync("--fix", "specs");

        string fixedText = File.ReadAllText(Path.Combine(_root, "specs", "search.md"));
        Assert.Contains("### Functional Requirements\n1.\n2.\n3.\n", fixedText, StringComparison.Ordinal);
        Assert.Contains("- [ ] Build the index\n\n## Testing Strategy", fixedText, StringComparison.Ordinal);
        Assert.Contains("fixed specs/search.md: Remove empty list item\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("empty-section", output, StringComparison.Ordinal);
        Assert.Contains("This list item is empty", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examples_MainCommandOfTheReadme_FindsTheDeliberateProblems()
    {
        var (exit, output, _) = await CheckInAsync(RepositoryPaths.Root, "examples");

        Assert.Equal(1, exit);
        Assert.Contains("examples/audit-log.md:57:17: error unfilled-placeholder: Placeholder '[Description]' is not filled in.", output, StringComparison.Ordinal);
        Assert.Contains("examples/notifications.md:152:29: warning broken-link: File 'docs/slack.md' does not exist.", output, StringComparison.Ordinal);
        Assert.Contains("examples/audit-log.md:108:52: warning undefined-id: FR5 is not defined in this spec.", output, StringComparison.Ordinal);
        // search-index.md follows the lightweight template, which has no Status line: a draft, whose leftovers are hints.
        Assert.Contains("examples/search-index.md:13:1: hint template-prompt:", output, StringComparison.Ordinal);
        Assert.StartsWith("1 error,", output.Split('\n')[^2], StringComparison.Ordinal);
        Assert.EndsWith("5 files checked.", output.Split('\n')[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_CheckExitsWithTheSameCodeAndSummary()
    {
        var (exit, output, _) = await SpeclspProcess.RunAsync("check", "--no-color", Path.Combine(_root, "specs"));
        var (missingExit, _, error) = await SpeclspProcess.RunAsync("check", Path.Combine(_root, "nowhere"));

        Assert.Equal(0, exit);
        Assert.EndsWith("3 warnings in 1 of 2 files checked.\n", output, StringComparison.Ordinal);
        Assert.Equal(2, missingExit);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }
}
