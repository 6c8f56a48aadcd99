using SpecLsp.Core.Yaml;

namespace SpecLsp.Core.Tests.Yaml;

public class SafeYamlTests
{
    private static string Nested(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "k" + i + ":\n")).TrimEnd('\n') + " 1\n";

    [Fact]
    public void Load_Mapping_GivesTreeWithOffsets()
    {
        const string yaml = "title: Export\nstatus: \"Draft\"\ntags:\n  - a\n  - b\nowner: {name: Ann}\n";

        var result = SafeYaml.Load(yaml);

        var root = Assert.IsType<SafeYamlMapping>(result.Root);
        Assert.Equal("Export", Assert.IsType<SafeYamlScalar>(root.Get("title")).Value);
        var status = Assert.IsType<SafeYamlScalar>(root.Get("status"));
        Assert.Equal(("Draft", false, "\"Draft\""), (status.Value, status.IsPlain, yaml[status.Start..status.End]));
        var tags = Assert.IsType<SafeYamlSequence>(root.Get("tags"));
        Assert.Equal(["a", "b"], tags.Items.Cast<SafeYamlScalar>().Select(s => s.Value));
        Assert.Equal("- a\n  - b", yaml[tags.Start..tags.End]);
        var owner = Assert.IsType<SafeYamlMapping>(root.Get("owner"));
        Assert.Equal("{name: Ann}", yaml[owner.Start..owner.End]);
    }

    [Fact]
    public void Load_ThirtyTwoLevels_IsAcceptedAndThirtyThreeRefused()
    {
        Assert.True(SafeYaml.Load(Nested(32)).IsValid);
        Assert.Contains("deeper than 32", SafeYaml.Load(Nested(33)).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: |\n  text with [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ brackets\n            and deep indentation\n                        deeper\nb: 1\n", 1)]
    [InlineData("a: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\nb: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{'\n", 1)]
    [InlineData("a: see [1 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", 1)]
    [InlineData("a:\n  b: [1, [2, {c: 3}]]\n", 5)]
    [InlineData("- - - x\n", 3)]
    public void EstimateDepth_OrdinaryYaml_IsNotOverestimated(string yaml, int expected)
    {
        Assert.Equal(expected, SafeYaml.EstimateDepth(yaml));
        Assert.True(SafeYaml.Load(yaml).IsValid);
    }

    [Fact]
    public void Load_AliasExpansions_CountAsAFullExpansionWould()
    {
        // mid holds 9 aliases; 9 aliases of mid expand 9 × (1 + 9) = 90 more; one alias of base makes 100 in all.
        string hundred = "base: &b [x]\nmid: &m [" + string.Join(", ", Enumerable.Repeat("*b", 9)) + "]\n"
            + "top: [" + string.Join(", ", Enumerable.Repeat("*m", 9)) + "]\none: *b\n";

        Assert.True(SafeYaml.Load(hundred).IsValid, SafeYaml.Load(hundred).Error?.Message);
        Assert.Contains("more than 100 aliases", SafeYaml.Load(hundred + "two: *b\n").Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasedNode_IsSharedNotCopied()
    {
        var root = (SafeYamlMapping)SafeYaml.Load("a: &x {k: v}\nb: *x\n").Root!;

        Assert.Same(root.Get("a"), root.Get("b"));
    }

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", "Only one YAML document")]
    [InlineData("a: *nowhere\n", "Unknown alias")]
    [InlineData("a: [1, 2\n", "Invalid YAML")]
    [InlineData("\"unterminated\n", "Invalid YAML")]
    public void Load_BadYaml_ReturnsErrorWithoutThrowing(string yaml, string message)
    {
        var result = SafeYaml.Load(yaml);

        Assert.Null(result.Root);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.InRange(result.Error.Start, 0, yaml.Length);
        Assert.InRange(result.Error.End, result.Error.Start, yaml.Length);
    }

    [Fact]
    public void Load_OversizedText_IsRefusedBeforeParsing()
    {
        string yaml = "a: " + new string('é', 33 * 1024) + "\n";

        Assert.Contains("larger than 64 KB", SafeYaml.Load(yaml).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyText_IsValidWithNoRoot()
    {
        var result = SafeYaml.Load(string.Empty);

        Assert.True(result.IsValid);
        Assert.Null(result.Root);
    }
}
