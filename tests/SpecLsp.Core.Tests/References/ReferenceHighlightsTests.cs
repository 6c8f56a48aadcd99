using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class ReferenceHighlightsTests
{
    // "W" for a definition, "R" for a use, with the marked ranges of the caret's file as the expectation.
    private static void AssertHighlights(string marked, string kinds, params (string Path, string Text)[] others)
    {
        var ws = MarkedWorkspace.Create([("specs/a.md", marked), .. others]);
        var highlights = ReferenceHighlights.Find(ws.View(), ws.Caret);

        Assert.Equal(ws.Files[ws.CaretPath].Ranges, highlights.Select(h => h.Range));
        Assert.Equal(kinds, string.Concat(highlights.Select(h => h.Kind == HighlightKind.Write ? "W" : "R")));
    }

    [Fact]
    public void Find_OnIdMention_HighlightsDefinitionAndMentionsInThisFileOnly()
    {
        AssertHighlights(
            """
            # A

            #### [|FR1|]: Export

            #### FR2: Queue
            Runs after [|F$$R1|] and again after [|FR1|].
            """,
            "WRR",
            ("specs/b.md", "# B\n\nBuilds on FR1.\n"));
    }

    [Fact]
    public void Find_OnHeading_HighlightsItAndItsAnchorLinks()
    {
        AssertHighlights(
            """
            # A

            ## [|Ret$$ry rules|]

            See [|[the rules](#retry-rules)|], [|[again](a.md#Retry-Rules)|] and [other](#a).

            [|[rules]: #retry-rules|]
            """,
            "WRRR");
    }

    [Fact]
    public void Find_OnAnchorLink_HighlightsTheHeadingToo()
    {
        AssertHighlights(
            """
            # A

            ## [|Retry rules|]

            See [|[the rules](#retry$$-rules)|].
            """,
            "WR");
    }

    [Fact]
    public void Find_OnReferenceLabel_HighlightsDefinitionAndUses()
    {
        AssertHighlights(
            """
            # A

            See [|[the guide][Gui$$de]|] and [|[guide][]|].

            [[|guide|]]: https://example.com/guide
            """,
            "RRW");
    }

    [Fact]
    public void Find_OnLinkToAnotherFile_HighlightsLinksToTheSameTarget()
    {
        AssertHighlights(
            """
            # A

            See [|[b](b.md$$)|], [|[again](./b.md)|] and [c](c.md).
            """,
            "RR",
            ("specs/b.md", "# B\n"),
            ("specs/c.md", "# C\n"));
    }

    [Fact]
    public void Find_OnPlainText_IsEmpty()
    {
        AssertHighlights("# A\n\nJust te$$xt.\n", string.Empty);
    }
}
