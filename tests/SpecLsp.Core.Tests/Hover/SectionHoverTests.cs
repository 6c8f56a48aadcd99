using SpecLsp.Core.Hover;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Hover;

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

    private static SpecHover? Compute(MarkedText marked, string template) =>
        SectionHover.Compute(TemplateMatch.Create(SpecParser.Parse(SourceText.From(marked.Text)), TemplateCatalog.BuiltIn.Find(template)!), marked.CaretPosition);
}
