using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Sections;

public class SectionDiagnosticsTests
{
    public static TheoryData<string> BuiltInNames => [.. TemplateCatalog.BuiltInNames];

    public static TheoryData<string, string> RequiredSections()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in TemplateCatalog.BuiltIn.Templates)
        {
            foreach (var section in template.Sections.Where(s => s.IsRequired))
            {
                data.Add(template.Name, section.Path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Compute_UnchangedTemplate_ReportsNoMissingOrOrderOrDuplicate(string name)
    {
        var template = TemplateCatalog.BuiltIn.Find(name)!;
        var document = SpecParser.Parse(SourceText.From(NewSpecRenderer.Render(template, "CSV Export", new DateOnly(2026, 1, 5))));

        // OpenSpec task groups are named after the work: only the path and the 1.1 task lines tell the format.
        var choice = TemplateEnvironment.Default.Choose(document, name == "openspec-tasks" ? "/ws/openspec/changes/add-export/tasks.md" : null);
        var diagnostics = SectionDiagnostics.Compute(TemplateMatch.Create(document, template));

        Assert.Same(template, choice.Template);
        Assert.Equal(1.0, choice.Score);
        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.MissingSection or DiagnosticCodes.SectionOrder or DiagnosticCodes.DuplicateSection);
    }

    [Theory]
    [MemberData(nameof(RequiredSections))]
    public void Compute_TemplateWithOneRequiredSectionRemoved_ReportsExactlyThatMissingSection(string name, string path)
    {
        var template = TemplateCatalog.BuiltIn.Find(name)!;
        var full = SpecParser.Parse(SourceText.From(template.Body));
        var removed = TemplateMatch.Create(full, template).TopLevel.First(m => m.Template?.Path == path).Section;
        string text = full.Source.Text.Remove(
            full.Source.GetOffset(removed.Range.Start),
            full.Source.GetOffset(removed.Range.End) - full.Source.GetOffset(removed.Range.Start));
        var document = SpecParser.Parse(SourceText.From(text));

        var diagnostics = SectionDiagnostics.Compute(TemplateMatch.Create(document, template));

        var missing = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MissingSection);
        Assert.Equal(path, missing.Data[SectionDiagnostics.PathKey]);
        Assert.Equal(document.Title!.HeadingRange, missing.Range);
        Assert.Contains($"'{path}'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_MissingTopLevelSection_IsReportedOnTheTitle()
    {
        var marked = MarkedText.Parse("""
            [|# Feature Specification: CSV Export|]

            ## Purpose-free intro

            ## Overview
            Text.

            ## Requirements
            Text.
            """);

        var diagnostics = Diagnose(marked.Text, Template("# Feature Specification: [Feature Name]\n\n## Overview\n\n## Requirements\n\n## Security\n"));

        Assert.Equal("missing-section (0,0)-(0,35) Missing section 'Security' (template 'test').", Dump(diagnostics));
        Assert.Equal(marked.Range, diagnostics[0].Range);
    }

    [Fact]
    public void Compute_MissingRequiredSubsection_IsReportedOnItsParentHeading()
    {
        const string template = """
            ---
            required: [Requirements/Security]
            ---
            # [Title]

            ## Requirements

            ### Performance

            ### Security
            """;
        var marked = MarkedText.Parse("""
            # CSV Export

            [|## Requirements|]

            ### Performance
            Fast.
            """);

        var diagnostics = Diagnose(marked.Text, Template(template));

        var missing = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MissingSection, missing.Code);
        Assert.Equal(marked.Range, missing.Range);
        Assert.Equal("Missing section 'Security' under 'Requirements' (template 'test').", missing.Message);
        Assert.Equal("Requirements/Security", missing.Data[SectionDiagnostics.PathKey]);
        Assert.Equal("0.1", missing.Data[SectionDiagnostics.IndexPathKey]);
        Assert.Equal("test", missing.Data[SectionDiagnostics.TemplateKey]);
    }

    [Fact]
    public void Compute_SectionOutOfOrder_ReportsOnlyTheMovedSection()
    {
        var marked = MarkedText.Parse("""
            # T

            ## A
            a

            [|## C|]
            c

            ## B
            b

            ## D
            d
            """);

        var diagnostics = Diagnose(marked.Text, Template("# [T]\n\n## A\n\n## B\n\n## C\n\n## D\n"));

        var order = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SectionOrder, order.Code);
        Assert.Equal(marked.Range, order.Range);
        Assert.Equal("Section 'C' is out of template order: it belongs after 'B'.", order.Message);
        Assert.Equal("2", order.Data[SectionDiagnostics.IndexPathKey]);
    }

    [Fact]
    public void Compute_DuplicateSection_ReportsSecondWithFirstAsRelated()
    {
        var marked = MarkedText.Parse("""
            # T

            [|## A|]
            a

            [|## a|]
            again

            ## B
            b
            """);

        var diagnostics = Diagnose(marked.Text, Template("# [T]\n\n## A\n\n## B\n"));

        var duplicate = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateSection, duplicate.Code);
        Assert.Equal(marked.Ranges[1], duplicate.Range);
        Assert.Equal(marked.Ranges[0], Assert.Single(duplicate.Related).Range);
    }

    [Theory]
    [InlineData("# T\n\n## Summary\na\n\n## Summary\nagain\n", 1)]
    [InlineData("# T\n\n## Summary\na\n\n## Design\nb\n\n## Summary\nin short\n", 0)]
    [InlineData("# T\n\n> ## Design\n> quoted\n\n## Summary\na\n\n## Design\nb\n", 0)]
    public void Compute_FreeOrderFormat_ReportsARepeatOnlyRightAfterItsTwin(string spec, int expected)
    {
        // Seen in KEPs and RFCs: '### Test Plan' pasted twice in a row is a slip; a closing '## Summary' or a quoted
        // heading further on is the author's structure.
        var diagnostics = Diagnose(spec, Template("---\norder: free\n---\n# [T]\n\n## Summary\n\n## Design\n"));

        Assert.Equal(expected, diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateSection));
    }

    [Fact]
    public void Compute_RepeatableGroupMembers_AreNeitherDuplicatesNorOutOfOrder()
    {
        const string spec = """
            # T

            ## Requirements

            #### FR1: Import
            x

            #### FR3: Export
            y

            #### FR2: Delete
            z
            """;

        var diagnostics = Diagnose(spec, Template("# [T]\n\n## Requirements\n\n#### FR1: [Name]\nbody\n\n#### FR2: [Name]\nbody\n"));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Compute_EmptySections_AreReportedForLeavesWithOnlyWhiteSpaceOrComments()
    {
        var marked = MarkedText.Parse("""
            # T

            ## Overview

            ### Purpose
            Real text.

            [|### Goals|]
            <!-- Primary objectives this feature aims to achieve -->

            [|## Notes|]

            ---

            ## Unknown heading

            """);

        var diagnostics = Diagnose(marked.Text, Template("# [T]\n\n## Overview\n\n### Purpose\n\n### Goals\n\n## Notes\n"));

        Assert.Equal(
            """
            empty-section (7,0)-(7,9) Section 'Goals' is empty.
            empty-section (10,0)-(10,8) Section 'Notes' is empty.
            """,
            Dump(diagnostics));
        Assert.Equal(marked.Ranges, diagnostics.Select(d => d.Range));
    }

    [Fact]
    public void Compute_SectionHoldingOnlyItsTemplatePrompt_IsLeftToTemplatePrompt()
    {
        var marked = MarkedText.Parse("""
            # T

            ## Overview

            ### Goals
            <!-- Primary objectives this feature aims to achieve -->

            [|### Non-Goals|]
            <!-- a comment of the author's own -->

            """);

        var diagnostics = Diagnose(marked.Text, Template("# [T]\n\n## Overview\n\n### Goals\n<!-- Primary objectives this feature aims to achieve -->\n\n### Non-Goals\n<!-- What this feature does NOT do -->\n"));

        Assert.Equal("empty-section (7,0)-(7,13) Section 'Non-Goals' is empty.", Dump(diagnostics));
        Assert.Equal(marked.Ranges, diagnostics.Select(d => d.Range));
    }

    [Fact]
    public void Compute_RequiredSectionAtWrongPlace_IsNotCalledMissing()
    {
        const string spec = """
            # T

            ## A
            a

            ### B
            b is here, one level too deep
            """;

        Assert.Empty(Diagnose(spec, Template("# [T]\n\n## A\n\n## B\n")));
    }

    [Fact]
    public void Compute_UnknownHeadingsAnywhere_AreFine()
    {
        const string spec = """
            # T

            ## A
            a

            ## Appendix Z
            z

            ### Deep unknown
            d

            ## B
            b
            """;

        Assert.Empty(Diagnose(spec, Template("# [T]\n\n## A\n\n## B\n")));
    }

    [Fact]
    public void Analyze_PlainMarkdown_ReportsNothing()
    {
        const string readme = """
            # My project

            ## Installation
            npm i

            ## Overview
            Something.

            ## License
            MIT
            """;
        var analyzer = new SectionAnalyzer();

        var diagnostics = analyzer.Analyze(new Core.Analysis.AnalysisContext { Document = SpecParser.Parse(SourceText.From(readme)), Today = new DateOnly(2026, 1, 5) }, CancellationToken.None);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Analyze_SpecMatchingBestTemplate_ReportsItsMissingSections()
    {
        string spec = NewSpecRenderer.Render(TemplateCatalog.BuiltIn.Find("lightweight")!, "CSV", new DateOnly(2026, 1, 5))
            .Replace("## Open Questions\n<!-- Unresolved questions that need answers -->\n", string.Empty, StringComparison.Ordinal);
        var analyzer = new SectionAnalyzer();

        var diagnostics = analyzer.Analyze(new Core.Analysis.AnalysisContext { Document = SpecParser.Parse(SourceText.From(spec)), Today = new DateOnly(2026, 1, 5) }, CancellationToken.None);

        var missing = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MissingSection);
        Assert.Equal("Missing section 'Open Questions' (template 'lightweight').", missing.Message);
    }

    [Fact]
    public void Compute_TemplateHeadingMarkedOptional_IsNotMissingAndMatchesTheTitleWithoutMarker()
    {
        var template = Template("# [T]\n\n## Summary\n\n## Alternatives (Optional)\n\n## Risks *(mandatory)*\n");

        // Optional: absent is fine; mandatory: absent is missing.
        Assert.Equal(
            "missing-section (0,0)-(0,7) Missing section 'Risks' (template 'test').",
            Dump(Diagnose("# Cache\n\n## Summary\nShort.\n", template)));

        // The spec's "## Alternatives" is the template's "Alternatives (Optional)": known, so Risks is out of order.
        Assert.Equal(
            "section-order (5,0)-(5,8) Section 'Risks' is out of template order: it belongs after 'Alternatives'.",
            Dump(Diagnose("# Cache\n\n## Summary\nShort.\n\n## Risks\nFew.\n\n## Alternatives\nNone.\n", template).Where(d => d.Code != DiagnosticCodes.MissingSection)));
    }

    internal static SpecTemplate Template(string text) => TemplateSchemaBuilder.Build("test", text, TemplateOrigin.Workspace);

    private static IReadOnlyList<SpecDiagnostic> Diagnose(string text, SpecTemplate template) =>
        SectionDiagnostics.Compute(TemplateMatch.Create(SpecParser.Parse(SourceText.From(text)), template))
            .OrderBy(d => d.Range.Start).ToList();

    private static string Dump(IEnumerable<SpecDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Code} {d.Range} {d.Message}"));
}
