using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Hover;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Templates;

public class TemplateFeaturesRobustnessTests
{
    public static TheoryData<string> Inputs => new()
    {
        string.Empty,
        "\0\0#\0## \0\n### [\n",
        "# [[[[[[[[\n## ]]]]]]\n### FR99999999999: x\n#### FR0:\n",
        "##\n##\n##\n###\n#\n",
        "# T\n\n## Overview\n```\n## Not a heading\n",
        "---\ntemplate: detailed\n---\n# A\n## Overview\n## Overview\n### Feature Description\n",
        "# A\r\n\r## Requirements\r\n### Functional Requirements\r#### FR1: a\r\n#### FR2\n",
        "# " + new string('[', 5000) + "\n## " + new string('x', 100_000) + "\n",
        string.Concat(Enumerable.Range(0, 300).Select(i => $"## Phase {i}: x\n### Risk {i}\n")),
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void AllFeatures_ArbitraryText_NeverThrowAtAnyLine(string text)
    {
        var document = SpecParser.Parse(SourceText.From(text));
        foreach (var template in TemplateCatalog.BuiltIn.Templates)
        {
            var match = TemplateMatch.Create(document, template);
            _ = SectionDiagnostics.Compute(match);
            _ = TemplateEnvironment.Default.Choose(document, "file:///ws/x.md");
            for (int line = 0; line <= Math.Min(document.Source.LineCount, 200); line++)
            {
                var caret = new Position(line, line % 3 == 0 ? 0 : 9999);
                _ = SectionCompletion.Complete(match, caret);
                _ = SectionHover.Compute(match, caret);
                _ = SectionCodeActions.Compute(match, new TextRange(caret, caret));
            }
        }
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void CodeActions_InsertAllOnEmptiedSpec_RestoresEveryRequiredSection(string name)
    {
        var template = TemplateCatalog.BuiltIn.Find(name)!;
        // A format without a title heading (rfc) puts its first line where the title would be.
        var title = SpecParser.Parse(SourceText.From(template.Body)).Title?.HeadingRange ?? new TextRange(0, 0, 0, 1);
        string text = template.Body[..template.Body.IndexOf('\n', StringComparison.Ordinal)] + "\n";
        var match = TemplateMatch.Create(SpecParser.Parse(SourceText.From(text)), template);

        var insertAll = SectionCodeActions.Compute(match, title).SingleOrDefault(a => a.Kind == SpecCodeActionKinds.InsertMissingSections);
        if (!template.Sections.Any(s => s.IsRequired))
        {
            // A format with nothing required (a spec-kit checklist) has nothing to restore.
            Assert.Null(insertAll);
            return;
        }

        Assert.NotNull(insertAll);
        var fixedText = Tests.Sections.SectionCodeActionsTests.Apply(text, insertAll.Edits);

        Assert.Empty(SectionDiagnostics.Compute(TemplateMatch.Create(SpecParser.Parse(SourceText.From(fixedText)), template)).Where(d => d.Code != "empty-section"));
    }

    public static TheoryData<string> BuiltInNames => [.. TemplateCatalog.BuiltInNames];
}
