using SpecLsp.Core.Templates;

namespace SpecLsp.Core.Tests.Templates;

public class NewSpecRendererTests
{
    private static readonly DateOnly s_today = new(2026, 11, 21);

    [Theory]
    [InlineData("detailed", "# Feature Specification: CSV Export", "**Created:** 2026-11-21", "**Last Updated:** 2026-11-21")]
    [InlineData("product", "# Feature Specification: CSV Export", "> **Created Date**: 2026-11-21", "> **Last Updated**: 2026-11-21")]
    [InlineData("proposal", "# Feature Specification: CSV Export", "- **Spec ID**: SPEC-2026-11-21-[NUMBER]", "- **Created**: 2026-11-21")]
    [InlineData("lightweight", "# Feature Specification: CSV Export", "Created: 2026-11-21", "Last Updated: 2026-11-21")]
    [InlineData("package", "# CSV Export", "**Created:** 2026-11-21", "**Implemented:** YYYY-MM-DD *(if implemented)*")]
    public void Render_BuiltInTemplate_FillsTitleAndCreationDates(string name, string title, string line1, string line2)
    {
        string text = NewSpecRenderer.Render(TemplateCatalog.BuiltIn.Find(name)!, "CSV Export", s_today);
        var lines = text.Split('\n');

        Assert.Equal(title, lines[0]);
        Assert.Contains(line1, lines);
        Assert.Contains(line2, lines);
    }

    [Fact]
    public void Render_WithoutTitle_KeepsPlaceholderAndEndsWithNewline()
    {
        string text = NewSpecRenderer.Render(TemplateCatalog.BuiltIn.Find("proposal")!, null, s_today);

        Assert.StartsWith("# Feature Specification: [FEATURE_NAME]\n", text, StringComparison.Ordinal);
        Assert.EndsWith("- [Link to design documents]\n", text, StringComparison.Ordinal);
        Assert.Contains("- **Start Date**: [Date]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateWithFrontMatter_LeavesItOut()
    {
        var template = TemplateSchemaBuilder.Build("t", "---\nrequired: [A]\n---\n# RFC: [Title]\n\n## A\nCreated: [Date]\n", TemplateOrigin.Workspace);

        Assert.Equal("# RFC: Fast Sync\n\n## A\nCreated: 2026-11-21\n", NewSpecRenderer.Render(template, "Fast Sync", s_today));
    }
}
