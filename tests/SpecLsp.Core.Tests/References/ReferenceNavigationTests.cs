using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class ReferenceNavigationTests
{
    [Fact]
    public void FindDefinition_OnLocalIdMention_GoesToItsHeadingInTheSameSpec()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/export.md", """
                # Export

                #### [|FR1|]: Export the visible report
                Text.

                #### FR2: Large exports
                Queued after F$$R1 triggers.
                """),
            ("specs/other.md", """
                # Other

                #### FR1: Something else
                """));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDefinition_OnSpecIdMention_GoesToTheSpecThatDefinesIt()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", """
                # Audit log

                **Spec ID:** [|SPEC-2026-01-05-001|]
                """),
            ("b.md", """
                # Search

                **Spec ID:** SPEC-2026-01-05-002

                Builds on SPEC-2026-01$$-05-001.
                """));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDefinition_OnLinkWithFragment_GoesToTheHeadingInTheOtherFile()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/a.md", """
                # A

                See [the rules](../shared/b.md#ret$$ry-rules).
                """),
            ("shared/b.md", """
                # B

                [|## Retry rules|]
                Text.
                """));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDefinition_OnLinkToFileWithoutFragment_GoesToTheStartOfTheFile()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\nSee [B](b$$.md).\n"),
            ("b.md", "[||]# B\n"));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDefinition_OnReferenceLink_GoesToItsDefinition()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", """
                # A

                See [the guide][gu$$ide].

                [|[guide]: https://example.com/guide|]
                """));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDefinition_OnSameDocumentFragment_GoesToTheHeading()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", """
                # A

                [|## Open Questions|]

                See [below](#open-q$$uestions).
                """));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindReferences_OnHeading_FindsLinksToItsAnchorAcrossTheWorkspace()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/a.md", """
                # A

                ## Retry $$rules

                Back to [|[the rules](#retry-rules)|].
                """),
            ("specs/b.md", """
                # B

                See [|[A's rules](a.md#retry-rules)|] and [A](a.md) and [other](a.md#a).
                """),
            ("c.md", """
                # C

                [|[Rules](specs/a.md#Retry-Rules)|]
                """));

        var found = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: false);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDefinition_OnLinkToAnHtmlPage_GoesToItsMarkdownSource()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n[install](setup.ht$$ml#install)\n"),
            ("setup.md", "# Setup\n\n[|## Install|]\n"));

        var found = ReferenceNavigation.FindDefinition(ws.View(), ws.Caret);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindReferences_OnHeading_FindsReferenceDefinitionsLeadingToIt()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", """
                # Plan

                ## Roll$$out

                Use [|[the rollout][ro]|].

                [|[ro]: #rollout|]
                [other]: #plan
                """),
            ("b.md", "# B\n\n[|[plan-rollout]: a.md#rollout \"The rollout\"|]\n[elsewhere]: a.md#plan\n"));

        var found = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: false);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindReferences_FromALink_HonoursIncludeDeclaration()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\nSee [|[the steps](b.md#st$$eps)|].\n"),
            ("b.md", "# B\n\n## [|Steps|]\n\n[|[here](#steps)|]\n\n[|[s]: #steps|]\n"));

        var without = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: false);
        var with = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: true);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(with));
        Assert.Equal(
            MarkedWorkspace.Dump(with.Where(l => !(l.Path == "/ws/b.md" && l.Range.Start.Line == 2))),
            MarkedWorkspace.Dump(without));
    }

    [Fact]
    public void FindReferences_OnTitle_AlsoFindsLinksToTheFile()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# Audit$$ log\n"),
            ("b.md", "# B\n\nSee [|[the log](a.md)|] and [|[top](a.md#audit-log)|] and [x](a.md#other).\n"));

        var found = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: false);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindReferences_OnSpecId_FindsDefinitionAndMentionsInEverySpec()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n**Spec ID:** [|SPEC-2026-01-05-001|]\n"),
            ("b.md", "# B\n\n**Spec ID:** SPEC-2026-01-05-002\n\nDepends on [|SPEC-2026-01-$$05-001|].\n"),
            ("c.md", "# C\n\n**Spec ID:** SPEC-2026-01-05-003\n\nAlso [|SPEC-2026-01-05-001|].\n"));

        var found = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: true);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindReferences_OnLocalId_StaysInItsSpec()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n#### FR1: One\n\n#### FR2: Two\nAfter [|FR1|] and [|F$$R1|].\n"),
            ("b.md", "# B\n\n#### FR1: Other\nSee FR1.\n"));

        var found = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: false);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindReferences_OnLinkToFile_FindsEveryLinkToThatFile()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n[|[B]($$b.md)|]\n"),
            ("c.md", "# C\n\n[|[B](./b.md#b)|] [|[B again](b.md)|]\n"),
            ("b.md", "# B\n"));

        var found = ReferenceNavigation.FindReferences(ws.View(), ws.Caret, includeDeclaration: false);

        Assert.Equal(ws.ExpectedLocations(), MarkedWorkspace.Dump(found));
    }

    [Fact]
    public void FindDocumentLinks_RelativeLinks_PointAtExistingFilesAndHeadingLines()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\n[b]([|b.md#two|]) [x](https://example.com) [gone](missing.md) [self]([|#a|])\n"),
            ("b.md", "# B\n\n## Two\n"));

        var links = ReferenceNavigation.FindDocumentLinks(ws.View("a.md"));

        Assert.Equal(
            "b.md line 2\na.md line 0",
            string.Join("\n", links.Select(l => $"{MarkedWorkspace.Relative(l.TargetPath)} line {l.TargetLine}")));
        Assert.Equal(ws.Files["/ws/a.md"].Ranges, links.Select(l => l.Range).ToList());
    }
}
