using SpecLsp.Core.Diagnostics;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Metadata;

public class MetadataAnalyzerTests
{
    private const string Code = DiagnosticCodes.InvalidMetadata;

    [Fact]
    public void Options_ValueOutsideTemplateList_Flagged()
    {
        AssertMarked("""
            # Feature Specification: CSV Export

            **Author:** Priya
            **Status:** [|Shipped|]
            **Priority:** [|Urgent|]

            #### Risk 1: Overload
            **Probability:** [|Likely|]
            **Impact:** high
            """, Template("detailed"), Code);
    }

    [Fact]
    public void Options_AllowedValuesInAnyCaseWithOrWithoutEmoji_Accepted()
    {
        AssertMarked("""
            # Retry Policy

            **Status:** implemented
            **Type:** Package
            **Created:** 2026-03-02

            # Other
            **Status:** ✅ Implemented
            **Status:** 🚧 in progress
            **Status:** Planned 📋
            **Type:** [|Library|]
            """, Template("package"), Code);
    }

    [Fact]
    public void Options_PlaceholderValue_LeftToUnfilledPlaceholder()
    {
        var text = "# T\n\n**Status:** [Draft | In Development | Staging | Production]\n**Priority:** [High | Medium | Low]\n**Author:** [Your Name]\n";
        var diagnostics = Analyze(text, Template("detailed"));
        Assert.DoesNotContain(diagnostics, d => d.Code == Code);
        Assert.Equal(3, diagnostics.Count(d => d.Code == DiagnosticCodes.UnfilledPlaceholder));
    }

    [Fact]
    public void Options_FieldWithoutOptionList_AcceptsAnything()
    {
        // The proposal template writes "- **Status**: Draft": a value, not a list of choices.
        AssertMarked("""
            # Feature Specification: Audit Log

            ## Metadata
            - **Status**: Shipped
            - **Author**: Mei Lin
            """, Template("proposal"), Code);
    }

    [Fact]
    public void Options_FieldInProseWrittenUnlikeTemplate_NotChecked()
    {
        AssertMarked("""
            # Feature Specification: CSV Export

            **Status:** Draft

            ## Notes
            - **Priority:** P1 for the finance team
            **Priority:** [|P1|]
            """, Template("detailed"), Code);
    }

    [Fact]
    public void Options_WithoutTemplate_NothingReported()
    {
        AssertMarked("# T\n\n**Status:** Whatever\n**Priority:** Sky-high\n", null, Code);
    }

    [Fact]
    public void Dates_ImpossibleDate_Flagged()
    {
        AssertMarked("""
            # T

            **Created:** [|2026-02-30|]
            **Last Updated:** [|2026-13-01|]
            - **Start Date**: 2026-02-28
            - **Due**: [|2025-02-29|] (moved)
            - **Other**: 2024-02-29
            """, null, Code);
    }

    [Fact]
    public void Dates_LastUpdatedOrImplementedBeforeCreated_Flagged()
    {
        AssertMarked("""
            # T

            **Created:** 2026-03-02
            **Implemented:** [|2026-03-01|]
            **Last Updated:** [|2026-01-15|]
            """, null, Code);
        AssertMarked("""
            # T

            > **Created Date**: 2026-03-02
            >
            > **Last Updated**: 2026-03-02
            """, null, Code);
    }

    [Fact]
    public void Dates_SpecIdDateDiffersFromCreated_Hint()
    {
        var fixture = """
            # T

            ## Metadata
            - **Spec ID**: SPEC-[|2026-07-31|]-001
            - **Created**: 2026-07-30
            """;
        AssertMarked(fixture, null, Code);
        var diagnostic = Assert.Single(Analyze(Tests.TestSupport.MarkedText.Parse(fixture).Text, null, Code));
        Assert.Equal(DiagnosticSeverity.Hint, diagnostic.Severity);
        AssertMarked("# T\n\n## Metadata\n- **Spec ID**: SPEC-2026-07-30-001\n- **Created**: 2026-07-30\n", null, Code);
    }

    [Fact]
    public void Fixes_DateBeforeCreated_OfferTodayThenCreated()
    {
        var text = "# T\n\n**Created:** 2026-03-02\n**Last Updated:** 2026-01-15\n";
        var diagnostic = Assert.Single(Analyze(text, null, Code));

        var fixes = SpecLsp.Core.Metadata.MetadataFixes.For(diagnostic, new DateOnly(2026, 3, 9)).ToList();

        Assert.Equal(["Set Last Updated to today (2026-03-09)", "Set Last Updated to Created (2026-03-02)"], fixes.Select(f => f.Title));
        Assert.True(fixes[0].IsPreferred);
        Assert.Equal("2026-03-02", Assert.Single(fixes[1].Edits).NewText);
        Assert.Equal(diagnostic.Range, fixes[1].Edits[0].Range);
    }

    [Fact]
    public void Fixes_DateBeforeCreatedWithTodayBeforeCreatedToo_OfferOnlyCreated()
    {
        var diagnostic = Assert.Single(Analyze("# T\n\n**Created:** 2026-03-02\n**Implemented:** 2026-01-15\n", null, Code));

        var fix = Assert.Single(SpecLsp.Core.Metadata.MetadataFixes.For(diagnostic, new DateOnly(2026, 2, 1)));

        Assert.Equal("Set Implemented to Created (2026-03-02)", fix.Title);
    }

    [Fact]
    public void Fixes_SpecIdDateNotCreated_ChangeItsDate()
    {
        var diagnostic = Assert.Single(Analyze("# T\n\n## Metadata\n- **Spec ID**: SPEC-2026-07-31-001\n- **Created**: 2026-07-30\n", null, Code));

        var fix = Assert.Single(SpecLsp.Core.Metadata.MetadataFixes.For(diagnostic, new DateOnly(2026, 8, 1)));

        Assert.Equal("Change the spec ID's date to Created (2026-07-30)", fix.Title);
        Assert.Equal("2026-07-30", fix.Edits[0].NewText);
    }
}
