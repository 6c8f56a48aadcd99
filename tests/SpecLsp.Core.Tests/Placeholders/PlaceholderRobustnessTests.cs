using SpecLsp.Core.Checklists;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Text;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Placeholders;

public class PlaceholderRobustnessTests
{
    private static readonly string[] s_fragments =
    [
        "# ", "## ", "**Status:** ", "- **", "**:", ":** ", "[", "]", "[X]", "[Feature Name]", "|", " | ", "\n", "\r\n", "\r", "```", "`",
        "<!-- ", " -->", "- [ ] ", "1.", "2. ", "> ", "YYYY-MM-DD", "TODO", "TBD", "X.Y.Z", "2026-02-30", "SPEC-2026-01-01-001",
        "📋 Planned", "ðŸ“‹", "\0", "\t", "    ", "Low/Medium/High", "*(if implemented)*", "---", "[a](b)", "[^1]", "text ", "\\[",
    ];

    [Fact]
    public void Analyze_RandomMarkdownFragments_NeverThrowsAndFixesApply()
    {
        var random = new Random(4711);
        var template = Template("detailed");
        for (int round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => s_fragments[random.Next(s_fragments.Length)]));
            var context = Context(text);
            var diagnostics = Analyze(text, round % 2 == 0 ? template : null);
            foreach (var diagnostic in diagnostics)
            {
                foreach (var action in PlaceholderFixes.For(diagnostic, context.Document, Today))
                {
                    var source = context.Document.Source;
                    foreach (var edit in action.Edits.OrderByDescending(e => e.Range.Start))
                    {
                        source = source.WithChange(edit.Range, edit.NewText);
                    }
                }
            }

            _ = ChecklistProgress.Compute(context.Document);
            var source2 = SourceText.From(text);
            for (int i = 0; i < 5; i++)
            {
                var caret = source2.GetPosition(random.Next(text.Length + 1));
                _ = MetadataCompletion.Complete(context.Document, caret, template.Metadata, Today);
                _ = MetadataCompletion.Complete(context.Document, new Position(caret.Line, caret.Character + 50), template.Metadata, Today);
            }
        }
    }
}
