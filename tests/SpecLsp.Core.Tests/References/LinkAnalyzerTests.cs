using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

using static SpecLsp.Core.Tests.References.MarkedWorkspace;

namespace SpecLsp.Core.Tests.References;

public class LinkAnalyzerTests
{
    [Fact]
    public void BrokenLink_MissingRelativeFile_IsFlaggedOnItsDestination()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenLink,
            ("specs/a.md", "# A\n\n[gone]([|missing.md|]) [ok](b.md) [dir](../specs/) [img]([|./pic.png|])\n"),
            ("specs/b.md", "# B\n"));
    }

    [Fact]
    public void BrokenLink_PercentEncodedAndRootRelativeTargets_AreResolved()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenLink,
            ("specs/a.md", "# A\n\n[b](my%20notes.md) [root](/specs/a.md) [site route](/nowhere.md) [q](my%20notes.md?plain=1)\n"),
            ("specs/my notes.md", "# Notes\n"));
    }

    [Fact]
    public void BrokenLink_ExternalAndOutsideTargets_AreNeverFlagged()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenLink,
            ("a.md", """
                # A

                [web](https://example.com/x.md) [plain](http://x) [mail](mailto:a@b.c) [ftp](ftp://x/y)
                [up](../../etc/passwd) [enc](%2e%2e/%2e%2e/etc/passwd) [file](file:///etc/passwd) [win](C:/Windows/x.md)
                <https://example.com>
                """));
    }

    [Fact]
    public void BrokenLink_InReferenceDefinition_IsFlaggedOnceOnTheDefinition()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenLink,
            ("a.md", "# A\n\nSee [x][gone] and [again][gone].\n\n[gone]: [|nothere.md|]\n"));
    }

    [Fact]
    public void BrokenTarget_OfADefinitionNoLinkUses_IsNotFlagged()
    {
        // A definition left over from a template, its section since renamed: it leads no reader anywhere.
        AssertFlagged(
            DiagnosticCodes.BrokenAnchor,
            ("a.md", "# A\n\n## Options\n\nSee [the options][opts].\n\n[opts]: [|#choices|]\n[alternatives]: #alternatives\n[Alternatives]: #also-unused\n"));
    }

    [Fact]
    public void BrokenAnchor_SameDocument_FlagsOnlyFragmentsWithNoHeadingOrAnchor()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenAnchor,
            ("a.md", """
                # Feature Specification: CSV Export

                ## Overview

                ## Notes

                ## Notes

                <a id="custom-spot"></a>
                <a name="legacy"></a>

                [ok](#overview) [repeat](#notes-1) [explicit](#custom-spot) [name](#legacy) [case](#Overview)
                [title](#feature-specification-csv-export) [top](#top) [user](#user-content-overview)
                [bad]([|#overveiw|]) [third]([|#notes-2|])
                """));
    }

    [Fact]
    public void BrokenAnchor_OtherMarkdownFile_IsCheckedAgainstItsHeadings()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenAnchor,
            ("a.md", "# A\n\n[ok](b.md#fr1-export-the-report) [bad](b.md[|#fr9|]) [code](b.md#the-run-command)\n[py](tool.py#L10) [pyx](tool.py#anything)\n"),
            ("b.md", "# B\n\n#### FR1: Export the report\n\n## The `run` command\n"),
            ("tool.py", "print(1)\n"));
    }

    [Fact]
    public void BrokenAnchor_WithCloseHeading_SuggestsIt()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n## Rollback Plan\n\n[x](#rollback-plam)\n"));

        var diagnostic = Assert.Single(ws.Analyze("a.md"));

        Assert.Equal("rollback-plan", diagnostic.Data["suggestion"]);
        Assert.Equal("broken-anchor (4,4)-(4,18) No heading or anchor '#rollback-plam' in this document. Did you mean '#rollback-plan'?", MarkedWorkspace.DumpDiagnostics([diagnostic]));
    }

    [Fact]
    public void UndefinedReference_FullAndCollapsedWithoutDefinition_AreFlagged()
    {
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # A

                [text][[|missing|]] and [[|nolabel|]][] and [ok][guide] and [Guide][] and [GUIDE].

                Just [brackets] and [x] text, matrix[0][1], `[code][ref]`, [a][^1] and \[esc][aped].

                ```
                [in][code]
                ```

                <!-- [in][comment] -->

                [guide]: https://example.com
                """));
    }

    [Fact]
    public void UndefinedReference_InAFenceNeverClosed_IsNotFlagged()
    {
        // While a fence is being typed, everything after it is code until the closing line is written.
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # A

                See [before][[|missing|]].

                ```
                [in][code] and [more][labels]

                [still][code]
                """));
    }

    [Fact]
    public void UndefinedReference_TagsSideBySide_AreNotReferences()
    {
        // Seen in KEPs: e2e test tags and goal labels written next to each other, with no definitions anywhere.
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                - Run [Feature:Sctp][Disruptive] and [Slow][NodeFeature:Eviction] nightly.
                - [Stretch Goal][Push left] Catch flag changes early.
                - See [the release notes][[|notes-v2|]] and [Upgrade Guide][[|upgrade-guide|]].
                """));
    }

    [Fact]
    public void Analyze_WithoutWorkspace_ChecksOnlyTheDocumentItself()
    {
        var document = SpecParser.Parse(SourceText.From("# A\n\n[x](missing.md) [y](#nowhere)\n"));
        var context = new AnalysisContext { Document = document, DocumentUri = "file:///tmp/a.md", Today = new DateOnly(2026, 1, 5) };

        var diagnostics = new Core.References.LinkAnalyzer().Analyze(context, CancellationToken.None);

        Assert.Equal([DiagnosticCodes.BrokenAnchor], diagnostics.Select(d => d.Code));
    }
}
