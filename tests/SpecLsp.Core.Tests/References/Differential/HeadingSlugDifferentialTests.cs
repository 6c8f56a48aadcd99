using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.References.Differential;

/// <summary>
/// Our heading anchors against github-slugger (npm, a dev dependency of the repository root, run by Node): a seeded
/// generator writes headings from pieces whose CommonMark rendering it knows (escaped punctuation, entities, emoji,
/// keycaps, CJK, accents, Turkish and Greek letters, code, links, images, comments, inline HTML, emphasis, runs of
/// spaces, tabs, repeats, setext headings), github-slugger slugs the rendered texts, and our parser must give every
/// heading the same anchor. Set SPECLSP_SLUG_SEED to replay another seed.
/// </summary>
public class HeadingSlugDifferentialTests
{
    private const int Documents = 300;
    private const int HeadingsPerDocument = 12;

    [Fact]
    public void Anchors_GeneratedHeadings_AgreeWithGithubSlugger()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_SLUG_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20250615;
        var generator = new HeadingGenerator(new Random(seed));
        var documents = Enumerable.Range(0, Documents).Select(_ => generator.Document(HeadingsPerDocument)).ToList();

        var expected = RunOracle(documents);
        var disagreements = new List<string>();
        int compared = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var (markdown, headings) = documents[d];
            var sections = SpecParser.Parse(SourceText.From(markdown)).AllSections.ToList();
            Assert.True(sections.Count == headings.Count, $"seed {seed}, document {d}: {sections.Count} headings parsed, {headings.Count} generated:\n{markdown}");
            for (int h = 0; h < headings.Count; h++)
            {
                string ours = sections[h].Anchor;
                string theirs = expected[compared++];
                if (ours != theirs)
                {
                    disagreements.Add($"  {Show(headings[h].Source)}\n    rendered {Show(headings[h].Rendered)}\n    github-slugger #{Show(theirs)}\n    ours           #{Show(ours)}");
                }
            }
        }

        Assert.True(compared > 3000, $"only {compared} headings compared");
        Assert.True(
            disagreements.Count == 0,
            $"seed {seed} (SPECLSP_SLUG_SEED={seed} replays it): {disagreements.Count} of {compared} headings disagree; the first ones:\n"
                + string.Join("\n", disagreements.Take(15)));
    }

    private static List<string> RunOracle(List<(string Markdown, List<Heading> Headings)> documents)
    {
        var input = new StringBuilder();
        foreach (var (_, headings) in documents)
        {
            input.Append("R\n");
            foreach (var heading in headings)
            {
                input.Append('H').Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(heading.Rendered))).Append('\n');
            }
        }

        var script = Path.Combine(FindRepositoryRoot(), "tests", "SpecLsp.Core.Tests", "References", "Differential", "github-slugger-oracle.mjs");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(input.ToString());
        node.StandardInput.Close();
        Assert.True(node.WaitForExit(60_000), "node did not finish in 60 s");
        Assert.True(node.ExitCode == 0, $"node failed (has `npm ci` been run at the repository root?):\n{stderr.Result}");
        return [.. stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Encoding.UTF8.GetString(Convert.FromBase64String(l[1..])))];
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpecLsp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SpecLsp.sln not found above " + AppContext.BaseDirectory);
    }

    // Control and invisible characters shown as \u escapes, so that a failure message says what is there.
    private static string Show(string text)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is < 0x20 or 0x7F or 0xA0 or 0x2028 or 0xFE0F or 0x20E3 or 0x200D or 0x0307 || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    internal sealed record Heading(string Source, string Rendered, bool Extendable = false);

    /// <summary>A piece of heading text: its Markdown, its rendered text, and whether it needs white space around it.</summary>
    private sealed record Piece(string Markdown, string Rendered, bool Spaced = false);

    private sealed class HeadingGenerator(Random random)
    {
        private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

        // Punctuation that is plain text wherever it stands in our headings; the rest is always backslash-escaped.
        private const string SafeRaw = "\"$%'(),-./:;=?@^{}";

        private static readonly string[] Words =
        [
            "Overview", "FR1", "Export", "the", "visible", "report", "API", "v2", "snake_case", "kebab-case", "Q3", "README",
            "x86_64", "UI", "naïve", "café", "Größe", "Ünïcode", "ÅNGSTRÖM", "e\u0301te\u0301", "São", "Łódź", "Ærø",
            "İstanbul", "İ", "ılık", "IĞDIR", "Şeker", "DİKKAT", "ΟΔΟΣ", "Σίσυφος", "ΣΑΣ", "ΑΣ", "Σ", "ὈΔΥΣΣΕΎΣ", "Привет", "ЁЛКА",
            "日本語", "見出し", "中文标题", "한국어", "カタカナ", "ﾊﾝｶｸ", "עברית", "العربية", "हिन्दी", "ไทย", "ⓔ", "Ⓐⓑ", "🄸", "🅰", "Ⅻ", "ǅ",
            "１２３", "٣", "x²", "½", "ﬁ", "ß", "ǈ",
        ];

        private static readonly string[] Emoji =
        [
            "😀", "🚀", "✅", "❤\uFE0F", "❤", "☺\uFE0F", "⚠\uFE0F", "⚠", "👍🏽", "👨\u200D👩\u200D👧", "🇩🇪", "📋", "🅰\uFE0F", "©\uFE0F", "✔",
        ];

        private static readonly string[] Keycaps = ["1\uFE0F\u20E3", "2\u20E3", "#\uFE0F\u20E3", "0\uFE0F\u20E3", "9\u20E3"];

        private static readonly string[] Separators = [" ", " ", " ", " ", "", "  ", "   ", "\t", "\u00A0", " \t ", "\u2028"];

        private readonly Random _random = random;

        public (string Markdown, List<Heading> Headings) Document(int count)
        {
            var markdown = new StringBuilder();
            var headings = new List<Heading>();
            for (int i = 0; i < count; i++)
            {
                // Repeats, in order: the same heading again, or one whose text looks like a numbered repeat.
                Heading heading = headings.Count > 0 && _random.Next(6) == 0
                    ? Repeat(headings[_random.Next(headings.Count)])
                    : _random.Next(5) == 0 ? Setext() : Atx();
                headings.Add(heading);
                markdown.Append(heading.Source).Append("\n\n");
                if (_random.Next(3) == 0)
                {
                    markdown.Append("Some text.\n\n");
                }
            }

            return (markdown.ToString(), headings);
        }

        private Heading Repeat(Heading earlier)
        {
            if (_random.Next(3) > 0 || !earlier.Extendable)
            {
                return earlier;
            }

            // "## Text 1" after "## Text": its slug collides with the repeat suffix of the first.
            string suffix = _random.Next(2) == 0 ? " 1" : "-1";
            return new Heading(earlier.Source + suffix, earlier.Rendered + suffix, true);
        }

        private Heading Atx()
        {
            var (source, rendered) = Content();
            string hashes = new('#', _random.Next(1, 7));
            string closing = _random.Next(6) == 0 ? " " + new string('#', _random.Next(1, 4)) : string.Empty;
            return new Heading(hashes + " " + source + closing, rendered, closing.Length == 0);
        }

        private Heading Setext()
        {
            var (first, firstRendered) = SetextLine();
            string source = first;
            string rendered = firstRendered;
            if (_random.Next(3) == 0)
            {
                var (second, secondRendered) = SetextLine();
                source += "\n" + second;
                rendered += "\n" + secondRendered;
            }

            return new Heading(source + "\n" + (_random.Next(2) == 0 ? "===" : "---"), rendered);
        }

        // A setext line starts and ends with a plain word, so that it never reads as a list item, a quote or a table.
        private (string Source, string Rendered) SetextLine()
        {
            string head = Letters();
            var (middle, middleRendered) = _random.Next(2) == 0 ? Content() : (string.Empty, string.Empty);
            string tail = Letters();
            return middle.Length == 0
                ? (head + " " + tail, head + " " + tail)
                : (head + " " + middle + " " + tail, head + " " + middleRendered + " " + tail);
        }

        private string Letters() => Words[_random.Next(13)];

        private (string Source, string Rendered) Content()
        {
            int count = _random.Next(1, 7);
            var source = new StringBuilder();
            var rendered = new StringBuilder();
            bool previousSpaced = false;
            for (int i = 0; i < count; i++)
            {
                var piece = NextPiece();

                if (i > 0)
                {
                    // Links, code, emphasis and HTML stand between spaces, so that no neighbour changes how they parse.
                    string separator = piece.Spaced || previousSpaced ? " " : Separators[_random.Next(Separators.Length)];
                    source.Append(separator);
                    rendered.Append(separator);
                }

                source.Append(piece.Markdown);
                rendered.Append(piece.Rendered);
                previousSpaced = piece.Spaced;
            }

            return (source.ToString(), rendered.ToString());
        }

        private Piece NextPiece()
        {
            switch (_random.Next(16))
            {
                case 0:
                case 1:
                case 2:
                case 3:
                    {
                        string word = Words[_random.Next(Words.Length)];
                        return new Piece(word, word);
                    }

                case 4:
                    {
                        // One to three punctuation marks, glued: escaped, or raw where that is still plain text.
                        var source = new StringBuilder();
                        var text = new StringBuilder();
                        for (int n = _random.Next(1, 4); n > 0; n--)
                        {
                            char c = Punctuation[_random.Next(Punctuation.Length)];
                            source.Append(SafeRaw.Contains(c, StringComparison.Ordinal) && _random.Next(2) == 0 ? c.ToString() : "\\" + c);
                            text.Append(c);
                        }

                        return new Piece(source.ToString(), text.ToString());
                    }

                case 5:
                    {
                        string e = Emoji[_random.Next(Emoji.Length)];
                        return new Piece(e, e);
                    }

                case 6:
                    {
                        string k = Keycaps[_random.Next(Keycaps.Length)];
                        return new Piece(k, k);
                    }

                case 7:
                    return _random.Next(6) switch
                    {
                        0 => new Piece("&amp;", "&"),
                        1 => new Piece("&nbsp;", "\u00A0"),
                        2 => new Piece("&copy;", "©"),
                        3 => new Piece("&#35;", "#"),
                        4 => new Piece("&#x1F600;", "😀"),
                        _ => new Piece("&eacute;t&eacute;", "été"),
                    };
                case 8:
                    {
                        // Code keeps its inner spaces and every character, even markup.
                        string code = _random.Next(4) switch
                        {
                            0 => "run  it",
                            1 => "a*b*c",
                            2 => "--flag=[x]",
                            _ => Words[_random.Next(Words.Length)],
                        };
                        return _random.Next(3) == 0 ? new Piece("`` " + code + " ``", code, true) : new Piece("`" + code + "`", code, true);
                    }

                case 9:
                    {
                        string text = Words[_random.Next(Words.Length)] + (_random.Next(2) == 0 ? " " + Words[_random.Next(Words.Length)] : string.Empty);
                        string target = _random.Next(3) switch { 0 => "https://example.com/a_b", 1 => "other.md#part", _ => "#top" };
                        return new Piece($"[{text}]({target})", text, true);
                    }

                case 10:
                    return new Piece("![" + Words[_random.Next(Words.Length)] + " logo](logo.png)", string.Empty, true);
                case 11:
                    return new Piece("<!-- " + Words[_random.Next(Words.Length)] + " -->", string.Empty, true);
                case 12:
                    {
                        string inner = Words[_random.Next(Words.Length)];
                        return _random.Next(3) switch
                        {
                            0 => new Piece("<kbd>" + inner + "</kbd>", inner, true),
                            1 => new Piece("<span id=\"s\">" + inner + "</span>", inner, true),
                            _ => new Piece("<b>" + inner + "</b>", inner, true),
                        };
                    }

                case 13:
                    {
                        string inner = Words[_random.Next(Words.Length)];
                        return _random.Next(3) switch
                        {
                            0 => new Piece("*" + inner + "*", inner, true),
                            1 => new Piece("**" + inner + "**", inner, true),
                            _ => new Piece("~~" + inner + "~~", inner, true),
                        };
                    }

                case 14:
                    {
                        string number = _random.Next(100).ToString(CultureInfo.InvariantCulture);
                        return new Piece(number + "\\.", number + ".");
                    }

                default:
                    {
                        string word = Words[_random.Next(13)];
                        return new Piece(word, word);
                    }
            }
        }
    }
}
