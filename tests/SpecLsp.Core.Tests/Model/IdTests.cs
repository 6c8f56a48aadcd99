using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class IdTests
{
    private static SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));

    [Theory]
    [InlineData("#### [|FR1|]: Export CSV\n", IdDefinitionKind.Heading, "Export CSV")]
    [InlineData("### [|FR-001|] - Export CSV\n", IdDefinitionKind.Heading, "Export CSV")]
    [InlineData("- **[|FR1|]:** Export CSV\n", IdDefinitionKind.BoldLabel, "Export CSV")]
    [InlineData("- **[|NFR2|]**: Fast\n", IdDefinitionKind.BoldLabel, "Fast")]
    [InlineData("**[|Q1|]:** Which format?\n", IdDefinitionKind.BoldLabel, "Which format?")]
    [InlineData("- [ ] [|US-1|]: Sign in\n", IdDefinitionKind.TaskItem, "Sign in")]
    [InlineData("- [x] **[|RT-1|]:** Latency\n", IdDefinitionKind.TaskItem, "Latency")]
    [InlineData("- [ ] [|T001|] [P] [US1] Create the export model\n", IdDefinitionKind.TaskItem, "Create the export model")]
    [InlineData("- [x] [|T002|] Wire the CSV writer\n", IdDefinitionKind.TaskItem, "Wire the CSV writer")]
    [InlineData("| ID | Test |\n|----|------|\n| [|TS-1|] | Login works |\n", IdDefinitionKind.TableCell, "Login works")]
    [InlineData("| ID | Test |\n|----|------|\n| **[|DATA-1|]** | Schema |\n", IdDefinitionKind.TableCell, "Schema")]
    [InlineData("# Spec\n\n**Spec ID:** [|SPEC-2026-01-05-001|]\n", IdDefinitionKind.Metadata, "Spec")]
    [InlineData("---\nid: [|SPEC-2026-01-05-002|]\n---\n", IdDefinitionKind.Metadata, "")]
    public void Parse_IdDefinition_HasKindTitleAndRange(string fixture, IdDefinitionKind kind, string title)
    {
        var marked = MarkedText.Parse(fixture);

        var definition = Assert.Single(Parse(marked.Text).IdDefinitions);

        Assert.Equal((kind, title), (definition.Kind, definition.Title));
        Assert.Equal(marked.Range, definition.Range);
    }

    [Theory]
    [InlineData("#### Phase 1: Build\n")]
    [InlineData("#### FR1.2: Sub requirement\n")]
    [InlineData("#### FR1 Export without separator\n")]
    [InlineData("- **Description:** FR1 is not defined here\n")]
    [InlineData("- [ ] Task 1.1: [Description]\n")]
    [InlineData("| Risk | Probability |\n|---|---|\n| R1 is high | Low |\n")]
    [InlineData("`**FR1:** in code`\n")]
    [InlineData("```\n- **FR1:** in a code block\n```\n")]
    [InlineData("- **UTF-8:** encoding\n")]
    [InlineData("- **P95:** 200 ms\n")]
    [InlineData("#### H2: second level\n")]
    [InlineData("| ID | X |\n|---|---|\n| S3 | bucket |\n")]
    public void Parse_NotADefinition_DefinesNothing(string text)
    {
        Assert.Empty(Parse(text).IdDefinitions);
    }

    [Fact]
    public void FindAll_Text_ReturnsEveryIdShapedToken()
    {
        const string text = "FR1, (US-12) and SPEC-2026-01-05-001; not FR1.2, XFR, P95 or UTF-8.";

        var found = IdSyntax.FindAll(text).Select(f => text.Substring(f.Start, f.Length));

        Assert.Equal(["FR1", "US-12", "SPEC-2026-01-05-001"], found);
    }

    [Fact]
    public void Parse_Mentions_OnlyWithDefinedPrefixesAndOutsideCodeAndUrls()
    {
        var marked = MarkedText.Parse(
            """
            #### FR1: Export

            - **US-1:** Sign in

            See [|FR1|] and [|FR2|] (undefined but an FR), [|US-1|], and [[|FR1|]](#fr1-export).
            Not: `FR1` in code, [link](FR1.md), <https://x.io/FR1>, H2, UTF-8, P95, ISO-8601, FR1.2, XFR1, FR1a.
            Spec: [|SPEC-2026-01-05-001|] is workspace-wide.

            ```
            FR1 in a fence
            ```
            <!-- FR1 in a comment -->
            """);

        var mentions = Parse(marked.Text).IdMentions;

        Assert.Equal(marked.Ranges, mentions.Select(m => m.Range));
        Assert.Equal(["FR1", "FR2", "US-1", "FR1", "SPEC-2026-01-05-001"], mentions.Select(m => m.Id));
    }

    [Fact]
    public void Parse_DefinitionToken_IsNotAlsoAMention()
    {
        var document = Parse("#### FR1: Export, see FR2\n\n- [ ] FR2: Import FR1\n");

        Assert.Equal(["FR1", "FR2"], document.IdDefinitions.Select(d => d.Id));
        Assert.Equal(["FR2", "FR1"], document.IdMentions.Select(m => m.Id));
    }

    [Theory]
    [InlineData("FR1", true)]
    [InlineData("FR-001", true)]
    [InlineData("DATA-1", true)]
    [InlineData("SPEC-2026-01-05-001", true)]
    [InlineData("SPEC-2026-1-05-001", false)]
    [InlineData("ABCDEFG1", false)]
    [InlineData("FR1234567", false)]
    [InlineData("fr1", false)]
    [InlineData("FR", false)]
    [InlineData("FR-", false)]
    [InlineData("FR1a", false)]
    public void IsId_Token_MatchesTheIdShape(string token, bool expected) => Assert.Equal(expected, IdSyntax.IsId(token));

    [Theory]
    [InlineData("FR1", "FR")]
    [InlineData("US-1", "US-")]
    [InlineData("SPEC-2026-01-05-001", "SPEC-")]
    public void GetPrefix_Id_ReturnsThePartBeforeTheNumber(string id, string prefix) => Assert.Equal(prefix, IdSyntax.GetPrefix(id));
}
