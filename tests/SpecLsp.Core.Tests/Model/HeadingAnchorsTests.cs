using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class HeadingAnchorsTests
{
    /// <summary>Headings as written in Markdown and the anchors GitHub gives them.</summary>
    [Theory]
    [InlineData("# Overview", "overview")]
    [InlineData("# Feature Specification: [Feature Name]", "feature-specification-feature-name")]
    [InlineData("## 1.1 Summary", "11-summary")]
    [InlineData("## Phase 3: Polish & Testing", "phase-3-polish--testing")]
    [InlineData("## UI/UX Mockups", "uiux-mockups")]
    [InlineData("## Don't panic!", "dont-panic")]
    [InlineData("## snake_case and kebab-case", "snake_case-and-kebab-case")]
    [InlineData("## ✅ Done", "-done")]
    [InlineData("## 🚀 Launch 🚀 plan", "-launch--plan")]
    [InlineData("## Übersicht Größe", "übersicht-größe")]
    [InlineData("## 日本語の見出し", "日本語の見出し")]
    [InlineData("## Use `speclsp outline`", "use-speclsp-outline")]
    [InlineData("## See [the spec](./other.md) now", "see-the-spec-now")]
    [InlineData("## *Emphasis* and **strong**", "emphasis-and-strong")]
    [InlineData("## A &amp; B", "a--b")]
    [InlineData("## Trailing hashes ##", "trailing-hashes")]
    [InlineData("## (Parenthesised) [brackets] {braces}", "parenthesised-brackets-braces")]
    [InlineData("## C# and F#", "c-and-f")]
    [InlineData("## 100% done?", "100-done")]
    public void Anchor_Heading_MatchesGitHub(string markdown, string anchor)
    {
        var section = Assert.Single(SpecParser.Parse(SourceText.From(markdown + "\n")).AllSections);

        Assert.Equal(anchor, section.Anchor);
    }

    /// <summary>White space as GitHub slugs the rendered text: each plain space a dash, runs kept, the rest dropped.</summary>
    [Theory]
    [InlineData("## Plan   B", "plan---b")]
    [InlineData("## Step 4:  Ship it", "step-4--ship-it")]
    [InlineData("## Tab\there", "tabhere")]
    [InlineData("## No\u00A0break", "nobreak")]
    [InlineData("## Line\u2028sep", "linesep")]
    [InlineData("## Draft <!-- hidden -->", "draft-")]
    [InlineData("## Logo ![the logo](logo.png)", "logo-")]
    [InlineData("## <!-- lead --> Intro", "-intro")]
    [InlineData("First line\nsecond line\n===", "first-linesecond-line")]
    public void Anchor_WhiteSpace_FollowsTheRenderedText(string markdown, string anchor)
    {
        var section = Assert.Single(SpecParser.Parse(SourceText.From(System.Text.RegularExpressions.Regex.Unescape(markdown) + "\n")).AllSections);

        Assert.Equal(anchor, section.Anchor);
    }

    /// <summary>Keycaps, circled and squared letters stay; 'İ' and a word-final 'Σ' lower-case as JavaScript does.</summary>
    [Theory]
    [InlineData("## 2\uFE0F\u20E3 Second", "2\uFE0F\u20E3-second")]
    [InlineData("## Grade Ⓑ", "grade-ⓑ")]
    [InlineData("## Box 🄺", "box-🄺")]
    [InlineData("## İzmir notes", "i\u0307zmir-notes")]
    [InlineData("## ΚΟΣΜΟΣ", "κοσμο\\u03C2")]
    [InlineData("## ΣΟΦΙΑ", "σοφια")]
    public void Anchor_LetterLikeSymbolsAndSpecialCasing_MatchGitHub(string markdown, string anchor)
    {
        var section = Assert.Single(SpecParser.Parse(SourceText.From(System.Text.RegularExpressions.Regex.Unescape(markdown) + "\n")).AllSections);

        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(anchor), section.Anchor);
    }

    [Fact]
    public void Anchor_RepeatedHeadings_GetNumberedSuffixes()
    {
        var document = SpecParser.Parse(SourceText.From("# Notes\n## Notes\n### Notes\n## Notes 1\n## Notes-1\n"));

        Assert.Equal(["notes", "notes-1", "notes-2", "notes-1-1", "notes-1-2"], document.AllSections.Select(s => s.Anchor));
    }

    [Fact]
    public void Assign_Titles_DeduplicatesInOrder()
    {
        Assert.Equal(["a", "a-1", "b", "a-2"], HeadingAnchors.Assign(["A", "A", "B", "a"]));
    }

    /// <summary>
    /// Text all in ASCII takes a path of its own: with a kept non-ASCII letter after it, the same text goes the general
    /// way, and the anchor must be the same one with that letter after it.
    /// </summary>
    [Fact]
    public void Slug_AsciiText_AgreesWithTheGeneralPath()
    {
        int seed = FuzzSeed.Or(20261204);
        var random = new Random(seed);
        for (int round = 0; round < 2000; round++)
        {
            var text = new char[random.Next(0, 40)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = (char)random.Next(0, 128);
            }

            string ascii = new(text);
            Assert.True(
                HeadingAnchors.Slug(ascii) + "é" == HeadingAnchors.Slug(ascii + "é"),
                $"seed {seed}, round {round}: {System.Text.Json.JsonSerializer.Serialize(ascii)}");
        }
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("already-a_slug-42")]
    public void Slug_TextThatIsItsOwnSlug_IsReturnedAsItIs(string text) => Assert.Same(text, HeadingAnchors.Slug(text));

    /// <summary>
    /// A long title, its white space spread over literals, code and a hard line break: one space between words, none at
    /// the ends, wherever the parser's pieces and the builder's chunks begin and end.
    /// </summary>
    [Fact]
    public void Title_WhiteSpaceAcrossPiecesOfALongHeading_IsCollapsed()
    {
        string words = string.Join(" \u00A0 ", Enumerable.Range(0, 60).Select(i => $"word{i}"));
        string markdown = "Setext   `code  span`\u2003 " + words + "  \nsecond\tline  \n=====\n";

        var section = Assert.Single(SpecParser.Parse(SourceText.From(markdown)).AllSections);

        Assert.Equal("Setext code span " + string.Join(" ", Enumerable.Range(0, 60).Select(i => $"word{i}")) + " second line", section.Title);
    }

    [Fact]
    public void TitleWhiteSpace_IsEveryCharacterCharIsWhiteSpaceAccepts()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == DocumentBuilder.WhiteSpace.Contains((char)c), $"U+{c:X4}");
        }
    }
}
