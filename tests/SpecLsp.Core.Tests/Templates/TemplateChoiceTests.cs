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

        // OpenSpec task groups are named after the work: only the path and the 1.1 task lines tell the format.
        var choice = TemplateEnvironment.Default.Choose(document, name == "openspec-tasks" ? "/ws/openspec/changes/add-export/tasks.md" : null);

        Assert.Equal(name, choice.Template?.Name);
        Assert.Equal(TemplateChoiceReason.BestMatch, choice.Reason);
        Assert.StartsWith($"template: {name} (best match, {choice.Total}/{choice.Total} sections, score 1.00; evidence: ", choice.Describe(), StringComparison.Ordinal);
        Assert.Contains(choice.Evidence, e => e.Kind == (name == "openspec-tasks" ? TemplateEvidenceKind.Marker : TemplateEvidenceKind.Sections));
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
        Assert.Null(environment.Choose(document, "/ws/specs/x.md").Template);
        Assert.Equal(TemplateChoiceReason.PlainMarkdown, environment.Choose(document, "/ws/specs/x.md").Reason);
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

    [Theory]
    [InlineData("audit-log.md", "proposal")]
    [InlineData("csv-export.md", "detailed")]
    [InlineData("notifications.md", "product")]
    [InlineData("retry-policy.md", "package")]
    [InlineData("search-index.md", "lightweight")]
    public void Choose_RepositoryExamples_StillFollowTheirTemplate(string file, string template)
    {
        string text = File.ReadAllText(Path.Combine(TestSupport.Fixtures.SourceDirectory(), "..", "..", "examples", file));

        var choice = TemplateEnvironment.Default.Choose(Parse(text), "/ws/docs/" + file);

        Assert.Equal(template, choice.Template?.Name);
        Assert.Equal(TemplateChoiceReason.BestMatch, choice.Reason);
    }

    // Seen on real repositories: a short task note matched 'detailed' at 2/3 and got 15 missing-section warnings.
    [Fact]
    public void Choose_ThreeGenericSections_IsPlainMarkdownWithNoSectionDiagnostics()
    {
        var document = Parse("# Fix login timeout\n\n## Problem\nIt times out.\n\n## Acceptance Criteria\n- works\n\n## References\n- #12\n");

        var choice = TemplateEnvironment.Default.Choose(document, "/ws/tasks/login.md");

        Assert.Null(choice.Template);
        Assert.Equal(TemplateChoiceReason.PlainMarkdown, choice.Reason);
        Assert.Equal("template: none (plain Markdown; closest detailed, 2/3 sections, score 0.67, too little evidence; evidence: only generic sections)", choice.Describe());
        Assert.Empty(new Core.Sections.SectionAnalyzer().Analyze(Context(document), default));
    }

    // Seen on real repositories: a numbered task list matched 'package' and got section-order errors.
    [Fact]
    public void Choose_NumberedTaskList_IsPlainMarkdown()
    {
        var document = Parse("# Tasks\n\n## 1. Setup\n- [ ] a\n\n## 2. Error Handling\n- [ ] b\n\n## 3. Testing\n- [ ] c\n");

        var choice = TemplateEnvironment.Default.Choose(document, "/ws/TASKS.md");

        Assert.Null(choice.Template);
        Assert.Empty(new Core.Sections.SectionAnalyzer().Analyze(Context(document), default));
    }

    [Fact]
    public void Choose_TwoTemplatesFitEqually_IsAmbiguousAndPlainMarkdown()
    {
        // Title and Technical Design fit both 'detailed' and 'lightweight' the same.
        var choice = TemplateEnvironment.Default.Choose(Parse("# Feature Specification: X\n\n## Overview\n\n## Technical Design\n"));

        Assert.Null(choice.Template);
        Assert.NotNull(choice.RunnerUp);
        Assert.StartsWith("template: none (plain Markdown; ambiguous: ", choice.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_TitleAndADistinctiveSection_IsEnoughAndSaysWhy()
    {
        var choice = TemplateEnvironment.Default.Choose(Parse("# Feature Specification: X\n\n## Overview\n\n## Metrics and Monitoring\n"));

        Assert.Equal("lightweight", choice.Template?.Name);
        Assert.Equal("template: lightweight (best match, 2/2 sections, score 1.00; evidence: title 'Feature Specification: [Feature Name]', 1 distinctive section (Metrics and Monitoring))", choice.Describe());
    }

    [Fact]
    public void BestMatch_PathConventionAndMarker_AreEvidence()
    {
        var template = TemplateSchemaBuilder.Build("team", "---\nmatch:\n  paths: ['**/rfcs/*.md']\n  markers: ['**RFC Owner**']\n---\n# [Title]\n\n## Summary\n\n## Sign-off\n", TemplateOrigin.Workspace);
        var catalog = TemplateCatalog.Create([("team", "---\nmatch:\n  paths: ['**/rfcs/*.md']\n  markers: ['**RFC Owner**']\n---\n# [Title]\n\n## Summary\n\n## Sign-off\n", null)]);
        var document = Parse("# Caching\n\n## Summary\nx\n");

        Assert.Empty(template.Problems);
        Assert.Equal("**/rfcs/*.md", Assert.Single(template.PathConventions));
        Assert.Equal("team", TemplateEnvironment.BestMatch(document, catalog, "/repo/docs/rfcs/caching.md").Template?.Name);
        Assert.Null(TemplateEnvironment.BestMatch(document, catalog, "/repo/docs/caching.md").Template);
        Assert.Equal("team", TemplateEnvironment.BestMatch(Parse("# Caching\n\n**RFC Owner**: me\n\n## Summary\n"), catalog).Template?.Name);
    }

    private const string SpecKitSpec = "# Feature Specification: Photo albums\n\n**Feature Branch**: `001-albums`\n\n## User Scenarios & Testing *(mandatory)*\nSort photos.\n\n## Requirements *(mandatory)*\n- **FR-001**: System MUST group photos.\n\n## Success Criteria *(mandatory)*\n- **SC-001**: Done in a minute.\n";

    [Fact]
    public void Choose_SpecKitSpecAtItsPath_IsSpeckitSpecWithNoMissingSection()
    {
        var document = Parse(SpecKitSpec);

        var choice = TemplateEnvironment.Default.Choose(document, "/repo/specs/001-albums/spec.md");

        Assert.Equal("speckit-spec", choice.Template?.Name);
        Assert.Equal([TemplateEvidenceKind.Path, TemplateEvidenceKind.Marker, TemplateEvidenceKind.Title, TemplateEvidenceKind.Sections], choice.Evidence.Select(e => e.Kind));
        Assert.Empty(new Core.Sections.SectionAnalyzer().Analyze(Context(document), default));
    }

    [Fact]
    public void Choose_SpecKitSpecElsewhere_RecognisedByItsMarker()
    {
        Assert.Equal("speckit-spec", TemplateEnvironment.Default.Choose(Parse(SpecKitSpec), "/repo/docs/albums.md").Template?.Name);
    }

    [Theory]
    [InlineData("/repo/specs/001-albums/tasks.md", "# Tasks: Photo albums\n\n## Phase 1: Setup\n- [ ] T001 Create the project\n", "speckit-tasks")]
    [InlineData("/repo/specs/001-albums/plan.md", "# Implementation Plan: Photo albums\n\n## Summary\nx\n\n## Technical Context\n**Language/Version**: C# 14\n", "speckit-plan")]
    [InlineData("/repo/specs/001-albums/checklists/requirements.md", "# Specification Quality Checklist: Photo albums\n\n## Content Quality\n- [ ] CHK001 Is every story testable?\n", "speckit-checklist")]
    public void Choose_SpecKitDocumentsInAFeatureFolder_FollowTheirFormat(string path, string text, string template)
    {
        Assert.Equal(template, TemplateEnvironment.Default.Choose(Parse(text), path).Template?.Name);
    }

    [Fact]
    public void Choose_SpecMdInAFolderWithoutAFeatureNumber_IsNotSpecKit()
    {
        // OpenSpec keeps one spec per capability in openspec/specs/<capability>/spec.md: not a spec-kit feature folder.
        var document = Parse("# cli-init Specification\n\n## Purpose\nSet a project up.\n\n## Requirements\n### Requirement: Init\nThe CLI SHALL create the folder.\n");

        Assert.NotEqual("speckit-spec", TemplateEnvironment.Default.Choose(document, "/repo/openspec/specs/cli-init/spec.md").Template?.Name);
    }

    [Theory]
    [InlineData("/repo/keps/sig-node/5573-faster-start/README.md", "# KEP-5573: Faster pod start\n\n## Summary\nStart pods sooner.\n\n## Motivation\nThey wait.\n\n## Drawbacks\n", "kep")]
    [InlineData("/repo/doc/adr/0003-use-postgres.md", "# 3. Use PostgreSQL\n\nDate: 2026-01-05\n\n## Status\nAccepted\n\n## Context\nWe need a database.\n\n## Decision\nWe will use PostgreSQL.\n\n## Consequences\nOne more service.\n", "adr")]
    [InlineData("/repo/text/0042-labelled-loops.md", "- Feature Name: labelled_loops\n- Start Date: 2026-01-05\n\n## Summary\nName loops.\n\n## Motivation\nBreak out.\n\n## Prior art\nC has goto.\n", "rfc")]
    [InlineData("/repo/text/0042-labelled-loops.md", "- Start Date: 2026-01-05\n\n# Summary\nName loops.\n\n# Motivation\nBreak out.\n\n## Use cases\nNested loops.\n\n# Drawbacks\nMore syntax.\n", "rfc")]
    [InlineData("/repo/openspec/changes/add-export/proposal.md", "# Change: Add CSV export\n\n## Why\nUsers ask.\n\n## What Changes\n- Add a button\n\n## Impact\n- export spec\n", "openspec-proposal")]
    [InlineData("/repo/openspec/changes/archive/2026-01-05-add-export/tasks.md", "# Tasks\n\n## 1. Export\n- [x] 1.1 Add the button\n- [ ] 1.2 Write the file\n", "openspec-tasks")]
    [InlineData("/repo/openspec/changes/add-export/specs/export/spec.md", "## ADDED Requirements\n\n### Requirement: CSV file\nThe system SHALL write CSV.\n\n#### Scenario: One row\n- **WHEN** a row\n- **THEN** a line\n", "openspec-delta")]
    [InlineData("/repo/openspec/specs/export/spec.md", "# export Specification\n\n## Purpose\nGet data out.\n\n## Requirements\n\n### Requirement: CSV file\nThe system SHALL write CSV.\n", "openspec-spec")]
    [InlineData("/repo/examples/go/index.md", "# Architecture Decision Record: Go\n\n## Background\nWe need a language.\n\n## Rationale\nFast builds.\n", "adr")]
    [InlineData("/repo/examples/timestamps/index.md", "# Timestamp format\n\n## Summary\n\n### Issue\nWhich format?\n\n### Decision\nISO 8601.\n\n## Details\n\n### Positions\nISO, epoch.\n", "adr-tyree")]
    [InlineData("/repo/docs/decisions/0004-cache.md", "---\nstatus: accepted\n---\n# Cache pages with Redis\n\n## Context and Problem Statement\nPages are slow.\n\n## Considered Options\n* Redis\n* None\n\n## Decision Outcome\nChosen option: Redis.\n", "madr")]
    public void Choose_KepAndDecisionRecordsAtTheirPaths_FollowTheirFormatWithoutTemplateNoise(string path, string text, string template)
    {
        var document = Parse(text);

        Assert.Equal(template, TemplateEnvironment.Default.Choose(document, path).Template?.Name);

        // Every section of these formats is optional, and they may come in any order: nothing to report here.
        Assert.Empty(new Core.Sections.SectionAnalyzer().Analyze(Context(document, path), default));
    }

    [Theory]
    [InlineData("- Start Date: 2026-01-05\n\n# Summary\nx\n\n# Motivation\ny\n\n# Prior art\nz\n", 3)]
    [InlineData("# Summary\nx\n\n## Motivation\ny\n", 1)]
    [InlineData("## Summary\nx\n\n## Motivation\ny\n", 2)]
    public void TopLevel_TemplateWithoutTitle_TakesTheOutermostHeadingsUnlessOneH1HoldsThemAll(string text, int count)
    {
        // An RFC's sections are its outermost headings (# Summary in older ones); a lone H1 with everything under it is a title.
        var sections = DocumentSections.TopLevel(Parse(text), titled: false);

        Assert.Equal(count, sections.Length);
        Assert.Equal(TemplateMatch.ScoreSections(Parse(text), TemplateCatalog.BuiltIn.Find("rfc")!).Total, count);
    }

    [Theory]
    [InlineData("# Architecture decision record (ADR)\n\n## Context\nWhat ADRs are.\n\n## Status\nHow to mark them.\n")]
    [InlineData("# Review command\n\n## Summary\nx\n\n### Arguments\n- a\n")]
    public void Choose_PageAboutDecisionRecords_IsPlainMarkdown(string text)
    {
        // A page that explains the format (its H1 names it without a subject), or has a heading that only starts like
        // the form's own '### Positions' (seen: '### Arguments' of a command's help), is not a record.
        Assert.Null(TemplateEnvironment.Default.Choose(Parse(text), "/repo/README.md").Template);
    }

    [Fact]
    public void Choose_RfcSectionsOutsideAnRfcFolderWithoutItsMetadata_IsPlainMarkdown()
    {
        // Summary / Motivation / Drawbacks are common headings: without the path or the metadata list they are not an RFC.
        Assert.Null(TemplateEnvironment.Default.Choose(Parse("## Summary\nx\n\n## Motivation\ny\n\n## Drawbacks\nz\n"), "/repo/docs/notes.md").Template);
    }

    [Fact]
    public void Choose_TasksTitleOutsideAFeatureFolder_IsPlainMarkdown()
    {
        // Without the folder a '# Tasks: …' list with its own phases is not known to be spec-kit's.
        Assert.Null(TemplateEnvironment.Default.Choose(Parse("# Tasks: Release\n\n## Before\n- [ ] tag\n"), "/repo/docs/release.md").Template);
    }

    [Theory]
    [InlineData("## Requirements *(mandatory)*", "requirements")]
    [InlineData("## Infrastructure Needed (Optional)", "infrastructure needed")]
    [InlineData("## Drawbacks [optional]", "drawbacks")]
    public void Normalize_DropsMarkersThatAreNotPartOfTheTitle(string heading, string key)
    {
        var document = Parse("# X\n\n" + heading + "\n");

        Assert.Equal(key, SectionTitles.Normalize(DocumentSections.TopLevel(document)[0].Title));
    }

    private static Core.Analysis.AnalysisContext Context(Core.Model.SpecDocument document, string? path = null) =>
        new() { Document = document, DocumentUri = path, Today = new DateOnly(2026, 1, 5) };

    private static Core.Model.SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));
}
