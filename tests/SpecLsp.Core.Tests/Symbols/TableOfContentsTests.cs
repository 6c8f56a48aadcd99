using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Symbols;

public class TableOfContentsTests
{
    private static string Apply(string text, Position caret)
    {
        var document = SpecParser.Parse(SourceText.From(text));
        var action = TableOfContents.Action(document, caret);
        Assert.NotNull(action);
        var edit = Assert.Single(action.Edits);
        return document.Source.WithChange(edit.Range, edit.NewText).Text;
    }

    [Fact]
    public void Action_NoTable_InsertsNestedLinksAtTheCaretLine()
    {
        const string text = "# Export\n\n\n## Overview\n\n## Requirements\n\n### FR-001: Rows [CSV]\n\n## Table of Contents\n";

        Assert.Equal(
            "# Export\n\n<!-- toc -->\n- [Overview](#overview)\n- [Requirements](#requirements)\n  - [FR-001: Rows \\[CSV\\]](#fr-001-rows-csv)\n<!-- tocstop -->\n\n## Overview\n\n## Requirements\n\n### FR-001: Rows [CSV]\n\n## Table of Contents\n",
            Apply(text, new Position(2, 0)));
    }

    [Fact]
    public void Action_StaleTable_IsUpdatedInPlaceAndThenOffersNothing()
    {
        const string text = "# A\n\n<!-- toc -->\n- [Old](#old)\n<!-- /toc -->\n\n## New\n\n## Next\n";

        var updated = Apply(text, new Position(8, 0));

        Assert.Equal("# A\n\n<!-- toc -->\n- [New](#new)\n- [Next](#next)\n<!-- /toc -->\n\n## New\n\n## Next\n", updated);
        Assert.Null(TableOfContents.Action(SpecParser.Parse(SourceText.From(updated)), new Position(0, 0)));
        Assert.True(TableOfContents.Contains(SpecParser.Parse(SourceText.From(updated)), 3));
    }

    [Fact]
    public void Action_MarkersInACodeFence_AreNotATable()
    {
        const string text = "# A\n\n```\n<!-- toc -->\n<!-- tocstop -->\n```\n\n## B\n";

        Assert.Equal("Insert table of contents", TableOfContents.Action(SpecParser.Parse(SourceText.From(text)), new Position(1, 0))?.Title);
    }

    [Fact]
    public void Action_CrlfDocument_KeepsItsLineBreaks()
    {
        Assert.Equal("# A\r\n<!-- toc -->\r\n- [B](#b)\r\n<!-- tocstop -->\r\n\r\n## B\r\n", Apply("# A\r\n## B\r\n", new Position(1, 0)));
    }

    [Fact]
    public void Action_NoSections_OffersNothing()
    {
        Assert.Null(TableOfContents.Action(SpecParser.Parse(SourceText.From("# Only a title\n\ntext\n")), new Position(2, 0)));
    }
}
