using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Placeholders;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Placeholders;

public class TemplateTextTests
{
    [Fact]
    public void TemplateText_SampleLabelValuesLeftInRepeatedGroup_Flagged()
    {
        AssertMarked("""
            # Retry Policy

            **Status:** ✅ Implemented

            ## Testing

            ### Test Cases

            #### Test Case 1: Transient failures then success
            - **Given:** a call that raises `TimeoutError` twice
            - **When:** it is retried with five attempts
            - **Then:** the third attempt's result is returned

            #### Test Case 2: Deadline reached
            - **Given:** [|Initial condition|]
            - **When:** [|Action performed|]
            - **Then:** [|Expected result|]
            """, Template("package"), DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void TemplateText_SampleCodeBlockLeftInPlace_FlaggedWithItsGuidance()
    {
        AssertMarked("""
            # Retry Policy

            ## Design

            ### API Design

            [|For packages, describe the public API:|]

            [|```python
            def function_name(param1: Type1, param2: Type2) -> ReturnType:
                \"\"\"
                Brief description of what this function does.

                Args:
                    param1: Description of parameter 1
                    param2: Description of parameter 2

                Returns:
                    Description of return value

                Raises:
                    ExceptionType: When this exception is raised
                \"\"\"
            ```|]

            ### Data Models

            ```python
            class RetryBudget:
                attempts: int
            ```
            """.Replace("\\\"", "\"", StringComparison.Ordinal), Template("package"), DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void TemplateText_GuidanceInUntouchedSectionOnly_Flagged()
    {
        AssertMarked("""
            # Retry Policy

            ## Overview

            ### What
            [|Brief description of what this feature is (1-2 sentences).|]

            ### Why
            Five services each had their own retry loop.

            ## Rollout Plan

            ### Rollback Plan

            If something goes wrong:
            1. Pin the previous version in the affected service
            """, Template("package"), DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void TemplateText_ConcreteValuesKeptFromTemplate_NotFlagged()
    {
        AssertMarked("""
            # Feature Specification: CSV Export

            ## Testing Strategy

            ### Unit Tests
            **Location:** `tests/test_csv_export.py`
            **Coverage Target:** ≥70%

            ## Rollback Procedure

            ### Rollback Triggers
            - Error rate >5%
            - Performance degradation >50%
            """, Template("detailed"), DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void TemplateText_SpecKitTaskListNamingItsPrerequisites_NotFlagged()
    {
        // spec-kit writes the same prerequisites line into every task list: a true statement, not a sample to replace.
        AssertMarked("""
            # Tasks: CSV Export

            **Prerequisites**: plan.md (required), spec.md (required for user stories)
            """, Template("speckit-tasks"), DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void TemplateText_WithoutTemplate_NothingReported()
    {
        AssertMarked("# T\n\n## Testing\n\n#### Test Case 2: X\n- **Given:** Initial condition\n", null, DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void TemplatePrompt_PromptAloneInSection_FlaggedUnnecessary()
    {
        var fixture = """
            # Feature Specification: Search

            ## Overview

            ### Goals
            <!-- Primary objectives this feature aims to achieve -->
            - Results within 100 ms

            ### Non-Goals
            [|<!-- What this feature explicitly does NOT aim to do -->|]

            ### Notes
            <!-- A note of the author's own, not the template's -->
            """;
        AssertMarked(fixture, Template("lightweight"), DiagnosticCodes.TemplatePrompt);
        var diagnostic = Assert.Single(Analyze(Tests.TestSupport.MarkedText.Parse(fixture).Text, Template("lightweight"), DiagnosticCodes.TemplatePrompt));
        Assert.True(diagnostic.IsUnnecessary);
        Assert.Equal(DiagnosticSeverity.Hint, diagnostic.Severity); // no Status: a draft
    }

    [Fact]
    public void MetadataValue_SamplePathLeftAsTemplateWroteIt_TemplateText()
    {
        AssertMarked("""
            # Retry Policy

            **Status:** 🚧 In Progress
            **Location:** [|`path/to/implementation` *(if implemented)*|]
            """, Template("package"), DiagnosticCodes.TemplateText);
        AssertMarked("# Retry Policy\n\n**Location:** `packages/retry_policy`\n", Template("package"), DiagnosticCodes.TemplateText);
        AssertMarked("# Audit\n\n## Metadata\n- **Status**: Draft\n", Template("proposal"), DiagnosticCodes.TemplateText);
    }

    [Fact]
    public void MetadataValue_UnchangedFromTemplateInCodeSpan_Flagged()
    {
        AssertMarked("""
            # Feature Specification: CSV Export

            **Feature ID:** [|`[feature_id]`|]
            **Component:** `reporting`
            """, Template("detailed"), DiagnosticCodes.UnfilledPlaceholder);
    }

    private static readonly TemplateFacts s_designTemplate = TemplateFacts.Parse("design", """
        # [Title]

        ## Design
        <!-- Explain how the change works -->

        ### Interface
        <!-- Name the new calls -->

        - **Owner:** [Name]

        ### Storage
        <!-- Say where the data lives -->
        """);

    [Fact]
    public void TemplatePrompt_ParentWhoseSubsectionHasText_IsAnswered()
    {
        AssertMarked("""
            # Cache

            ## Design
            <!-- Explain how the change works -->

            ### Interface
            Two new calls, get and put, both keyed by tenant.

            ### Storage
            [|<!-- Say where the data lives -->|]
            """, s_designTemplate, DiagnosticCodes.TemplatePrompt);

        // Deeper down counts too: an answer under a subsection of a subsection.
        AssertMarked("""
            # Cache

            ## Design
            <!-- Explain how the change works -->

            ### Interface
            <!-- Name the new calls -->

            #### Reads
            A read never blocks a write.
            """, s_designTemplate, DiagnosticCodes.TemplatePrompt);
    }

    [Fact]
    public void TemplatePrompt_ParentWhoseSubsectionsHoldOnlyPromptsOrPlaceholders_IsUnanswered()
    {
        // Another prompt, a placeholder beside its label, the template's own line and a rule are not answers.
        AssertMarked("""
            # Cache

            ## Design
            [|<!-- Explain how the change works -->|]

            ### Interface
            [|<!-- Name the new calls -->|]

            #### Owner
            - **Owner:** [Name]

            ---

            #### Reads
            [NEEDS CLARIFICATION: may a read wait for a write?]

            ### Storage
            [|<!-- Say where the data lives -->|]
            """, s_designTemplate, DiagnosticCodes.TemplatePrompt);
    }

    [Fact]
    public void TemplatePrompt_InSectionTheTemplateMarksOptional_NotReported()
    {
        var template = TemplateFacts.Parse("plan", """
            # [Title]

            ## Summary
            <!-- Say in two lines what changes -->

            ## Extra Hardware (Optional)
            <!-- Ask here for machines the change needs -->
            """);

        AssertMarked("""
            # Cache

            ## Summary
            [|<!-- Say in two lines what changes -->|]

            ## Extra Hardware (Optional)
            <!-- Ask here for machines the change needs -->
            """, template, DiagnosticCodes.TemplatePrompt);
    }
}
