using System.Text;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Parsing;

public class PathologicalInputGuardTests
{
    public static TheoryData<string> Fixtures => new()
    {
        "Templates/bold-metadata.md", "Templates/blockquote-metadata.md", "Templates/list-metadata.md",
        "Templates/html-comment-prompts.md", "Templates/emoji-status.md",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Neutralize_TemplateAndExampleSpecs_ReturnsTheSameString(string fixture)
    {
        string text = TestSupport.Fixtures.Read(fixture);

        // The same instance, so Markdig parses exactly what it parsed before the guard existed: identical models.
        Assert.Same(text, PathologicalInputGuard.Neutralize(text));
    }

    [Fact]
    public void Neutralize_ExampleSpecsAndBuiltInTemplates_ReturnsTheSameStrings()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(TestSupport.Fixtures.SourceDirectory()))!;
        var files = Directory.GetFiles(Path.Combine(root, "examples"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "server", "SpecLsp.Core", "Templates", "BuiltIn"), "*.md"))
            .ToList();

        Assert.True(files.Count >= 10, string.Join(", ", files));
        Assert.All(files, f =>
        {
            string text = File.ReadAllText(f);
            Assert.Same(text, PathologicalInputGuard.Neutralize(text));
        });
    }

    [Theory]
    [InlineData("[a](./x.md)[b](./y.md \"title\")[c](<./z w.md>) [d](e(f)g) ![i](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("- a\n  - b\n    - c\n      > d\n      > > e\n")]
    [InlineData("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n")]
    [InlineData("1. 2) 3. - * + > x\n")]
    public void Neutralize_OrdinaryMarkdown_ReturnsTheSameString(string text) =>
        Assert.Same(text, PathologicalInputGuard.Neutralize(text));

    [Fact]
    public void Neutralize_OneLongDataUri_IsLeftAlone()
    {
        string text = "# T\n\n![logo](data:image/png;base64," + new string('A', 200_000) + ")\n";

        Assert.Same(text, PathologicalInputGuard.Neutralize(text));
    }

    [Fact]
    public void Neutralize_UnclosedLinkOpeners_BlanksTheirParenthesesOnly()
    {
        string text = "# T\n\n" + Repeat("[a](", 25_000) + "\n\n## After\n";

        string guarded = PathologicalInputGuard.Neutralize(text);

        AssertSameShape(text, guarded);
        Assert.StartsWith("# T\n\n[a] [a] [a] ", guarded, StringComparison.Ordinal);
        Assert.EndsWith("\n\n## After\n", guarded, StringComparison.Ordinal);
    }

    [Fact]
    public void Neutralize_DeepNestingOnOneLine_KeepsTheFirstLevels()
    {
        string text = Repeat("- > ", 5_000) + "x\nlazy\n";

        string guarded = PathologicalInputGuard.Neutralize(text);

        AssertSameShape(text, guarded);
        int kept = PathologicalInputGuard.MaxNestingPerLine / 2;
        Assert.StartsWith(Repeat("- > ", kept) + "    ", guarded, StringComparison.Ordinal);
        Assert.EndsWith("x\nlazy\n", guarded, StringComparison.Ordinal);
    }

    [Fact]
    public void Neutralize_LongThematicBreak_IsLeftAlone()
    {
        string text = Repeat("* ", 10_000) + "\n";

        Assert.Same(text, PathologicalInputGuard.Neutralize(text));
    }

    [Fact]
    public void Parse_UnclosedLinkOpenersBeforeASection_KeepsTheSectionAndExactRanges()
    {
        var marked = MarkedText.Parse("# T\n\n" + Repeat("[a](", 25_000) + "\n\n## [|After|]\n\nSee [x](./y.md).\n");

        var document = SpecParser.Parse(SourceText.From(marked.Text));

        var after = Assert.Single(document.AllSections, s => s.Level == 2);
        Assert.Equal(marked.Ranges[0], after.TitleRange);
        var link = Assert.Single(document.Links);
        Assert.Equal("./y.md", document.Source.GetText(link.TargetRange));
    }

    [Fact]
    public void Parse_DeepNestingThenHeading_FindsTheHeading()
    {
        var marked = MarkedText.Parse(Repeat("- ", 10_000) + "x\n\n# [|Title|]\n");

        var document = SpecParser.Parse(SourceText.From(marked.Text));

        Assert.Equal(marked.Ranges[0], document.Title!.TitleRange);
    }

    private static void AssertSameShape(string original, string guarded)
    {
        Assert.NotSame(original, guarded);
        Assert.Equal(original.Length, guarded.Length);
        for (int i = 0; i < original.Length; i++)
        {
            if (original[i] != guarded[i])
            {
                Assert.Equal(' ', guarded[i]);
                Assert.NotEqual('\n', original[i]);
            }
        }
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
    [Fact]
    public void DestinationScanCost_RandomTexts_EqualsACharacterByCharacterWalk()
    {
        int seed = FuzzSeed.Or(20261204);
        var random = new Random(seed);
        const string alphabet = "[]()](  \t\nab#!\u007f\u0001";
        for (int round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 200);
            while (text.Length < length)
            {
                text.Append(random.Next(4) == 0 ? "](" : alphabet[random.Next(alphabet.Length)].ToString());
            }

            string value = text.ToString();
            int start = random.Next(0, value.Length + 1);
            int end = random.Next(start, value.Length + 1);
            Assert.True(
                ReferenceScanCost(value.AsSpan(start, end - start)) == PathologicalInputGuard.DestinationScanCost(value, start, end),
                $"seed {seed}, round {round}: {System.Text.Json.JsonSerializer.Serialize(value[start..end])}");
        }
    }

    [Fact]
    public void Neutralize_ManyDestinationsAmongOrdinaryRuns_BlanksTheSameOpenersAsACharacterByCharacterWalk()
    {
        // Unclosed openers in runs of their own and inside longer runs, with parentheses before and after them.
        string run = "x(y)[a](b(" + Repeat("[c](", 300) + "d)";
        string text = "# T\n\n" + Repeat("plain words (aside) " + run + " tail\n", 40);

        string guarded = PathologicalInputGuard.Neutralize(text);

        AssertSameShape(text, guarded);
        Assert.Equal(ReferenceBlanked(text), guarded);
    }

    // The guard's first measure: every character walked, a stack matching the parentheses of each run.
    private static long ReferenceScanCost(ReadOnlySpan<char> text) => ReferenceScans(text, null);

    private static string ReferenceBlanked(string text)
    {
        var scans = new List<(int Open, int Length)>();
        long total = ReferenceScans(text, scans);
        if (PathologicalInputGuard.WithinBudget(total, text.Length))
        {
            return text;
        }

        char[] copy = text.ToCharArray();
        foreach (var (open, length) in scans)
        {
            if (length > PathologicalInputGuard.LongDestinationScan)
            {
                copy[open] = ' ';
            }
        }

        return new string(copy);
    }

    private static long ReferenceScans(ReadOnlySpan<char> text, List<(int Open, int Length)>? scans)
    {
        var open = new Stack<int>();
        long total = 0;
        int wordStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] <= ' ' || text[i] == '\x7f')
            {
                while (open.Count > 0)
                {
                    int unclosed = open.Pop();
                    if (unclosed > wordStart && text[unclosed - 1] == ']')
                    {
                        scans?.Add((unclosed, i - unclosed));
                        total += i - unclosed;
                    }
                }

                wordStart = i + 1;
            }
            else if (text[i] == '(')
            {
                open.Push(i);
            }
            else if (text[i] == ')' && open.Count > 0)
            {
                int matched = open.Pop();
                if (matched > wordStart && text[matched - 1] == ']')
                {
                    scans?.Add((matched, i - matched));
                    total += i - matched;
                }
            }
        }

        return total;
    }
}
