using System.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.Model;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Parsing;

/// <summary>
/// A text without <c>://</c>, <c>www.</c>, <c>mailto:</c> or <c>tel:</c> is parsed without the autolink extension,
/// and one without <c>|</c> without pipe tables (<see cref="SpecParser.PipelineFor"/>): its model must be the one the
/// full pipeline gives, field by field.
/// </summary>
public class PipelineChoiceTests
{
    public static TheoryData<string> Corpus() => SpecCorpus.Relative(SpecCorpus.AllMarkdown());

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parse_RepositoryMarkdown_EqualsTheFullPipelinesModel(string relativePath)
    {
        string text = SpecCorpus.Read(relativePath);

        // Each file as written, and without what makes it need each extension, so that every pipeline is taken.
        foreach (var variant in new[] { text, text.Replace("://", ":/", StringComparison.Ordinal), text.Replace('|', '¦'), text.Replace("://", ":/", StringComparison.Ordinal).Replace('|', '¦') })
        {
            var source = SourceText.From(variant);
            ModelAssert.Equal(SpecParser.ParseWith(source, SpecParser.Pipeline), SpecParser.Parse(source), relativePath);
        }
    }

    [Fact]
    public void Parse_RandomMarkdownSoup_EqualsTheFullPipelinesModel()
    {
        int seed = FuzzSeed.Or(20261204);
        var random = new Random(seed);
        string[] fragments = [.. FuzzTests.Fragments, "ftp", "tel", "mailto", "www", "http", "hello ", "\n| a | b |\n|---|---|\n", ":", "-", "|"];
        int lean = 0;
        for (int round = 0; round < 3000; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 60);
            for (int i = 0; i < count; i++)
            {
                builder.Append(fragments[random.Next(fragments.Length)]);
            }

            var source = SourceText.From(builder.ToString());
            lean += ReferenceEquals(SpecParser.PipelineFor(source.Text), SpecParser.Pipeline) ? 0 : 1;
            ModelAssert.Equal(SpecParser.ParseWith(source, SpecParser.Pipeline), SpecParser.Parse(source), $"seed {seed} (SPECLSP_FUZZ_SEED replays it), round {round}: {System.Text.Json.JsonSerializer.Serialize(source.Text)}");
        }

        Assert.True(lean > 1000, $"only {lean} texts took a leaner pipeline");
    }

    [Theory]
    [InlineData("# T\n\nplain prose with hot words: the filter, the method\n", false, false)]
    [InlineData("see https://example.com\n", false, true)]
    [InlineData("see www.example.com\n", false, true)]
    [InlineData("see WWW.example.com\n", false, false)]
    [InlineData("write to MAILTO:a@b.c or tel:123\n", false, true)]
    [InlineData("write to MAILTO:a@b.c or Tel:123\n", false, false)]
    [InlineData("| a | b |\n|---|---|\n", true, false)]
    public void PipelineFor_Text_KeepsTheExtensionsItCanUse(string text, bool pipeTables, bool autoLinks)
    {
        var pipeline = SpecParser.PipelineFor(text);

        Assert.Equal(pipeTables, pipeline.Extensions.Any(e => e is PipeTableExtension));
        Assert.Equal(autoLinks, pipeline.Extensions.Any(e => e is AutoLinkExtension));
    }

    /// <summary>
    /// The choice rests on what triggers the two extensions in this Markdig: the autolink parser on five letters, each
    /// for one prefix, and the pipe-table parser on <c>|</c> (plus line ends and <c>:</c>, which make no table alone).
    /// A Markdig upgrade that changes them fails here, before any model differs.
    /// </summary>
    [Fact]
    public void Markdig_TheExtensionsOpeningCharacters_AreTheOnesTheChoiceRestsOn()
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks();
        builder.Build();

        Assert.Equal(['h', 'f', 'm', 't', 'w'], builder.InlineParsers.OfType<AutoLinkParser>().Single().OpeningCharacters!);
        Assert.Equal(['|', '\n', '\r', ':'], builder.InlineParsers.OfType<PipeTableParser>().Single().OpeningCharacters!);
    }

    /// <summary>The choice looks for the autolink prefixes in lower case only, as this Markdig matches them.</summary>
    [Theory]
    [InlineData("see www.example.com now", 1)]
    [InlineData("see WWW.example.com now", 0)]
    [InlineData("see Www.example.com now", 0)]
    [InlineData("write to mailto:a@b.c", 1)]
    [InlineData("write to MAILTO:a@b.c", 0)]
    [InlineData("call tel:123", 1)]
    [InlineData("call Tel:123", 0)]
    [InlineData("see http://a.b", 1)]
    [InlineData("see HTTP://a.b", 0)]
    public void Markdig_BareUrls_AreLinksInLowerCaseOnly(string text, int links)
    {
        var document = Markdown.Parse(text, SpecParser.Pipeline);

        Assert.Equal(links, document.Descendants<LinkInline>().Count() + document.Descendants<AutolinkInline>().Count());
    }
}
