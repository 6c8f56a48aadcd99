using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Text;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Placeholders;

public class PlaceholderFixesTests
{
    private static IReadOnlyList<SpecCodeAction> Fixes(string text, string code, TemplateFacts? template = null)
    {
        var document = Context(text).Document;
        var diagnostic = Assert.Single(Analyze(text, template, code));
        return [.. PlaceholderFixes.For(diagnostic, document, Today)];
    }

    private static string Apply(string text, SpecCodeAction action)
    {
        var source = SourceText.From(text);
        foreach (var edit in action.Edits.OrderByDescending(e => e.Range.Start))
        {
            source = source.WithChange(edit.Range, edit.NewText);
        }

        return source.Text;
    }

    [Fact]
    public void DatePlaceholder_ReplaceWithToday_NotSafe()
    {
        var text = "# T\n\n**Created:** [YYYY-MM-DD]\n";
        var action = Assert.Single(Fixes(text, DiagnosticCodes.UnfilledPlaceholder));
        Assert.Equal("Replace with today's date", action.Title);
        Assert.False(action.IsSafeToAutoApply);
        Assert.Equal("# T\n\n**Created:** 2026-11-21\n", Apply(text, action));
    }

    [Fact]
    public void OptionList_OneActionPerOption_KeepsEmoji()
    {
        var text = "# T\n\n**Status:** 📋 Planned | 🚧 In Progress | ✅ Implemented\n";
        var actions = Fixes(text, DiagnosticCodes.UnfilledPlaceholder);
        Assert.Equal(["Set to '📋 Planned'", "Set to '🚧 In Progress'", "Set to '✅ Implemented'"], actions.Select(a => a.Title));
        Assert.Equal("# T\n\n**Status:** 🚧 In Progress\n", Apply(text, actions[1]));
        Assert.All(actions, a => Assert.False(a.IsSafeToAutoApply));
    }

    [Fact]
    public void OptionList_DoubleEncodedEmoji_RepairedInTheFix()
    {
        var text = "# T\n\n**Status:** ðŸ“‹ Planned | ðŸš§ In Progress | âœ… Implemented\n";
        var actions = Fixes(text, DiagnosticCodes.UnfilledPlaceholder);
        Assert.Equal(["Set to '📋 Planned'", "Set to '🚧 In Progress'", "Set to '✅ Implemented'"], actions.Select(a => a.Title));
    }

    [Theory]
    [InlineData("Café", "Café")]
    [InlineData("Ã©tÃ©", "été")]
    [InlineData("â”œâ”€â”€ a.py", "├── a.py")]
    [InlineData("Ã", "Ã")]
    public void Mojibake_RepairsOnlyDoubleEncodedText(string text, string expected)
    {
        Assert.Equal(expected, SpecLsp.Core.Metadata.Mojibake.Repair(text));
    }

    [Fact]
    public void BracketedOptionList_ReplacesBracketsToo()
    {
        var text = "# T\n\n**Priority:** [High | Medium | Low]\n";
        var actions = Fixes(text, DiagnosticCodes.UnfilledPlaceholder);
        Assert.Equal("# T\n\n**Priority:** Low\n", Apply(text, actions[2]));
    }

    [Fact]
    public void InvalidValue_OneActionPerTemplateOption()
    {
        var text = "# T\n\n**Status:** Shipped\n";
        var actions = Fixes(text, DiagnosticCodes.InvalidMetadata, Template("detailed"));
        Assert.Equal(["Set to 'Draft'", "Set to 'In Development'", "Set to 'Staging'", "Set to 'Production'"], actions.Select(a => a.Title));
        Assert.Equal("# T\n\n**Status:** Staging\n", Apply(text, actions[2]));
    }

    [Fact]
    public void TemplatePrompt_SectionsOnlyText_RemovableButNotUnasked()
    {
        // Removing it would leave Non-Goals empty (empty-section) and lose what to write there: not for check --fix.
        var text = "# Spec\n\n## Overview\n\n### Non-Goals\n<!-- What this feature explicitly does NOT aim to do -->\n\n## Requirements\n";
        var action = Assert.Single(Fixes(text, DiagnosticCodes.TemplatePrompt, Template("lightweight")));
        Assert.Equal("Remove prompt comment", action.Title);
        Assert.False(action.IsSafeToAutoApply);
        Assert.Equal("# Spec\n\n## Overview\n\n### Non-Goals\n\n## Requirements\n", Apply(text, action));
    }

    [Fact]
    public void TemplatePrompt_OfASectionWithSubsections_SafeAndRemovesWholeLine()
    {
        var text = "# Spec\n\n## Overview\n<!-- Brief description of what this feature does and why it's needed -->\n\n### Purpose\n<!-- Why -->\n\n## Requirements\n";
        var action = Fixes(text, DiagnosticCodes.TemplatePrompt, Template("lightweight")).First(a => a.Diagnostics[0].Range.Start.Line == 3);
        Assert.True(action.IsSafeToAutoApply);
        Assert.Equal("# Spec\n\n## Overview\n\n### Purpose\n<!-- Why -->\n\n## Requirements\n", Apply(text, action));
    }

    [Fact]
    public void EmptyListItem_RemoveLine_Safe()
    {
        var text = "# T\n\n1. First\n2.\n";
        var action = Assert.Single(Fixes(text, DiagnosticCodes.UnfilledPlaceholder));
        Assert.True(action.IsSafeToAutoApply);
        Assert.Equal("# T\n\n1. First\n", Apply(text, action));
    }

    [Fact]
    public void SafeEdits_AppliesOnlyFixesThatNeedNoPerson()
    {
        var text = "# Spec\n\n**Created:** [YYYY-MM-DD]\n\n## Overview\n\n### Non-Goals\n<!-- What this feature explicitly does NOT aim to do -->\n\n## Requirements\n1. First\n2.\n";
        var document = Context(text).Document;
        var diagnostics = Analyze(text, Template("lightweight"));

        var edits = PlaceholderFixes.SafeEdits(diagnostics, document, Today);

        var source = SourceText.From(text);
        foreach (var edit in edits.Reverse())
        {
            source = source.WithChange(edit.Range, edit.NewText);
        }

        // The empty list item goes; the date needs a person, and Non-Goals' only text (its prompt) stays.
        Assert.Equal("# Spec\n\n**Created:** [YYYY-MM-DD]\n\n## Overview\n\n### Non-Goals\n<!-- What this feature explicitly does NOT aim to do -->\n\n## Requirements\n1. First\n", source.Text);
    }

    [Fact]
    public void TemplateText_SelectCommandWithRange()
    {
        var text = "# Retry\n\n## Testing\n\n### Test Cases\n\n#### Test Case 2: Deadline\n- **Given:** Initial condition\n- **When:** it runs\n- **Then:** it stops\n";
        var action = Assert.Single(Fixes(text, DiagnosticCodes.TemplateText, Template("package")));
        Assert.Equal(PlaceholderFixes.SelectRangeCommand, action.Command?.Name);
        Assert.Equal(new TextRange(7, 13, 7, 30), action.Command!.Range);
        Assert.Empty(action.Edits);
    }

    [Fact]
    public void OptionalDateLine_OffersRemoval()
    {
        var text = "# T\n\n**Created:** 2026-01-01\n**Implemented:** YYYY-MM-DD *(if implemented)*\n**Version:** 1.0.0\n";
        var actions = Fixes(text, DiagnosticCodes.UnfilledPlaceholder);
        Assert.Equal(["Replace with today's date", "Remove optional line"], actions.Select(a => a.Title));
        Assert.Equal("# T\n\n**Created:** 2026-01-01\n**Version:** 1.0.0\n", Apply(text, actions[1]));
    }
}
