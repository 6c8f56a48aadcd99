using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class TemplateDumpTests
{
    public static TheoryData<string> Templates =>
    [
        "bold-metadata",
        "blockquote-metadata",
        "list-metadata",
        "html-comment-prompts",
        "emoji-status",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Parse_Template_MatchesExpectedOutline(string name)
    {
        var document = SpecParser.Parse(SourceText.From(Fixtures.Read($"Templates/{name}.md")));

        Fixtures.AssertMatchesExpected($"Templates/{name}.outline.txt", SpecDocumentDump.Write(document));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Parse_Template_MatchesExpectedFullDump(string name)
    {
        var document = SpecParser.Parse(SourceText.From(Fixtures.Read($"Templates/{name}.md")));

        Fixtures.AssertMatchesExpected($"Templates/{name}.dump.txt", SpecDocumentDump.Write(document, SpecDumpDetail.All));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Parse_TemplateWithCrlf_GivesTheSameDumpAsLf(string name)
    {
        string lf = Fixtures.Read($"Templates/{name}.md").ReplaceLineEndings("\n");
        var expected = SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(lf)), SpecDumpDetail.All | SpecDumpDetail.Blocks);

        var actual = SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(lf.Replace("\n", "\r\n"))), SpecDumpDetail.All | SpecDumpDetail.Blocks);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Parse_Template_EveryRangeSlicesItsOwnText(string name)
    {
        var document = SpecParser.Parse(SourceText.From(Fixtures.Read($"Templates/{name}.md")));
        var source = document.Source;

        foreach (var section in document.AllSections)
        {
            Assert.Equal(section.RawTitle, source.GetText(section.TitleRange));
            Assert.True(section.Range.Contains(section.HeadingRange));
            Assert.True(section.Range.Contains(section.BodyRange));
        }

        foreach (var field in document.Metadata)
        {
            Assert.Equal(field.Value, source.GetText(field.ValueRange));
            Assert.Contains(field.Key, source.GetText(field.KeyRange), StringComparison.Ordinal);
        }

        foreach (var definition in document.IdDefinitions)
        {
            Assert.Equal(definition.Id, source.GetText(definition.Range));
        }

        foreach (var mention in document.IdMentions)
        {
            Assert.Equal(mention.Id, source.GetText(mention.Range));
        }
    }

    [Fact]
    public void EmojiTemplate_WasRepairedFromDoubleEncodedUtf8()
    {
        string text = Fixtures.Read("Templates/emoji-status.md");

        Assert.Contains("**Status:** 📋 Planned | 🚧 In Progress | ✅ Implemented", text, StringComparison.Ordinal);
        Assert.Contains("├── __init__.py", text, StringComparison.Ordinal);
        Assert.Contains("└── tests/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ð", text, StringComparison.Ordinal);
        Assert.DoesNotContain("â", text, StringComparison.Ordinal);
    }
}
