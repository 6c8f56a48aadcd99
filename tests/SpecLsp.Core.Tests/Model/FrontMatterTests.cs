using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Model;

public class FrontMatterTests
{
    private static SpecDocument Parse(string text) => SpecParser.Parse(SourceText.From(text));

    [Fact]
    public void Parse_OnlyFrontMatter_ReadsKeysAndHasNoSections()
    {
        var marked = MarkedText.Parse("[|---\ntitle: Export\nstatus: [|Draft|]\ntags: [a, b]\n---|]\n");

        var document = Parse(marked.Text);

        var frontMatter = Assert.IsType<FrontMatter>(document.FrontMatter);
        Assert.True(frontMatter.IsValid);
        Assert.Equal(marked.Ranges[0], frontMatter.Range);
        Assert.Equal("Export", frontMatter.Values["title"]);
        Assert.Equal("[a, b]", frontMatter.Values["tags"]);
        Assert.Equal(marked.Ranges[1], document.Metadata.Single(m => m.Key == "status").ValueRange);
        Assert.Empty(document.Sections);
        Assert.Empty(document.ParseDiagnostics);
    }

    [Fact]
    public void Parse_FrontMatterWithCrlf_KeepsExactRanges()
    {
        var marked = MarkedText.Parse("---\r\ntitle: Export\r\n[|status|]: [|Draft|]\r\n---\r\n# T\r\n");

        var field = Parse(marked.Text).Metadata.Single(m => m.Key == "status");

        Assert.Equal(marked.Ranges[0], field.KeyRange);
        Assert.Equal(marked.Ranges[1], field.ValueRange);
    }

    public static TheoryData<string, string> BadFrontMatter()
    {
        string deepFlow = new string('[', 500) + new string(']', 500) + "\n";
        string deepBlock = string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "k" + i + ":\n")) + new string(' ', 80) + "v: 1\n";
        string deepDashes = string.Concat(Enumerable.Repeat("- ", 300)) + "x\n";
        string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n";
        string huge = "text: \"" + new string('x', 70 * 1024) + "\"\n";
        return new TheoryData<string, string>
        {
            { "title: [unclosed\nother: }\n", "Invalid YAML" },
            { "key: value\n  bad indent: x\n", "Invalid YAML" },
            { deepFlow, "nested deeper than 32" },
            { deepBlock, "nested deeper than 32" },
            { deepDashes, "nested deeper than 32" },
            { bomb, "more than 100 aliases" },
            { "a: *missing\n", "Unknown alias" },
            { huge, "larger than 64 KB" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFrontMatter))]
    public void Parse_BadFrontMatter_ReportsDiagnosticOnItsRangeAndParsesTheRest(string yaml, string expectedMessage)
    {
        var marked = MarkedText.Parse("[|---\n" + yaml + "---|]\n# Title\n\n## Overview\n");

        var document = Parse(marked.Text);

        var diagnostic = Assert.Single(document.ParseDiagnostics);
        Assert.Equal(DiagnosticCodes.InvalidFrontMatter, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Range, diagnostic.Range);
        Assert.Contains(expectedMessage, diagnostic.Message, StringComparison.Ordinal);
        Assert.False(document.FrontMatter!.IsValid);
        Assert.Equal(["Title", "Overview"], document.AllSections.Select(s => s.Title));
    }

    [Fact]
    public void Parse_FiveHundredNestedLevelsInUnderOneKilobyte_DoesNotCrash()
    {
        string yaml = string.Concat(Enumerable.Repeat("{a: ", 200)) + "1" + new string('}', 200);

        var document = Parse("---\nx: " + yaml + "\n---\n# T\n");

        Assert.Equal(DiagnosticCodes.InvalidFrontMatter, Assert.Single(document.ParseDiagnostics).Code);
    }

    [Fact]
    public void Parse_AliasesWithinTheLimit_AreRead()
    {
        var document = Parse("---\nbase: &b Draft\nstatus: *b\n---\n# T\n");

        Assert.Empty(document.ParseDiagnostics);
        Assert.Equal("Draft", document.FrontMatter!.Values["status"]);
    }

    [Fact]
    public void Parse_YamlSyntaxError_NamesTheDocumentLine()
    {
        var document = Parse("---\ntitle: ok\nbad: [unclosed\n---\n# T\n");

        Assert.StartsWith("Invalid front matter (line 4): Invalid YAML", Assert.Single(document.ParseDiagnostics).Message, StringComparison.Ordinal);
    }
}
