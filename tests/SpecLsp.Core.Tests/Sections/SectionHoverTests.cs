using SpecLsp.Core.Hover;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Sections;

public class SectionHoverTests
{
    [Fact]
    public void Compute_OnKnownHeading_ShowsTemplateGuidanceWithPromptsAsText()
    {
        var marked = MarkedText.Parse("""
            # Feature Specification: CSV Export

            ## Overview

            [|### Go$$als|]
            Ship it.
            """);

        var hover = Compute(marked, "lightweight");

        Assert.NotNull(hover);
        Assert.Equal(marked.Range, hover.Range);
        Assert.Equal(
            "**Goals**: optional section of template `lightweight` (Overview › Goals)\n\n*Primary objectives this feature aims to achieve*",
            hover.Markdown);
    }

    [Fact]
    public void Compute_OnGroupMember_ShowsFirstMemberBody()
    {
        var marked = MarkedText.Parse("# Feature Specification: X\n\n## Requirements\n\n### Functional Requirements\n\n#### FR7$$: Audit\nx\n");

        var hover = Compute(marked, "detailed");

        Assert.NotNull(hover);
        Assert.StartsWith("**FR**: repeatable section of template `detailed` (Requirements › Functional Requirements › FR1: [Requirement Name])\n\n**Description:** [Detailed description]", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OnUnknownHeadingOrProse_ReturnsNull()
    {
        Assert.Null(Compute(MarkedText.Parse("# Feature Specification: X\n\n## My own$$ notes\n"), "detailed"));
        Assert.Null(Compute(MarkedText.Parse("# Feature Specification: X\n\n## Overview\nSome $$text\n"), "detailed"));
    }

    [Fact]
    public void Compute_OnSectionWithSubsections_ListsThem()
    {
        var hover = Compute(MarkedText.Parse("# X\n\n## Tes$$ting\n"), "package");

        Assert.NotNull(hover);
        Assert.EndsWith("Subsections: Test Strategy, Test Cases, Edge Cases, Acceptance Criteria", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeForTitle_OnH1_SaysWhichTemplateAndWhy()
    {
        var marked = MarkedText.Parse("[|# Feature Specification: C$$SV|]\n\n## Metadata\n\n## Executive Summary\n\n## Appendix\n");
        var document = SpecParser.Parse(SourceText.From(marked.Text));

        var hover = SectionHover.ComputeForTitle(document, TemplateEnvironment.Default.Choose(document), marked.CaretPosition);

        Assert.NotNull(hover);
        Assert.Equal(marked.Range, hover.Range);
        Assert.StartsWith("Follows template `proposal` (best match, 2/3 top-level sections known, score 0.67)\n\nProblem and proposed solution", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n\nSections: Metadata, Executive Summary, Problem Statement,", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeForTitle_PlainMarkdown_SaysNoTemplate()
    {
        var marked = MarkedText.Parse("# Too$$l\n\n## Install\n");
        var document = SpecParser.Parse(SourceText.From(marked.Text));

        var hover = SectionHover.ComputeForTitle(document, TemplateEnvironment.Default.Choose(document), marked.CaretPosition);

        Assert.Equal("No template: plain Markdown.", hover?.Markdown);
    }

    private static SpecHover? Compute(MarkedText marked, string template) =>
        SectionHover.Compute(TemplateMatch.Create(SpecParser.Parse(SourceText.From(marked.Text)), TemplateCatalog.BuiltIn.Find(template)!), marked.CaretPosition);
}
