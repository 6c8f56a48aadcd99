using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.References;

/// <summary>The anchors GitHub gives headings, as the index and the link checks see them.</summary>
public class HeadingAnchorRulesTests
{
    [Fact]
    public void Anchors_TableOfHeadings_MatchGitHub()
    {
        // heading text | GitHub's anchor
        const string table = """
            Overview | overview
            Feature Specification: CSV Export | feature-specification-csv-export
            1.2 Business Objectives | 12-business-objectives
            FR1: Export the visible report | fr1-export-the-visible-report
            Non-Functional Requirements | non-functional-requirements
            UI/UX Mockups | uiux-mockups
            Q&A -- open (draft) | qa----open-draft
            snake_case_name | snake_case_name
            📋 Status: ✅ Done | -status--done
            🚧 Work in progress | -work-in-progress
            The `run` command | the-run-command
            See [the guide](https://example.com) now | see-the-guide-now
            **Bold** and *italic* | bold-and-italic
            Café Ünïcode | café-ünïcode
            Overview | overview-1
            Overview | overview-2
            Overview 1 | overview-1-1
            """;
        var rows = table.Split('\n').Select(r => r.Split(" | ")).ToList();
        var markdown = string.Join("\n\n", rows.Select(r => "## " + r[0])) + "\n";

        var index = FileIndex.Create("/ws/a.md", SpecParser.Parse(SourceText.From(markdown)), ["/ws"]);

        Assert.Equal(
            string.Join("\n", rows.Select(r => $"{r[0]} | {r[1]}")),
            string.Join("\n", rows.Zip(index.Headings, (r, h) => $"{r[0]} | {h.Anchor}")));
    }
}
