using SpecLsp.Core.References;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.References;

public class ReferenceRobustnessTests
{
    public static TheoryData<string, string> Pathological => new()
    {
        { "reference chains", "# A\n\n" + string.Concat(Enumerable.Repeat("[a][b] ", 20_000)) + "\n\n[b]: #a\n" },
        { "brackets", string.Concat(Enumerable.Repeat("][", 50_000)) },
        { "unbalanced", "# A\n\n" + new string('[', 30_000) + new string(']', 30_000) + "(" + new string('#', 10_000) },
        { "NUL and IDs", "# A\n\n#### FR1: x\0\n" + string.Concat(Enumerable.Repeat("FR1 FR2 SPEC-2026-01-01-001 \0", 5_000)) },
        { "long fragment", "# A\n\n[x](#" + new string('a', 100_000) + ")\n" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void EveryProvider_OnPathologicalText_CompletesWithoutThrowing(string name, string text)
    {
        var ws = MarkedWorkspace.Create(("a.md", text.Replace("$$", "$ $", StringComparison.Ordinal).Replace("[|", "[ |", StringComparison.Ordinal).Replace("|]", "| ]", StringComparison.Ordinal)));
        var view = ws.View("a.md");

        var diagnostics = ws.Analyze("a.md");
        ReferenceCodeActions.Compute(view, diagnostics);
        ReferenceNavigation.FindDocumentLinks(view);
        foreach (var position in new[] { new Position(0, 0), new Position(2, 5), new Position(2, 5000), view.Document.Source.GetPosition(text.Length) })
        {
            ReferenceNavigation.FindDefinition(view, position);
            ReferenceNavigation.FindReferences(view, position, includeDeclaration: true);
            ReferenceHover.Compute(view, position);
            ReferenceCompletion.Compute(view, position, new DateOnly(2026, 1, 5));
            ReferenceRename.Prepare(view, position);
        }

        // Timing lives in the adversarial benchmark, not here: a shared CI machine makes wall-clock asserts flaky.
        Assert.All(diagnostics, d => Assert.True(d.Range.End <= view.Document.Source.FullRange.End, name));
    }
}
