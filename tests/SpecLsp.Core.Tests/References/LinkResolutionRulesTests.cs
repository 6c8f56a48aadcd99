using SpecLsp.Core.Diagnostics;

using static SpecLsp.Core.Tests.References.MarkedWorkspace;

namespace SpecLsp.Core.Tests.References;

/// <summary>How link targets, HTML ids and reference labels resolve, CommonMark's and GitHub's way (issue 15).</summary>
public class LinkResolutionRulesTests
{
    [Fact]
    public void BrokenAnchor_BackslashEscapesAndEntitiesInTheTarget_AreDecodedFirst()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenAnchor,
            ("a.md", """
                # Notes

                ## build_x86_64

                [escaped](#build\_x86\_64) [entity](#build&#95;x86_64) [ref][b] [other file](b.md#step\_one)
                [still wrong]([|#build\_x86|])

                [b]: #build\_x86\_64
                """),
            ("b.md", "# B\n\n## step_one\n"));
    }

    [Fact]
    public void BrokenAnchor_AnIdOnAnyHtmlElement_IsAnAnchor()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenAnchor,
            ("a.md", """
                # Ids

                Step <span id="step-7">seven</span> and <b id='bold-one'>this</b>.

                <div id=box>
                in a block
                </div>

                <p id>no value</p> <p data-id="not-an-anchor">x</p> <input name="field">

                [a](#step-7) [b](#bold-one) [c](#box) [d]([|#not-an-anchor|]) [e]([|#field|])
                """));
    }

    [Fact]
    public void BrokenAnchor_HeadingInAnyCase_IsReached_ButAnHtmlIdOnlyExactly()
    {
        // GitHub's page script and VS Code find a heading from a fragment in any case; a browser matches an id exactly.
        var ws = MarkedWorkspace.Create(("a.md", "# Release Notes\n\n<a id=\"Mixed\"></a>\n\n[x](#Release-Notes) [y](#release-notes) [z](#Mixed) [t](#TOP) [w](#mixed)\n"));

        var diagnostic = Assert.Single(ws.Analyze("a.md"));

        Assert.Equal(
            "broken-anchor (4,66)-(4,72) No heading or anchor '#mixed' in this document (HTML ids match case-sensitively). Did you mean '#Mixed'?",
            MarkedWorkspace.DumpDiagnostics([diagnostic]));
    }

    [Fact]
    public void BrokenLink_HtmlPageOrRouteBuiltFromAMarkdownSource_IsNotBroken()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenLink,
            ("book/intro.md", """
                # Intro

                [next](setup.html) [route](setup) [old](setup.htm#install) [gone]([|missing.html|]) [folder](chapters/)
                [index](chapters/index.html) [no readme]([|setup/index.html|]) [alias](@site/static/img/a.png) [board]({{BOARD_URL}})
                """),
            ("book/setup.md", "# Setup\n\n## Install\n"),
            ("book/chapters/one.md", "# One\n"),
            ("book/chapters/README.md", "# Chapters\n"));
    }

    [Fact]
    public void BrokenAnchor_InTheMarkdownSourceOfAnHtmlLink_IsChecked()
    {
        AssertFlagged(
            DiagnosticCodes.BrokenAnchor,
            ("intro.md", "# Intro\n\n[ok](setup.html#install) [bad](setup.html[|#instal|])\n"),
            ("setup.md", "# Setup\n\n## Install\n"));
    }

    [Fact]
    public void BrokenLink_SiteRootRoute_IsReportedOnlyUnderAConfiguredSiteRoot()
    {
        var ws = MarkedWorkspace.Create(
            ("docs/guides/intro.md", "# Intro\n\n[setup](/guides/setup/) [page](/guides/setup.html) [api](/api/) [gone](/guides/nowhere/) [repo file](/docs/guides/intro.md)\n"),
            ("docs/guides/setup.md", "# Setup\n"),
            ("docs/api/index.md", "# API\n"));

        Assert.DoesNotContain(ws.Analyze("docs/guides/intro.md"), d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal(
            "broken-link (2,71)-(2,87) File '/guides/nowhere/' does not exist under the site root 'docs'.",
            MarkedWorkspace.DumpDiagnostics(ws.Analyze("docs/guides/intro.md", siteRoot: "docs").Where(d => d.Code == DiagnosticCodes.BrokenLink)));
    }

    [Fact]
    public void UndefinedReference_DefinitionWithAnEscapedLabel_LeavesLaterDefinitionsVisible()
    {
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # Downloads

                Get [the build][linux-x86\_64], [the docs][docs] or [the FAQ][faq], not [this][[|gone|]].

                [linux-x86\_64]: https://example.com/linux
                [docs]: https://example.com/docs
                [faq]: https://example.com/faq
                """));
    }

    [Fact]
    public void UndefinedReference_EscapedLabelAfterOrdinaryDefinitions_LeavesLaterDefinitionsVisible()
    {
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # Downloads

                Get [the guide][guide], [the build][linux-x86\_64] or [the FAQ][faq], not [this][[|gone|]].

                [guide]: https://example.com/guide
                [linux-x86\_64]: https://example.com/linux
                [faq]: https://example.com/faq
                """));
    }

    [Fact]
    public void UndefinedReference_LabelOverTwoLines_IsFlagged()
    {
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # Wrapped

                A sentence that wraps [right at][[|the
                label|]] and one [that works][the
                guide].

                [the guide]: https://example.com
                """));
    }

    [Fact]
    public void UndefinedReference_AroundADefinedImage_IsFlagged()
    {
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # Badges

                [![build status][badge]][[|ci-page|]] and [![ok][badge]][badge-link]

                [badge]: https://example.com/badge.svg
                [badge-link]: https://example.com/ci
                """));
    }

    [Fact]
    public void UndefinedReference_BracketsInsideUrls_AreNotReferences()
    {
        AssertFlagged(
            DiagnosticCodes.UndefinedReference,
            ("a.md", """
                # Queries

                See https://example.com/search?q[a][b]=1 and <https://example.com/x?[c][d]>.

                [search]: https://example.com/?filter[kind][]=spec
                [other]: <https://example.com/[e][f]> "title [g][h]"
                """));
    }
}
