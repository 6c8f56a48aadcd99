using System.Collections.Immutable;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Configuration;

public class ConfigurationTests
{
    [Fact]
    public void Parse_EveryKey_IsRead()
    {
        const string yaml = """
            specs: ["specs/**/*.md", "docs/*.md"]
            exclude:
              - "**/archive/**"
            templatesFolder: tools/templates
            templates:
              "specs/rfcs/**": proposal
              "specs/**": detailed
            severity:
              empty-section: off
              missing-section: error
              section-order: hint
            maxDiagnosticsPerDocument: 50
            siteRoot: website/docs
            """;

        var result = ConfigurationParser.Parse(yaml);
        var configuration = SpecLspConfiguration.Merge(result.Settings);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("website/docs", configuration.SiteRoot);
        Assert.Null(SpecLspConfiguration.Default.SiteRoot);
        Assert.Equal<string>(["specs/**/*.md", "docs/*.md"], configuration.Specs);
        Assert.Equal<string>(["**/archive/**"], configuration.Exclude);
        Assert.Equal("tools/templates", configuration.TemplatesFolder);
        Assert.Equal("proposal", configuration.TemplateFor("specs/rfcs/001.md"));
        Assert.Equal("detailed", configuration.TemplateFor("specs/a.md"));
        Assert.Null(configuration.TemplateFor("docs/a.md"));
        Assert.Equal(DiagnosticLevel.Off, configuration.Severity["empty-section"]);
        Assert.Equal(DiagnosticLevel.Error, configuration.Severity["missing-section"]);
        Assert.Equal(DiagnosticLevel.Hint, configuration.Severity["section-order"]);
        Assert.Equal(50, configuration.MaxDiagnosticsPerDocument);
        Assert.True(configuration.IsSpec("specs/x/y.md"));
        Assert.False(configuration.IsSpec("specs/archive/y.md"));
        Assert.False(configuration.IsSpec("README.md"));
    }

    [Theory]
    [InlineData("docs/templates/adr.md", false)]
    [InlineData("locales/ko/템플릿/README.md", false)]
    [InlineData("locales/fr/modèles/madr/README.md", false)]
    [InlineData("locales/es/plantillas/x.md", false)]
    [InlineData("locales/ko/서류/README.md", true)]
    [InlineData("docs/template-guide.md", true)]
    public void IsSpec_Default_ExcludesTemplatesFoldersUnderTheirTranslatedNamesToo(string path, bool spec)
    {
        // Translated documentation keeps its templates in a folder named in its language; their sample links are on purpose.
        Assert.Equal(spec, SpecLspConfiguration.Default.IsSpec(path));
    }

    [Fact]
    public void Parse_EmptyFile_GivesDefaults()
    {
        var result = ConfigurationParser.Parse("# nothing set\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(SpecLspConfiguration.Default, SpecLspConfiguration.Merge(result.Settings));
    }

    [Fact]
    public void Parse_NotYaml_GivesOneErrorAndDefaults()
    {
        var result = ConfigurationParser.Parse("severity: [unclosed\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidConfiguration, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.StartsWith("Invalid configuration, defaults are used:", error.Message, StringComparison.Ordinal);
        Assert.Equal(SpecLspConfiguration.Default, SpecLspConfiguration.Merge(result.Settings));
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    public void Parse_NotAMapping_GivesOneErrorAndDefaults(string yaml)
    {
        var result = ConfigurationParser.Parse(yaml);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(result.Diagnostics).Severity);
        Assert.Equal(SpecLspConfiguration.Default, SpecLspConfiguration.Merge(result.Settings));
    }

    [Fact]
    public void Parse_BadValues_AreReportedOnThemAndOtherKeysStillApply()
    {
        var marked = MarkedText.Parse("""
            [|colour|]: blue
            severity:
              [|no-such-code|]: error
              empty-section: [|loud|]
              missing-section: hint
            maxDiagnosticsPerDocument: [|-3|]
            templatesFolder: my/templates
            """);

        var result = ConfigurationParser.Parse(marked.Text);
        var configuration = SpecLspConfiguration.Merge(result.Settings);

        Assert.Equal(marked.Ranges, result.Diagnostics.Select(d => d.Range));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidConfiguration, d.Code));
        Assert.Equal("Unknown setting 'colour'; known settings are specs, exclude, templatesFolder, templates, severity, maxDiagnosticsPerDocument, siteRoot.", result.Diagnostics[0].Message);
        Assert.Equal(DiagnosticLevel.Hint, configuration.Severity["missing-section"]);
        Assert.False(configuration.Severity.ContainsKey("empty-section"));
        Assert.Equal(1000, configuration.MaxDiagnosticsPerDocument);
        Assert.Equal("my/templates", configuration.TemplatesFolder);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(600)]
    public void Parse_DeeplyNestedYaml_IsRefusedWithoutCrashing(int depth)
    {
        string flow = "severity: " + new string('[', depth) + new string(']', depth) + "\n";
        var block = string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "k:\n"));

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(ConfigurationParser.Parse(flow).Diagnostics).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(ConfigurationParser.Parse(block).Diagnostics).Severity);
    }

    [Fact]
    public void Parse_AliasBombAndHugeFile_AreRefused()
    {
        var bomb = "a: &a [x, x]\n" + string.Concat(Enumerable.Range(0, 120).Select(i => $"k{i}: *a\n"));

        Assert.Contains("aliases", Assert.Single(ConfigurationParser.Parse(bomb).Diagnostics).Message, StringComparison.Ordinal);
        Assert.Contains("larger", Assert.Single(ConfigurationParser.Parse("a: " + new string('x', 70_000)).Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FileLayerWinsOverClientLayerKeyByKey()
    {
        var client = new ConfigurationSettings
        {
            TemplatesFolder = "client/templates",
            MaxDiagnosticsPerDocument = 10,
            Severity = ImmutableDictionary<string, DiagnosticLevel>.Empty.Add("empty-section", DiagnosticLevel.Hint).Add("section-order", DiagnosticLevel.Off),
        };
        var file = ConfigurationParser.Parse("templatesFolder: file/templates\nseverity:\n  empty-section: error\n").Settings;

        var merged = SpecLspConfiguration.Merge(client, file);

        Assert.Equal("file/templates", merged.TemplatesFolder);
        Assert.Equal(10, merged.MaxDiagnosticsPerDocument);
        Assert.Equal(DiagnosticLevel.Error, merged.Severity["empty-section"]);
        Assert.Equal(DiagnosticLevel.Off, merged.Severity["section-order"]);
    }

    [Theory]
    [InlineData("specs/001-a/spec.md", true)]
    [InlineData("templates/spec-template.md", false)]
    [InlineData("presets/scaffold/templates/plan.md", false)]
    [InlineData("docs/adr/decision-template.md", false)]
    [InlineData("docs/templates.md", true)]
    public void IsSpec_Default_TemplatesThemselvesAreNotSpecs(string path, bool expected)
    {
        Assert.Equal(expected, SpecLspConfiguration.Default.IsSpec(path));
    }

    [Theory]
    [InlineData("**/*.md", "a.md", true)]
    [InlineData("**/*.md", "x/y/a.md", true)]
    [InlineData("**/*.md", "x/y/a.txt", false)]
    [InlineData("specs/*.md", "specs/a.md", true)]
    [InlineData("specs/*.md", "specs/x/a.md", false)]
    [InlineData("specs/**", "specs/x/a.md", true)]
    [InlineData("**/.*/**", ".git/x.md", true)]
    [InlineData("**/.*/**", "a/.spec/templates/t.md", true)]
    [InlineData("**/.*/**", "a/b.md", false)]
    [InlineData("{docs,specs}/*.MD", "docs/a.md", true)]
    [InlineData("specs/?.md", "specs/ab.md", false)]
    public void Glob_Patterns_MatchRelativePaths(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.TryCreate(pattern)!.IsMatch(path));

    [Fact]
    public void Apply_SeveritiesAndMaximum_AreEnforcedWithATrailingNote()
    {
        var range = new TextRange(0, 0, 0, 1);
        var diagnostics = Enumerable.Range(0, 5).Select(i => new SpecDiagnostic(new TextRange(i, 0, i, 1), DiagnosticSeverity.Warning, DiagnosticCodes.MissingSection, "m"))
            .Append(new SpecDiagnostic(range, DiagnosticSeverity.Information, DiagnosticCodes.EmptySection, "e"))
            .ToImmutableArray();
        var configuration = SpecLspConfiguration.Default with
        {
            MaxDiagnosticsPerDocument = 3,
            Severity = ImmutableDictionary<string, DiagnosticLevel>.Empty.Add(DiagnosticCodes.MissingSection, DiagnosticLevel.Error).Add(DiagnosticCodes.EmptySection, DiagnosticLevel.Off),
        };

        var applied = DiagnosticPolicy.Apply(diagnostics, configuration);

        Assert.Equal(
            ["missing-section Error", "missing-section Error", "missing-section Error", "too-many-diagnostics Information"],
            applied.Select(d => $"{d.Code} {d.Severity}"));
        Assert.Equal("2 more diagnostics are not shown (maxDiagnosticsPerDocument is 3).", applied[^1].Message);
    }
}
