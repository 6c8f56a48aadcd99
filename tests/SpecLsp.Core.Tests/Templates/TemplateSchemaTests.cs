using System.Text;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;

namespace SpecLsp.Core.Tests.Templates;

public class TemplateSchemaTests
{
    public static TheoryData<string> BuiltInNames => [.. TemplateCatalog.BuiltInNames];

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Build_BuiltInTemplate_MatchesExpectedSchemaDump(string name)
    {
        var template = TemplateCatalog.BuiltIn.Find(name)!;

        Fixtures.AssertMatchesExpected($"TemplateSchemas/{name}.schema.txt", Dump(template));
    }

    [Theory]
    [InlineData("order: free\n", false)]
    [InlineData("order: template\n", true)]
    [InlineData("", true)]
    public void Build_FrontMatterOrder_FreeTemplatesReportNoSectionOrder(string order, bool ordered)
    {
        var template = TemplateSchemaBuilder.Build("team", "---\n" + order + "description: x\n---\n# Spec: [Name]\n\n## Context\n\n## Decision\n", TemplateOrigin.Workspace);
        var spec = Core.Parsing.SpecParser.Parse(Core.Text.SourceText.From("# Spec: Cache\n\n## Decision\nUse Redis.\n\n## Context\nSlow pages.\n"));

        var diagnostics = Core.Sections.SectionDiagnostics.Compute(TemplateMatch.Create(spec, template));

        Assert.Equal(ordered, template.IsOrdered);
        Assert.Equal(ordered, diagnostics.Any(d => d.Code == "section-order"));
        Assert.Empty(template.Problems);
    }

    [Fact]
    public void Build_FrontMatterLists_OverrideRequiredAndOptional()
    {
        const string text = """
            ---
            description: Team template
            required:
              - Requirements/Functional Requirements
              - UI/UX Mockups
            optional: [Notes]
            ---
            # Spec: [Name]

            ## Requirements

            ### Functional Requirements

            ## Notes

            ## UI/UX Mockups
            """;

        var template = TemplateSchemaBuilder.Build("team", text, TemplateOrigin.Workspace);

        Assert.Equal(
            """
            template team: "Spec: [Name]" (pattern)
            H2 Requirements [required]
              H3 Functional Requirements [required] (empty)
            H2 Notes [optional] (empty)
            H2 UI/UX Mockups [required] (empty)

            """,
            Dump(template));
        Assert.Equal("Team template", template.Description);
        Assert.Empty(template.Problems);
    }

    [Fact]
    public void Build_FrontMatterUnknownPath_IsReportedAsProblem()
    {
        const string text = "---\nrequired: [Nowhere/Else]\n---\n# T\n\n## A\n";

        var template = TemplateSchemaBuilder.Build("t", text, TemplateOrigin.Workspace);

        Assert.Equal<string>(["Front matter: no section 'Nowhere/Else' in this template."], template.Problems);
        Assert.True(template.Sections.Single().IsRequired);
    }

    [Fact]
    public void Build_ItalicConditionBody_MakesTopLevelSectionOptional()
    {
        var template = TemplateCatalog.BuiltIn.Find("package")!;

        Assert.False(template.FindByPath("Migration")!.IsRequired);
        Assert.True(template.FindByPath("Rollout Plan")!.IsRequired);
    }

    [Fact]
    public void Build_OptionalAndMandatoryMarkersInHeadings_DecideRequiredAndAreNotPartOfTheTitle()
    {
        const string text = """
            # Plan: [Name]

            ## Context (Optional)

            ## Rejected Ideas *(optional)*

            ## Extra Hardware _(OPTIONAL)_

            ## Stored Records *(include if the change keeps data)*

            ## Outcomes *(mandatory)*

            ### Measures *(mandatory)*

            ### Example 1 (Optional)

            ## Rollout (Priority: P1)
            """;

        var template = TemplateSchemaBuilder.Build("plan", text, TemplateOrigin.Workspace);

        Assert.Equal(
            """
            template plan: "Plan: [Name]" (pattern)
            H2 Context [optional] (empty)
            H2 Rejected Ideas [optional] (empty)
            H2 Extra Hardware [optional] (empty)
            H2 Stored Records [optional] (empty)
            H2 Outcomes [required]
              H3 Measures [required] (empty)
              H3 Example# group "Example 1 (Optional)" [optional] (empty)
            H2 Rollout (Priority: P1) [required] (empty)

            """,
            Dump(template));
        Assert.Equal("context", template.FindByPath("Context")!.Key);
        Assert.Same(template.FindByPath("Rejected Ideas"), template.FindByPath("Rejected Ideas (Optional)"));
    }

    [Fact]
    public void Build_NumberedSiblings_FormOneRepeatableGroupWithFirstMemberBody()
    {
        var template = TemplateCatalog.BuiltIn.Find("detailed")!;
        var functional = template.FindByPath("Requirements/Functional Requirements")!;

        var group = Assert.Single(functional.Children);
        Assert.True(group.IsRepeatable);
        Assert.Equal("FR1: [Requirement Name]", group.Title);
        Assert.Contains("- [ ] [Criterion 3]", group.Body, StringComparison.Ordinal);
        Assert.Equal("#### FR3: [Requirement Name]", group.Render(4, 3).Split('\n')[0]);
    }

    [Fact]
    public void BuiltIn_PackageTemplate_HasItsDoubleEncodedCharactersRepaired()
    {
        string text = TemplateCatalog.ReadBuiltIn("package");

        Assert.Contains("**Status:** 📋 Planned | 🚧 In Progress | ✅ Implemented", text, StringComparison.Ordinal);
        Assert.Contains("├── __init__.py", text, StringComparison.Ordinal);
        Assert.Contains("└── tests/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ð", text, StringComparison.Ordinal);
        Assert.DoesNotContain("â", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WorkspaceTemplateWithBuiltInName_OverridesBuiltIn()
    {
        var catalog = TemplateCatalog.Create([("Detailed", "# Mine\n\n## Only\n", "/ws/.spec/templates/Detailed.md"), ("team", "# Team\n\n## A\n", null)]);

        var overridden = catalog.Find("detailed")!;
        Assert.Equal(TemplateOrigin.Workspace, overridden.Origin);
        Assert.Equal<string>(["Only"], overridden.Sections.Select(s => s.Title));
        Assert.Equal<string>(["detailed", "product", "proposal", "lightweight", "package", "speckit-spec", "speckit-plan", "speckit-tasks", "speckit-checklist", "kep", "rfc", "adr", "adr-tyree", "madr", "openspec-proposal", "openspec-tasks", "openspec-delta", "openspec-spec", "team"], catalog.Names);
    }

    [Fact]
    public void LoadFolder_ReadsMarkdownFilesOnly()
    {
        string folder = Directory.CreateTempSubdirectory("speclsp-templates").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "decision.md"), "# Decision: [Title]\n\n## Motivation\n");
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "# not a template\n");

            var catalog = TemplateCatalog.LoadFolder(folder);

            Assert.Equal<string>(["detailed", "product", "proposal", "lightweight", "package", "speckit-spec", "speckit-plan", "speckit-tasks", "speckit-checklist", "kep", "rfc", "adr", "adr-tyree", "madr", "openspec-proposal", "openspec-tasks", "openspec-delta", "openspec-spec", "decision"], catalog.Names);
            Assert.Equal(Path.Combine(folder, "decision.md"), catalog.Find("Decision")!.FilePath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string Dump(SpecTemplate template)
    {
        var builder = new StringBuilder();
        builder.Append("template ").Append(template.Name).Append(": \"").Append(template.Root.Title).Append('"');
        if (template.Root.Pattern is not null)
        {
            builder.Append(" (pattern)");
        }

        builder.Append('\n');
        foreach (var section in template.AllSections())
        {
            int depth = Depth(section);
            builder.Append(' ', 2 * depth).Append('H').Append(section.Level).Append(' ');
            if (section.Group is { } group)
            {
                builder.Append(group.Prefix.Trim()).Append("# group \"").Append(section.Title).Append('"');
            }
            else
            {
                builder.Append(section.DisplayTitle);
                if (section.Pattern is not null)
                {
                    builder.Append(" (pattern)");
                }
            }

            builder.Append(section.IsRequired ? " [required]" : " [optional]");
            if (section.IsRepeatable && section.Group is null)
            {
                builder.Append(" (repeatable)");
            }

            if (section.Body.Length == 0 && section.Children.IsEmpty)
            {
                builder.Append(" (empty)");
            }

            builder.Append('\n');
        }

        return builder.ToString();

        static int Depth(TemplateSection section)
        {
            int depth = 0;
            for (var p = section.Parent; p?.Parent is not null; p = p.Parent)
            {
                depth++;
            }

            return depth;
        }
    }
}
