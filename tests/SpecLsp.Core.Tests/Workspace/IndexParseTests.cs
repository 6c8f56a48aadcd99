using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Syntax;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.Model;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Workspace;

/// <summary>
/// The workspace scan parses files no one has open with <see cref="SpecParser.ParseForIndex"/>, which leaves out what
/// only an open document's features read: every index entry it makes must be the one a full parse makes.
/// </summary>
public class IndexParseTests
{
    private static readonly ImmutableArray<string> Roots = [WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "index-parse-root"))!];

    private static readonly string Path_ = Roots[0] + "/specs/feature/spec.md";

    public static TheoryData<string> Corpus() => SpecCorpus.Relative(SpecCorpus.Specs());

    [Theory]
    [MemberData(nameof(Corpus))]
    public void ParseForIndex_RepositorySpecs_GivesTheEntryOfAFullParse(string relativePath)
    {
        string text = SpecCorpus.Read(relativePath);

        Assert.Equal(Entry(text, full: true), Entry(text, full: false));
        Assert.Equal(Entry(text.ReplaceLineEndings("\r\n"), full: true), Entry(text.ReplaceLineEndings("\r\n"), full: false));
    }

    [Fact]
    public void ParseForIndex_RandomMarkdownSoup_GivesTheEntryOfAFullParse()
    {
        int seed = FuzzSeed.Or(20261204);
        var random = new Random(seed);
        for (int round = 0; round < 1500; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 80);
            for (int i = 0; i < count; i++)
            {
                builder.Append(FuzzTests.Fragments[random.Next(FuzzTests.Fragments.Length)]);
            }

            string text = builder.ToString();
            string full = Entry(text, full: true);
            string forIndex = Entry(text, full: false);
            Assert.True(full == forIndex, $"seed {seed} (SPECLSP_FUZZ_SEED replays it), round {round}: {System.Text.Json.JsonSerializer.Serialize(text)}\nfull:\n{full}\nfor the index:\n{forIndex}");
        }
    }

    /// <summary>
    /// Blocks the index parse reads from their lines (<see cref="PlainLeavesExtension"/>) next to ones whose literals
    /// differ from their lines: emphasis around and next to IDs, task boxes, quotes, lazy lines, headings' closing
    /// sequences, tabs and runs of white space in titles.
    /// </summary>
    [Theory]
    [InlineData("# Spec\n\n## FR-1: Export\n\n**FR-2**bar and *FR-3* and FR-4*x* and *x*FR-5, FR-6**.\n")]
    [InlineData("# Spec\n\n## FR-1: Export\n\n_FR-2_ and FR-3_x_ and x_FR-4 and __FR-5__ and FR-6_\n")]
    [InlineData("# Spec\n\n- [ ] FR-1: a task\n- [x] FR-2 done\n- [X]FR-3 tight\n- [\t] FR-4 no box\n1. [ ] FR-5: numbered\n")]
    [InlineData("# Spec\n\n- item\n\n  [ ] FR-1 not the first paragraph\n- [ ]\n- [ ] \n")]
    [InlineData("# Spec\n\n> FR-1 quoted\n> FR-2 on\nFR-3 lazy\n\n> > FR-4 deeper\n")]
    [InlineData("# Spec\n\n## FR-1: Title ##\n### FR-2:\tTabbed  and   spaced ###  \n#### FR-3 #not closing\n#\n## \u00A0FR-4\u00A0nbsp\n")]
    [InlineData("# Spec\n\nFR-1 hard  \nFR-2 break\\\nFR-3\n\n    FR-4 indented code\n")]
    [InlineData("# Spec\r\n\r\n## FR-1: CRLF\r\n\r\n- [ ] FR-2: task\r\n  FR-3 continued\r\n")]
    [InlineData("# Spec\n\n## US-1 \u00E9t\u00E9 🚀\n\nUS-2 \u00E9t\u00E9 and US-3!\n")]
    public void ParseForIndex_PlainBlocksBesideOthers_GiveTheEntryOfAFullParse(string text)
    {
        Assert.Equal(Entry(text, full: true), Entry(text, full: false));
    }

    /// <summary>Random specs made mostly of plain blocks (the fragments above hold so much syntax that few are).</summary>
    [Fact]
    public void ParseForIndex_RandomPlainSoup_GivesTheEntryOfAFullParse()
    {
        string[] fragments =
        [
            "# ", "## ", "#### FR1: ", "### US-2 ", "Title", "words", " ", "  ", "\t", "\u00A0", "\n", "\r\n", "\n\n", "  \n",
            "- ", "  - ", "1. ", "> ", "- [ ] ", "- [x] ", "- [X] ", "*", "**", "**FR2:**", "**Status:** Draft", "FR-3",
            "SPEC-2026-01-05-001", "TS1", "US-1", ":", ".", "-", "#", "!", "é", "🚀", "---", "===", "    ",
        ];

        // What makes a block, or a whole text, not plain: one fragment in thirty.
        string[] rare = ["_", "x_", "FR4_", "[ ] ", "[x]", "www.x.io", "mailto:", "://", "|", "`", "[", "]"];
        int seed = FuzzSeed.Or(20261205);
        var random = new Random(seed);
        int plainTexts = 0;
        for (int round = 0; round < 1500; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 80);
            for (int i = 0; i < count; i++)
            {
                builder.Append(random.Next(30) == 0 ? rare[random.Next(rare.Length)] : fragments[random.Next(fragments.Length)]);
            }

            string text = builder.ToString();
            var markdown = Markdown.Parse(text, SpecParser.IndexPipelineFor(text));
            plainTexts += markdown.Descendants<LeafBlock>().Any(b => !b.ProcessInlines && b is ParagraphBlock or HeadingBlock) ? 1 : 0;
            string full = Entry(text, full: true);
            string forIndex = Entry(text, full: false);
            Assert.True(full == forIndex, $"seed {seed} (SPECLSP_FUZZ_SEED replays it), round {round}: {System.Text.Json.JsonSerializer.Serialize(text)}\nfull:\n{full}\nfor the index:\n{forIndex}");
        }

        Assert.True(plainTexts > 750, $"seed {seed}: only {plainTexts} of 1,500 texts had a plain block");
    }

    /// <summary>What the index parse leaves out is left out: the test above would pass on a full parse too.</summary>
    [Fact]
    public void ParseForIndex_ASpecWithEveryBlock_LeavesOutWhatOnlyOpenDocumentsRead()
    {
        const string text = """
            # Title
            **Status:** Draft

            See [the overview](#title), <https://example.com> and www.example.com.

            - [ ] FR1: a task <!-- a comment -->
            > quoted `code`

            | ID | Title |
            |----|-------|
            | T1 | row |

            ```text
            code
            ```
            """;

        var full = SpecParser.Parse(SourceText.From(text));
        var forIndex = SpecParser.ParseForIndex(SourceText.From(text));

        Assert.All(
            new[] { full.Blocks.Length, full.ListItems.Length, full.TableRows.Length, full.BoldLabels.Length, full.TaskItems.Length, full.CodeBlocks.Length, full.CodeSpans.Length, full.HtmlComments.Length },
            n => Assert.True(n > 0));
        Assert.Empty(forIndex.Blocks);
        Assert.Empty(forIndex.ListItems);
        Assert.Empty(forIndex.TableRows);
        Assert.Empty(forIndex.BoldLabels);
        Assert.Empty(forIndex.TaskItems);
        Assert.Empty(forIndex.CodeBlocks);
        Assert.Empty(forIndex.CodeSpans);
        Assert.Empty(forIndex.HtmlComments);
        Assert.All(forIndex.Links, l => Assert.Empty(l.Text));
        Assert.All(forIndex.AllSections, h => Assert.Empty(h.RawTitle));
        Assert.Equal(full.Metadata.Select(m => m.Key), forIndex.Metadata.Select(m => m.Key));
        Assert.Equal(IndexDump.Of(FileIndex.Create(Path_, full, Roots)), IndexDump.Of(FileIndex.Create(Path_, forIndex, Roots)));
    }

    /// <summary>The index parse makes each ID's text the string all entries share, so the entry keeps its records as they are.</summary>
    [Fact]
    public void ParseForIndex_TheSameIdsInTwoFiles_ShareOneStringAndTheEntryKeepsTheRecords()
    {
        const string text = "# Spec\n\n## FR-7: Export\n\n- [ ] US-7: a task for FR-7\n\n| ID | Title |\n|----|-------|\n| T-7 | row, see US-7 |\n";
        var first = SpecParser.ParseForIndex(SourceText.From(text));
        var second = SpecParser.ParseForIndex(SourceText.From(text + "\nMore about FR-7.\n"));
        var entry = FileIndex.Create(Path_, second, Roots);

        Assert.Equal(["FR-7", "US-7", "T-7"], first.IdDefinitions.Select(d => d.Id));
        Assert.All(first.IdDefinitions.Zip(second.IdDefinitions), pair => Assert.Same(pair.First.Id, pair.Second.Id));
        Assert.NotEmpty(second.IdMentions);
        Assert.All(second.IdMentions, m => Assert.Same(first.IdDefinitions.Single(d => d.Id == m.Id).Id, m.Id));
        Assert.All(second.IdDefinitions.Zip(entry.IdDefinitions), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(second.IdMentions.Zip(entry.IdMentions), pair => Assert.Same(pair.First, pair.Second));
    }

    private static string Entry(string text, bool full)
    {
        var source = SourceText.From(text);
        return IndexDump.Of(FileIndex.Create(Path_, full ? SpecParser.Parse(source) : SpecParser.ParseForIndex(source), Roots));
    }
}
