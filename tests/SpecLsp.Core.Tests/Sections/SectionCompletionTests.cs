using SpecLsp.Core.Completion;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Sections;

public class SectionCompletionTests
{
    private static readonly SpecTemplate s_detailed = TemplateCatalog.BuiltIn.Find("detailed")!;

    [Fact]
    public void Complete_HashesInsideRepeatableGroup_OffersNextMemberFirstAsSnippet()
    {
        var marked = MarkedText.Parse("""
            # Feature Specification: CSV Export

            ## Requirements

            ### Functional Requirements

            #### FR1: Import
            a

            #### FR2: Export
            b

            [|####$$|]
            """);

        var items = Complete(marked, s_detailed);

        var first = items[0];
        Assert.Equal("FR3: [Requirement Name]", first.Label);
        Assert.Equal("#### FR3: [Requirement Name]", first.FilterText);
        Assert.Equal(marked.Range, first.ReplaceRange);
        Assert.Equal(
            """
            #### FR3: ${1:Requirement Name}
            **Description:** ${2:Detailed description}
            **User Impact:** ${3:How this affects users}
            **Acceptance Criteria:**
            - [ ] ${4:Criterion 1}
            - [ ] ${5:Criterion 2}
            - [ ] ${6:Criterion 3}
            $0
            """,
            first.SnippetText);
        Assert.StartsWith("#### FR3: [Requirement Name]\n**Description:** [Detailed description]\n", first.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_HashesAtTopLevel_OffersMissingSectionsThatBelongHereFirstInTemplateOrder()
    {
        var marked = MarkedText.Parse("""
            # Feature Specification: CSV Export

            ## Overview
            x

            ## Technical Design
            y

            ##$$
            """);

        var items = Complete(marked, TemplateCatalog.BuiltIn.Find("lightweight")!);

        // Requirements belongs between Overview and Technical Design: offered last, saying where it goes.
        Assert.Equal(
            ["Implementation Plan", "Testing Strategy", "Documentation", "Rollout Plan", "Metrics and Monitoring", "Open Questions", "Status", "Changelog", "Requirements"],
            items.OrderBy(i => i.SortText, StringComparer.Ordinal).Select(i => i.Label));
        Assert.All(items.Where(i => i.Label != "Requirements"), i => Assert.Equal("required section · template lightweight", i.Detail));
        Assert.Equal("belongs before 'Technical Design' · required section · template lightweight", items.Single(i => i.Label == "Requirements").Detail);
    }

    [Fact]
    public void Complete_EmptyLine_OffersMissingChildrenBeforeMissingSiblings()
    {
        var marked = MarkedText.Parse("""
            # Feature Specification: CSV Export

            ## Overview

            ### Purpose
            Why.

            $$
            """);

        var items = Complete(marked, TemplateCatalog.BuiltIn.Find("lightweight")!).OrderBy(i => i.SortText, StringComparer.Ordinal).Select(i => i.FilterText).ToList();

        Assert.Equal(["### Goals", "### Non-Goals", "## Requirements"], items.Take(3));
        Assert.DoesNotContain("### Purpose", items);
        Assert.DoesNotContain("## Overview", items);
    }

    [Fact]
    public void Complete_WrongLevelOrProseLine_OffersNothing()
    {
        var deep = MarkedText.Parse("# Feature Specification: X\n\n## Overview\n\n#####$$\n");
        var prose = MarkedText.Parse("# Feature Specification: X\n\n## Overview\n\nSome $$text\n");
        var code = MarkedText.Parse("# Feature Specification: X\n\n## Overview\n\n```\n##$$\n```\n");

        Assert.Empty(Complete(deep, s_detailed));
        Assert.Empty(Complete(prose, s_detailed));
        Assert.Empty(Complete(code, s_detailed));
    }

    [Fact]
    public void Complete_RepeatedTemplateHeading_IsOfferedAgainWhenPresent()
    {
        var marked = MarkedText.Parse("""
            # Parser

            ## Changelog

            ### 2026-01-05
            - Initial spec created

            ###$$
            """);

        var items = Complete(marked, TemplateCatalog.BuiltIn.Find("package")!);

        Assert.Equal("YYYY-MM-DD", Assert.Single(items).Label);
    }

    [Fact]
    public void ToSnippet_SpecialCharactersAndNonPlaceholders_AreEscapedNotTabstops()
    {
        const string text = "Cost: $5 {a} \\ [Amount]\n- [ ] [Task] see [docs](x.md) and a[0]\n```toml\n[dependencies]\n```";

        Assert.Equal(
            "Cost: \\$5 {a\\} \\\\ ${1:Amount}\n- [ ] ${2:Task} see [docs](x.md) and a[0]\n```toml\n[dependencies]\n```$0",
            TemplateText.ToSnippet(text));
    }

    [Fact]
    public void Complete_TextAfterTheCaret_OffersNothing()
    {
        // "## " typed in front of an existing heading: accepting a section would replace that heading.
        var inFront = MarkedText.Parse("# Feature Specification: CSV Export\n\n## Overview\nx\n\n## $$## Documentation\n");
        var atEnd = MarkedText.Parse("# Feature Specification: CSV Export\n\n## Overview\nx\n\n## $$  \n");

        Assert.Empty(Complete(inFront, TemplateCatalog.BuiltIn.Find("lightweight")!));
        Assert.NotEmpty(Complete(atEnd, TemplateCatalog.BuiltIn.Find("lightweight")!));
    }

    private static IReadOnlyList<SpecCompletionItem> Complete(MarkedText marked, SpecTemplate template) =>
        SectionCompletion.Complete(TemplateMatch.Create(SpecParser.Parse(SourceText.From(marked.Text)), template), marked.CaretPosition);
}
