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
}
