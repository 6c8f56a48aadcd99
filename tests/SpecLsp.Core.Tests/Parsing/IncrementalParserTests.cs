using System.Text;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Parsing;

public class IncrementalParserTests
{
    private const string Spec = """
        # Feature Specification: Export

        **Status:** Draft
        **Created:** 2026-01-05

        ## Requirements

        The export covers FR1 and [the overview](#overview).

        ### FR1: CSV export
        **Description:** Exports CSV, depends on FR2.
        - [ ] Criterion 1.1
        - [x] Criterion 1.2

        ### FR2: JSON export
        Exports JSON. See `code` and <!-- a prompt -->.

        | ID | Requirement |
        |----|-------------|
        | NFR1 | Fast |

        ## Overview

        ```python
        x = 1
        ```

        ## Open Questions

        Nothing yet.
        """;

    [Fact]
    public void Reparse_TypingInAParagraph_ReparsesOnlyThatSectionAndEqualsAFullParse()
    {
        var previous = SpecParser.Parse(SourceText.From(Spec));
        var edited = Edit(previous.Source, "Exports JSON.", "Exports JSON fast.");

        var reparsed = IncrementalParser.TryReparse(previous, edited, CancellationToken.None);

        Assert.NotNull(reparsed);
        ModelAssert.Equal(SpecParser.Parse(edited), reparsed);

        // Nodes outside the region are the previous model's own: they were not parsed again.
        Assert.Same(previous.TaskItems[0], reparsed.TaskItems[0]);
        Assert.Same(previous.CodeBlocks[0], reparsed.CodeBlocks[0]);
    }

    [Fact]
    public void Reparse_NewLineBeforeLaterSections_MovesThemDownAndEqualsAFullParse()
    {
        var previous = SpecParser.Parse(SourceText.From(Spec));
        var edited = Edit(previous.Source, "Exports JSON.", "Exports JSON.\n\nA second paragraph\nof two lines.");

        var reparsed = IncrementalParser.TryReparse(previous, edited, CancellationToken.None);

        Assert.NotNull(reparsed);
        ModelAssert.Equal(SpecParser.Parse(edited), reparsed);
        Assert.Equal(previous.CodeBlocks[0].Range.Start.Line + 3, reparsed.CodeBlocks[0].Range.Start.Line);
    }

    [Theory]
    [InlineData("Exports JSON.", "```\nExports JSON.", "a fence left open swallows the heading after the section")]
    [InlineData("Exports JSON.", "<pre>\nExports JSON.", "an HTML block left open swallows the heading after the section")]
    [InlineData("Exports JSON.", "[x]: ./x.md\n\nExports JSON.", "a link reference definition applies to the whole document")]
    [InlineData("# Feature Specification: Export", "# Feature Specification: Import", "the title is part of the metadata IDs")]
    [InlineData("Exports JSON.", "Exports JSON.\n\n## Metadata\n", "a Metadata section changes where metadata may be after it")]
    [InlineData("Exports JSON.", "Exports JSON, as TS-1 asks.\n- **TS-1:** test", "a new ID prefix makes mentions of it elsewhere count")]
    public void Reparse_EditThatReachesBeyondItsRegion_FallsBackToAFullParse(string find, string replace, string why)
    {
        var previous = SpecParser.Parse(SourceText.From(Spec));
        var edited = Edit(previous.Source, find, replace);

        Assert.True(IncrementalParser.TryReparse(previous, edited, CancellationToken.None) is null, why);
        ModelAssert.Equal(SpecParser.Parse(edited), SpecParser.Parse(edited, previous));
    }

    [Fact]
    public void ModelComparison_CoversEveryPropertyOfTheModel()
    {
        // The random-edit test is only as strict as the comparison: a property it does not compare could be left out
        // of the reparse unnoticed.
        var properties = typeof(SpecDocument)
            .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Select(p => p.Name);

        Assert.Equal(properties.Order(StringComparer.Ordinal), ModelAssert.Compared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reparse_DocumentTheGuardHadToChange_IsParsedWhole()
    {
        string hostile = Spec + "\n" + string.Concat(Enumerable.Repeat("[a](", 300_000));
        var previous = SpecParser.Parse(SourceText.From(hostile));
        var edited = Edit(previous.Source, "Exports JSON.", "Exports JSON fast.");

        Assert.Null(previous.DestinationScanCost);
        Assert.Null(IncrementalParser.TryReparse(previous, edited, CancellationToken.None));
    }

    [Fact]
    public void Reparse_RegionThatTipsTheGuardsBudget_IsParsedWhole()
    {
        // Each run alone is within the budget (its cost grows with the square of its length); both together are
        // not, so the guard must see the whole text.
        string run = string.Concat(Enumerable.Repeat("[a](", 600));
        string text = "# T\n\n## A\n\n" + run + "\n\n## B\n\nplain\n\n## C\n";
        var previous = SpecParser.Parse(SourceText.From(text));
        var edited = Edit(previous.Source, "plain", run);

        Assert.NotNull(previous.DestinationScanCost);
        Assert.Null(IncrementalParser.TryReparse(previous, edited, CancellationToken.None));
        ModelAssert.Equal(SpecParser.Parse(edited), SpecParser.Parse(edited, previous));
    }

    /// <summary>
    /// Random edits to every spec in the repository, each reparsed from the model of the edit before it, must give
    /// exactly the model a full parse gives; and the region path must be the one taken for most of them.
    /// </summary>
    [Fact]
    public void Reparse_RandomEditSequences_AlwaysEqualAFullParse()
    {
        // SPECLSP_FUZZ_SEED explores other sequences (the protocol fuzzer reads it too).
        int seed = FuzzSeed.Or(20261122);
        var random = new Random(seed);
        int reparsed = 0;
        int edits = 0;
        foreach (string path in Corpus())
        {
            // Every file as written, and with CR LF line breaks on odd rounds.
            string original = File.ReadAllText(path).ReplaceLineEndings("\n");
            var document = SpecParser.Parse(SourceText.From(random.Next(2) == 0 ? original : original.ReplaceLineEndings("\r\n")));
            for (int i = 0; i < 100; i++)
            {
                var edited = RandomEdit(document.Source, random);
                var incremental = IncrementalParser.TryReparse(document, edited, CancellationToken.None);
                var full = SpecParser.Parse(edited);
                ModelAssert.Equal(full, incremental ?? SpecParser.Parse(edited, document), $"seed {seed}, {Path.GetFileName(path)}, edit {i}");
                reparsed += incremental is null ? 0 : 1;
                edits++;
                document = incremental ?? full;
            }
        }

        Assert.True(edits > 1000, $"only {edits} edits");
        Assert.True(reparsed > edits / 2, $"only {reparsed} of {edits} edits took the region path");
        Console.WriteLine($"{reparsed} of {edits} edits reparsed by region");
    }

    /// <summary>
    /// The edits of the check in a real VS Code (scripts/vscode-manual-test.mjs), one keystroke at a time as VS Code
    /// sends them: text typed at the end of a paragraph, then "## Testing Strategy" typed in front of the next
    /// section's heading (so that heading first becomes "### Documentation", then "## T## Documentation"...), line
    /// breaks, and a task under the new heading. Every keystroke takes the region path and equals a full parse.
    /// </summary>
    [Fact]
    public void Reparse_TypingANewSectionKeystrokeByKeystroke_TakesTheRegionPathEveryTime()
    {
        string root = Path.GetFullPath(Path.Combine(Fixtures.SourceDirectory(), "..", ".."));
        string fixture = File.ReadAllText(Path.Combine(root, "client-vscode", "test", "fixtures", "csv-export.md")).ReplaceLineEndings("\n");
        var document = SpecParser.Parse(SourceText.From(fixture));
        int keystrokes = 0;

        void Type(int offset, string keys)
        {
            foreach (char key in keys)
            {
                string text = document.Source.Text;
                var edited = SourceText.From(string.Concat(text.AsSpan(0, offset), key.ToString(), text.AsSpan(offset)));
                var reparsed = IncrementalParser.TryReparse(document, edited, CancellationToken.None);
                Assert.True(reparsed is not null, $"keystroke {keystrokes} ({key}) fell back to a full parse");
                ModelAssert.Equal(SpecParser.Parse(edited), reparsed, $"keystroke {keystrokes} ({key})");
                document = reparsed;
                offset++;
                keystrokes++;
            }
        }

        Type(fixture.IndexOf("no temporary files.", StringComparison.Ordinal) + "no temporary files.".Length, " Rows stream.");
        int documentation = document.Source.Text.IndexOf("## Documentation", StringComparison.Ordinal);
        Type(documentation, "## Testing Strategy\n\n\n\n");
        Type(documentation + "## Testing Strategy\n\n".Length, "- [x] Unit tests for the quoting");

        Assert.Contains(document.AllSections, s => s.Title == "Testing Strategy" && s.HeadingRange.Start.Line == 29);
        Assert.Equal(2, document.TaskItems.Count(t => t.IsChecked));
    }

    private static readonly string[] Fragments =
    [
        "a", "x", " ", "\n", "\n\n", "\r\n", "# ", "## ", "### Heading\n", "#### FR9: New\n", "\n## Section\n", "---\n", "===\n",
        "- ", "- [ ] ", "- [x] US-9: story\n", "1. ", "> ", "**", "**FR7:** text", "**Status:** ", "Created: 2026-01-01\n", "`",
        "```\n", "~~~", "    ", "\t", "| NFR9 | x |\n", "|---|\n", "[", "]", "(", ")", "[a](./x.md#y)", "[b][c]", "<!--", "-->",
        "<a id=\"z\"></a>", "FR1", "US-1", "SPEC-2026-01-05-001", "https://example.com", "🚀", "é", "[Feature Name]", "<div>\n",
        "## Metadata\n", "\n---\nOwner: Ann\n", "[ref]: ./r.md\n", "---\ntitle: x\n---\n", "\r", "\0", "\uD83D", "&amp;", "<", ">",
        "![", "][", "[]", "\\", "*", "_", "  ## Indented\n", "Title\n---\n", "- # In a list\n", "> # In a quote\n", "</pre>",
    ];

    private static SourceText RandomEdit(SourceText source, Random random)
    {
        string text = source.Text;
        int at = random.Next(text.Length + 1);
        if (random.Next(2) == 0 && source.LineCount > 0)
        {
            at = source.Lines.GetLineStart(random.Next(source.LineCount));
        }

        int removed = random.Next(4) == 0 ? Math.Min(text.Length - at, random.Next(1, 40)) : 0;
        string inserted = random.Next(5) == 0 ? string.Empty : Fragments[random.Next(Fragments.Length)];
        if (removed == 0 && inserted.Length == 0)
        {
            inserted = "a";
        }

        return SourceText.From(string.Concat(text.AsSpan(0, at), inserted, text.AsSpan(at + removed)));
    }

    private static SourceText Edit(SourceText source, string find, string replace)
    {
        int at = source.Text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        return SourceText.From(string.Concat(source.Text.AsSpan(0, at), replace, source.Text.AsSpan(at + find.Length)));
    }

    private static IEnumerable<string> Corpus() => SpecCorpus.Specs();
}
