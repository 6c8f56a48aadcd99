using SpecLsp.Core.Metadata;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Parsing;

public class BoldLabelTests
{
    [Theory]
    [InlineData("**Status:** Draft", "Status", true)]
    [InlineData("**Status**: Draft", "Status", false)]
    [InlineData("**Target date :** soon", "Target date", true)]
    [InlineData("**Owner**:", "Owner", false)]
    public void Match_BoldLabel_KeyAndColon(string text, string key, bool colonInside)
    {
        var label = BoldLabel.Match(text);

        Assert.NotNull(label);
        Assert.Equal((key, colonInside), (text[label.Value.KeyStart..label.Value.KeyEnd], label.Value.ColonInside));
    }

    [Theory]
    [InlineData("**Status** Draft")] // no colon
    [InlineData("** Status:** Draft")] // not bold in CommonMark: the opening run is followed by a space
    [InlineData("**:** Draft")] // no key
    [InlineData("**Sta*tus:** Draft")]
    [InlineData("Status: Draft")]
    public void Match_NotALabel_Null(string text)
    {
        Assert.Null(BoldLabel.Match(text));
    }

    [Fact]
    public void Match_KeyLongerThanTheLimit_Null()
    {
        Assert.Null(BoldLabel.Match("**" + new string('k', BoldLabel.MaxKeyLength + 1) + ":** v"));
        Assert.NotNull(BoldLabel.Match("**" + new string('k', BoldLabel.MaxKeyLength) + ":** v"));
    }

    // The parser's metadata and the analyzers' labelled lines are found by the same recogniser: on a metadata
    // line they agree on the key and its range.
    [Theory]
    [InlineData("**Status:** Draft")]
    [InlineData("**Status**: Draft")]
    [InlineData("- **Status**: Draft")]
    [InlineData("> **Status:** Draft")]
    [InlineData("** Status:** Draft")]
    [InlineData("**Status** Draft")]
    public void Parse_MetadataAndLabeledLines_AgreeOnTheLabel(string line)
    {
        var document = SpecParser.Parse(SourceText.From("# T\n\n" + line + "\n"));

        var fields = document.Metadata.Select(f => (f.Key, f.KeyRange)).ToList();
        var labels = LabeledLine.FindAll(document).Select(l => (l.Key, l.KeyRange)).ToList();

        Assert.Equal(labels, fields);
    }

    // Labelled lines are read from the parser's model, so Markdown decides what is a list item and what is code.
    [Fact]
    public void FindAll_LabelInAListItemNestedOnTheSameLine_IsAListItemLabel()
    {
        var document = SpecParser.Parse(SourceText.From("# T\n\n- - **Smart merging**: settings are kept\n"));

        var label = Assert.Single(LabeledLine.FindAll(document));

        Assert.Equal(("Smart merging", "settings are kept", true), (label.Key, label.Value, label.IsListItem));
    }

    [Theory]
    [InlineData("# T\n\n```\n**Status:** Draft\n")] // a fence left open runs to the end
    [InlineData("# T\n\n    **Status:** Draft\n")] // indented code
    [InlineData("# T\n\n<div>\n**Status:** Draft\n</div>\n")]
    public void FindAll_LabelInCode_IsNoLabelledLine(string text)
    {
        Assert.Empty(LabeledLine.FindAll(SpecParser.Parse(SourceText.From(text))));
    }
}
