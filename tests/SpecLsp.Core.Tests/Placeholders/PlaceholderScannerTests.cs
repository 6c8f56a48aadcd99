using SpecLsp.Core.Diagnostics;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Placeholders;

public class PlaceholderScannerTests
{
    private const string Code = DiagnosticCodes.UnfilledPlaceholder;

    [Fact]
    public void Analyze_DocumentFollowingNoTemplate_IsPlainMarkdownAndGetsNothing()
    {
        var context = Context("""
            # My Library

            Dates use the YYYY-MM-DD format and versions follow X.Y.Z. TODO: publish to PyPI.

            - [WIP] new parser
            - **Accessibility**:
            3.
            """);

        var plain = new SpecLsp.Core.Placeholders.PlaceholderAnalyzer(_ => null).Analyze(context, CancellationToken.None);
        var asSpec = new SpecLsp.Core.Placeholders.PlaceholderAnalyzer().Analyze(context, CancellationToken.None);

        Assert.Empty(plain);
        Assert.Contains(asSpec, d => d.Code == Code);
    }

    [Fact]
    public void Scan_BoldOneWordLegendTerm_IsNotAPlaceholder()
    {
        // spec-kit's task list explains its markers in a legend; the task under it still has a slot to fill.
        AssertMarked("""
            # Tasks: Photo albums

            ## Format
            - **[P]**: can run in parallel
            - **[Story]**: which user story the task serves

            ## Phase 1
            - [ ] T001 [P] [|[Title]|]
            """, Template("speckit-tasks"), Code);
    }

    [Fact]
    public void Scan_BracketedPlaceholders_FlagsEachBracket()
    {
        AssertMarked("""
            # Feature Specification: [|[Feature Name]|]

            **Author:** [|[Your Name]|]
            **Created:** [|[YYYY-MM-DD]|]
            **Duration:** [|[X days/weeks]|]

            ## Overview
            [|[Description]|]
            [|[Brief description of what this feature does and why it's needed]|]

            - [|[Library/Service]|]: [|[Version]|] - [|[Purpose]|]
            - **Spec ID**: SPEC-[|[YYYY-MM-DD]|]-[|[NUMBER]|]
            - **Issue**: #[|[Number]|]
            # Feature Specification: [|[FEATURE_NAME]|]
            """, null, Code);
    }

    [Fact]
    public void Scan_LowerCasePhrases_FlaggedOnlyWithTemplateEvidence()
    {
        AssertMarked("""
            # Title

            As a [|[persona]|], I want to [|[action]|], so that [|[benefit/value]|].
            **As a** [|[user type]|]
            **I want** [|[goal]|]
            - Added [|[new section/requirement]|]
            He said it was fine [sic] and moved on.
            The flag is marked [optional] in the docs.
            We removed it [for now, see below].
            Choose [x] to confirm.
            """, null, Code);
    }

    [Fact]
    public void Scan_OptionLists_FlagsUnchosenListsOnly()
    {
        AssertMarked("""
            # Title

            **Status:** [|[Draft | In Review | Approved]|]
            **Status:** [|📋 Planned | 🚧 In Progress | ✅ Implemented|]
            **Status:** [|ðŸ“‹ Planned | ðŸš§ In Progress | âœ… Implemented|]
            **Type:** [|Package | Application | Feature | Integration | Infrastructure|]
            **Priority**: [|[Must Have | Should Have | Could Have | Won't Have]|]
            **Stack:** Frontend | Backend
            **Priority:** High

            | Risk | Probability | Impact | Mitigation |
            |------|-------------|--------|------------|
            | [|[Risk 1]|] | [|Low/Medium/High|] | [|Low/Medium/High|] | [|[Mitigation strategy]|] |
            | Slow search | Medium/High | Low | Index per month |
            """, null, Code);
    }

    [Fact]
    public void Scan_BareTokens_FlagsWholeWordsOnly()
    {
        AssertMarked("""
            # Title

            **Created:** [|YYYY-MM-DD|]
            **Version:** [|X.Y.Z|] *(if implemented)*
            - **Response Time:** p95 < [|[X]|]ms
            - **Throughput:** ≥[|[X]|] requests/second
            - **Latency:** < [|X|] ms for Y operation
            - **Memory:** < [|X|] MB memory usage
            The rollout date is [|TBD|].
            [|TODO|]: decide the retention period.
            - [|TODO|]
            [|[NEEDS CLARIFICATION: which roles may export?]|]
            Tasks in the TODO list app are TBDs no longer.
            Version 1.2.0 and vX.Y.Zeta, released 2026-11-21, not YYYY-MM-DDT00.
            > X marks the spot.
            """, null, Code);
    }

    [Fact]
    public void Scan_EmptyFillIns_FlagsEmptyItemsLabelsAndRowsOfEmptyTables()
    {
        AssertMarked("""
            # Title

            ## Requirements
            1. First
            2. Second
            [|3.|]

            - **Performance**: fast
            - **Security**: roles
            - [|**Accessibility**:|]

            - **Milestones**:
              - Phase 1 Complete: 2026-01-01

            | Date | Author | Changes |
            |------|--------|---------|
            [||      |        |         ||]

            | Date | Author | Changes |
            |------|--------|---------|
            | 2026-10-28 | Jonas | |
            |      |        |         |

            Heading under text
            -
            """, null, Code);
    }

    [Fact]
    public void Scan_MarkdownSyntax_NeverFlagged()
    {
        AssertMarked("""
            # Title

            See [the guide](docs/guide.md), [the spec][spec] and [Spec][].
            ![Diagram](diagram.png)
            [spec]: https://example.com/spec

            - [ ] Open task
            - [x] Done task
            - [X] Done task too

            A footnote[^1].

            [^1]: The footnote text.

            Use `list[int]`, `[dependencies]` or `[Feature Name]` in code.
            The values list[int] and items[0] are code-like, so is dict[str, int].
            An escaped \[Feature Name\] bracket and [[Wiki Page]].

            ```mermaid
            graph TD
                A[Admin API] --> B[Store]
            ```

            ```toml
            [dependencies]
            package-name = ">=X.Y.Z"
            ```

                indented [Code Block] with TODO

            <!-- [Feature Name] in a comment, TBD -->

            > [!NOTE]
            > A GitHub alert.

            A citation [1] and a range [2-3].

            - fixed #31 - [DynamicProxy] Preserve default values
            - [Core] Fix the cache
            - [API] and [UI] changes, a non-[EC]DHE key exchange
            Dates listed below as _"YYYY-MM-DD"_ are release dates.
            * remove outdated TODO (Rich Trott)

            <table><tr><td>[Feature Name] in HTML</td></tr></table>

            - **Error if status code matches**:

            ```js
            test();
            ```
            """, null, Code);
    }

    [Fact]
    public void Scan_FrontMatter_NeverFlagged()
    {
        AssertMarked("""
            ---
            title: "[Feature Name]"
            status: TBD
            ---
            # [|[Feature Name]|]
            """, null, Code);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("]]]][[[[")]
    [InlineData("\0[\0]\0")]
    [InlineData("- **")]
    [InlineData("|")]
    [InlineData("| |\n|-|\n")]
    [InlineData("1.")]
    [InlineData("**:**")]
    public void Scan_OddInput_DoesNotThrow(string text)
    {
        _ = Analyze(text);
        _ = Analyze(text, Template("package"));
    }

    [Fact]
    public void Scan_HugeLine_DoesNotThrow()
    {
        var text = "# T\n" + string.Concat(Enumerable.Repeat("[a](", 25_000)) + "\n" + new string('[', 50_000) + "\n";
        _ = Analyze(text);
    }

    [Fact]
    public void Scan_ReferenceDefinitionLabelledTbd_IsABadgeNotAPlaceholder()
    {
        // Seen in Rust's project-goal RFCs: a status badge defined once and used in a table.
        AssertMarked("""
            # Title

            Faster builds: [open][TBD].

            [TBD]: https://img.shields.io/badge/TBD-red
            """, null, Code);
    }

    [Fact]
    public void Scan_BracketedTextThatIsNotAPlaceholder_NeverReported()
    {
        // Test tags, units, quoted text, an annotation after a word, tags opening a heading or a bold label, an
        // open-debate marker and TBD as a word of a sentence; the fill-ins below them still are placeholders.
        AssertMarked("""
            # Title

            - [sig-storage] Volumes [Serial] [Feature:Snapshots] restore a claim
            - The nightly [Slow] suite covers the resize path
            - [It] resizes a mounted volume

            | Reads [ops] | Wait [ms] | Heap [MiB] | Time [ns/op] | Cpu [cores] |
            |-------------|-----------|------------|--------------|-------------|
            | 5           | 2         | 40         | 900          | 1           |

            The worker logs "failed to sync [queue]/[item]" when the lease expires.
            It prints 'lost [Shard Name] lease' or “stale [Owner Name] entry” once.
            Each Job [Pending]: a state of the job, not a blank.
            #### [Later Release] Windows support
            1. **[New Step] Warm the cache:** before the first read.
            - **[Chosen]** Option two, for its smaller footprint.
            <<[UNRESOLVED who owns the job]>> Still open. <<[/UNRESOLVED]>>
            A TBD follow-up covers it (details TBD).
            Clients on release Y > X keep the old path.
            - [x] No [NEEDS CLARIFICATION] markers remain
            Pages live in src/app/[id]/page.tsx and [slug]/route.ts.

            - **Owner:** [|[Name]|]
            Given [|[precondition]|], when [|[action]|], then [|[expected result]|]
            [|[Feature Name]|]
            The retention period is [|TBD|].
            - **Latency:** < [|X|] ms
            - [|TBD|] after the alpha.
            Objects per namespace: [|TBD|]; later up to the pod limit.
            """, null, Code);
    }

    private static readonly SpecLsp.Core.Placeholders.TemplateFacts s_failuresTemplate = SpecLsp.Core.Placeholders.TemplateFacts.Parse("failures", """
        # Spec: [Feature Name]

        **Status:** [Draft | In Review | Approved]
        **Created:** [YYYY-MM-DD]

        ## Failures
        <!--
        Copy for each failure:
        - [Failure in a few words]
        -->

        See the [style guide].

        **Decision**: [Record what was chosen]

        [style guide]: https://example.com/style
        """);

    [Fact]
    public void Scan_WithTemplate_BracketedPhraseIsAPlaceholderOnlyWhenTheTemplateHasIt()
    {
        // The template's own placeholders (also those in its comments) and the built-in templates', and the kinds
        // that need no template; the author's text in brackets, a link label of the template and an unlabelled
        // list of values are not.
        AssertMarked("""
            # Spec: [|[Feature Name]|]

            **Status:** [|[Draft | Approved]|]
            **Created:** [|[YYYY-MM-DD]|]

            ## Failures
            - [|[Failure in a few words]|]
            - [Cache warms up slowly after a restart]
            - [Index rebuild takes an hour]
            - [|[NEEDS CLARIFICATION: who is paged?]|]
            Decided by the [Release Team] in the [Planning Meeting].
            See the [style guide]. The mode is one of [fast | safe].
            Reads take [|[X]|] ms and the [Night Shift] owns it.
            Signed off by [|[Your Name]|], a placeholder of the built-in templates.
            - [sig-storage] Volumes [Serial] [Feature:Snapshots] restore a claim
            | Wait [ms] | Heap [MiB] |
            The log says "no [Feature Name] yet" and `[Feature Name]` is a code span.

            **Decision**: [|[Pick the smaller option unless told otherwise]|]
            """, s_failuresTemplate, Code);
    }
}
