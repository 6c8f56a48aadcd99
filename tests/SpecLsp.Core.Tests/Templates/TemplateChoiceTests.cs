using System.Collections.Immutable;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Templates;

public class TemplateChoiceTests
{
    public static TheoryData<string> BuiltInNames => [.. TemplateCatalog.BuiltInNames];

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Choose_SpecFromEachTemplate_PicksThatTemplateByBestMatch(string name)
    {
        var document = Parse(NewSpecRenderer.Render(TemplateCatalog.BuiltIn.Find(name)!, "CSV Export", new DateOnly(2026, 1, 5)));

        var choice = TemplateEnvironment.Default.Choose(document);

        Assert.Equal(name, choice.Template?.Name);
        Assert.Equal(TemplateChoiceReason.BestMatch, choice.Reason);
        Assert.Equal($"template: {name} (best match, {choice.Total}/{choice.Total} sections, score 1.00)", choice.Describe());
    }

    [Fact]
    public void Choose_FrontMatterTemplateKey_WinsOverBestMatch()
    {
        var document = Parse("---\ntemplate: package\n---\n# Feature Specification: X\n\n## Overview\n\n## Requirements\n\n## Technical Design\n");

        var choice = TemplateEnvironment.Default.Choose(document);

        Assert.Equal("package", choice.Template?.Name);
        Assert.Equal(TemplateChoiceReason.FrontMatter, choice.Reason);
        Assert.Equal("template: package (front matter, 2/3 sections, score 0.67)", choice.Describe());
    }

    [Fact]
    public void Choose_UnknownFrontMatterTemplate_GivesNoTemplate()
    {
        var choice = TemplateEnvironment.Default.Choose(Parse("---\ntemplate: nope\n---\n# X\n\n## Overview\n\n## Requirements\n"));

        Assert.Null(choice.Template);
        Assert.Equal("template: none (unknown template 'nope')", choice.Describe());
    }

    [Fact]
    public void Choose_ConfiguredGlob_WinsOverBestMatchAndOutsideGlobsIsNotASpec()
    {
        var configuration = SpecLspConfiguration.Default with
        {
            Templates = [new("docs/rfcs/**", "proposal")],
            Exclude = [.. SpecLspConfiguration.Default.Exclude, "drafts/**"],
        };
        var environment = new TemplateEnvironment(TemplateCatalog.BuiltIn, configuration, "/ws");
        var document = Parse("# Feature Specification: X\n\n## Overview\n\n## Requirements\n\n## Technical Design\n");

        Assert.Equal("proposal", environment.Choose(document, "file:///ws/docs/rfcs/a/b.md").Template?.Name);
        Assert.Equal(TemplateChoiceReason.Configuration, environment.Choose(document, "/ws/docs/rfcs/x.md").Reason);
        Assert.Equal("lightweight", environment.Choose(document, "/ws/specs/x.md").Template?.Name);
        Assert.Equal(TemplateChoiceReason.NotASpec, environment.Choose(document, "/ws/drafts/x.md").Reason);
        Assert.Equal(TemplateChoiceReason.NotASpec, environment.Choose(document, "/ws/.github/x.md").Reason);
        Assert.Equal(TemplateChoiceReason.NotASpec, environment.Choose(document, "/ws/node_modules/p/README.md").Reason);
    }

    [Theory]
    [InlineData("# My project\n\n## Installation\n\n## Usage\n\n## Overview\n\n## License\n")]
    [InlineData("# Notes\n\n## Overview\n")]
    [InlineData("Just text, no headings.\n")]
    public void Choose_DocumentMatchingFewerThanHalfOrTooLittle_IsPlainMarkdown(string text)
    {
        var choice = TemplateEnvironment.Default.Choose(Parse(text));

        Assert.Null(choice.Template);
        Assert.Equal(TemplateChoiceReason.PlainMarkdown, choice.Reason);
    }

    [Fact]
    public void Choose_OneKnownSectionUnderMatchingTitle_IsEnough()
    {
        var choice = TemplateEnvironment.Default.Choose(Parse("# Feature Specification: X\n\n## Executive Summary\nx\n"));

        Assert.Equal("proposal", choice.Template?.Name);
    }

    private static Core.Model.SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));
}
