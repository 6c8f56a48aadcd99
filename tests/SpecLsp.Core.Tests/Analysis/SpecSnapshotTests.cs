using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Analysis;

public sealed class SpecSnapshotTests
{
    private static readonly string Spec = NewSpecRenderer.Render(TemplateCatalog.BuiltIn.Find("lightweight")!, "CSV", new DateOnly(2026, 1, 5))
        + "\nSee [the guide](guide.md).\n";

    private static SpecSnapshot Snapshot() => new(SpecParser.Parse(SourceText.From(Spec)), "file:///ws/specs/csv.md");

    [Fact]
    public void IndexEntry_SameRoots_BuiltOnce()
    {
        var snapshot = Snapshot();
        ImmutableArray<string> roots = ["/ws"];

        var first = snapshot.IndexEntry(roots);

        Assert.Same(first, snapshot.IndexEntry(roots));
        Assert.Equal("/ws/specs/csv.md", first.Path);
    }

    [Fact]
    public void IndexEntry_OtherRoots_BuiltAgainAgainstThem()
    {
        var snapshot = Snapshot();
        var inside = snapshot.IndexEntry(["/ws"]);

        var outside = snapshot.IndexEntry(["/elsewhere"]);

        Assert.NotSame(inside, outside);
        Assert.Equal(inside.Links.Length, outside.Links.Length);
        Assert.NotEqual(inside.Links.Single(l => l.Node.Destination == "guide.md").Target, outside.Links.Single(l => l.Node.Destination == "guide.md").Target);
    }

    [Fact]
    public void Match_SameEnvironment_BuiltOnceForTheChosenTemplate()
    {
        var snapshot = Snapshot();

        var match = snapshot.Match(TemplateEnvironment.Default);

        Assert.NotNull(match);
        Assert.Equal("lightweight", match.Template.Name);
        Assert.Same(match, snapshot.Match(TemplateEnvironment.Default));
        Assert.Same(snapshot.Choice(TemplateEnvironment.Default).Template, match.Template);
        Assert.Same(match.Template.Facts, snapshot.TemplateFacts(TemplateEnvironment.Default));
    }

    [Fact]
    public void LabeledLinesAndOutline_SameAsComputedFromTheModel()
    {
        var snapshot = Snapshot();

        Assert.Equal(LabeledLine.FindAll(snapshot.Document).ToArray(), snapshot.LabeledLines.ToArray());
        Assert.Equal(Core.Symbols.DocumentSymbols.Compute(snapshot.Document).Length, snapshot.Outline.Length);
        Assert.True(snapshot.Outline == snapshot.Outline, "the outline is kept, not computed again");
    }

    [Fact]
    public void Derived_AskedTwice_BuiltOncePerType()
    {
        var snapshot = Snapshot();
        int built = 0;

        var first = snapshot.Derived(s => new Answer(++built, s.Document.AllSections.Length));
        var second = snapshot.Derived(s => new Answer(++built, s.Document.AllSections.Length));

        Assert.Same(first, second);
        Assert.Equal(1, built);
    }

    private sealed record Answer(int Build, int Sections);
}
