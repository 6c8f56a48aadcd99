using System.Collections.Immutable;

namespace SpecLsp.Core.Templates;

/// <summary>
/// The templates available to a workspace: the built-in ones and the Markdown files of the workspace's
/// templates folder, where a file named like a built-in template replaces it. Immutable; schemas are derived
/// on first use.
/// </summary>
public sealed class TemplateCatalog
{
    /// <summary>The names of the built-in templates, in the order they are listed.</summary>
    public static readonly ImmutableArray<string> BuiltInNames =
        ["detailed", "product", "proposal", "lightweight", "package", "speckit-spec", "speckit-plan", "speckit-tasks", "speckit-checklist", "kep", "rfc", "adr", "adr-tyree", "madr", "openspec-proposal", "openspec-tasks", "openspec-delta", "openspec-spec"];

    /// <summary>One line about each built-in template, for pickers and listings.</summary>
    public static readonly ImmutableDictionary<string, string> BuiltInDescriptions = new Dictionary<string, string>
    {
        ["detailed"] = "Full feature spec: bold metadata, FR1/FR2 requirements, design, phased plan, staged acceptance, rollout, risks, rollback",
        ["product"] = "Numbered product spec: personas, user stories (US-1), design with API endpoints and events, tasks, KPIs",
        ["proposal"] = "Problem and proposed solution with a Metadata list and Spec ID, phased plan, success criteria, risks",
        ["lightweight"] = "Short spec with HTML comment prompts: overview, requirements, design, plan, testing, rollout",
        ["package"] = "Package or application feature with emoji status, design, implementation, test cases, optional migration",
        ["speckit-spec"] = "GitHub spec-kit feature spec (specs/NNN-feature/spec.md): prioritised user stories, FR-### requirements, SC-### success criteria",
        ["speckit-plan"] = "GitHub spec-kit implementation plan (specs/NNN-feature/plan.md): technical context, constitution check, project structure",
        ["speckit-tasks"] = "GitHub spec-kit task list (specs/NNN-feature/tasks.md): phases of T### tasks with [P] and [US1] markers",
        ["speckit-checklist"] = "GitHub spec-kit checklist (specs/NNN-feature/checklists/*.md): CHK### items that test the requirements' quality",
        ["kep"] = "Kubernetes Enhancement Proposal (keps/sig-*/NNNN-name/README.md): summary, motivation, proposal, design details, production readiness",
        ["rfc"] = "Rust-style RFC (text/NNNN-name.md): metadata list, summary, motivation, guide- and reference-level explanation, drawbacks, alternatives, prior art",
        ["adr"] = "Architecture decision record, Nygard's form (doc/adr/NNNN-title.md): status, context, decision, consequences",
        ["adr-tyree"] = "Architecture decision record, Tyree and Akerman's form: summary (issue, decision, status), details (assumptions, positions, argument, implications), related",
        ["madr"] = "Markdown Architectural Decision Record: context and problem, drivers, considered options, outcome, pros and cons",
        ["openspec-proposal"] = "OpenSpec change proposal (openspec/changes/<id>/proposal.md): why, what changes, capabilities, impact",
        ["openspec-tasks"] = "OpenSpec change tasks (openspec/changes/<id>/tasks.md): numbered groups of checkbox tasks (- [ ] 1.1 …)",
        ["openspec-delta"] = "OpenSpec spec delta (openspec/changes/<id>/specs/<capability>/spec.md): ADDED/MODIFIED/REMOVED/RENAMED requirements with scenarios",
        ["openspec-spec"] = "OpenSpec capability spec (openspec/specs/<capability>/spec.md): purpose, requirements with scenarios",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly Lazy<TemplateCatalog> s_builtIn = new(() => Create([]));

    private readonly ImmutableArray<Lazy<SpecTemplate>> _templates;
    private readonly ImmutableDictionary<string, Lazy<SpecTemplate>> _byName;

    private TemplateCatalog(ImmutableArray<(string Name, Lazy<SpecTemplate> Template)> templates, string fingerprint)
    {
        Fingerprint = fingerprint;
        _templates = [.. templates.Select(t => t.Template)];
        _byName = templates.ToImmutableDictionary(t => t.Name, t => t.Template, StringComparer.OrdinalIgnoreCase);
        Names = [.. templates.Select(t => t.Name)];
    }

    /// <summary>The catalog of the built-in templates only.</summary>
    public static TemplateCatalog BuiltIn => s_builtIn.Value;

    /// <summary>Equal for catalogs made from the same templates (names, files and texts): tells a reload that changed nothing.</summary>
    public string Fingerprint { get; }

    /// <summary>The template names, built-in ones first, then workspace ones by name.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Every template, in <see cref="Names"/> order.</summary>
    public IEnumerable<SpecTemplate> Templates => _templates.Select(t => t.Value);

    /// <summary>
    /// A catalog of the built-in templates and <paramref name="workspaceTemplates"/> (name, text, file path);
    /// a workspace template named like a built-in one replaces it.
    /// </summary>
    public static TemplateCatalog Create(IEnumerable<(string Name, string Text, string? FilePath)> workspaceTemplates)
    {
        var entries = new List<(string Name, Lazy<SpecTemplate> Template)>();
        var fingerprint = new System.Text.StringBuilder();
        var user = workspaceTemplates.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in BuiltInNames)
        {
            if (user.Remove(name, out var replacement))
            {
                fingerprint.Append(name).Append('|').Append(replacement.FilePath).Append('|').Append(replacement.Text).Append('\0');
                entries.Add((name, new Lazy<SpecTemplate>(() => TemplateSchemaBuilder.Build(name, replacement.Text, TemplateOrigin.Workspace, replacement.FilePath))));
            }
            else
            {
                entries.Add((name, new Lazy<SpecTemplate>(() => TemplateSchemaBuilder.Build(name, ReadBuiltIn(name), TemplateOrigin.BuiltIn, defaultDescription: BuiltInDescriptions[name]))));
            }
        }

        foreach (var (name, (_, text, path)) in user.OrderBy(u => u.Key, StringComparer.OrdinalIgnoreCase))
        {
            fingerprint.Append(name).Append('|').Append(path).Append('|').Append(text).Append('\0');
            entries.Add((name, new Lazy<SpecTemplate>(() => TemplateSchemaBuilder.Build(name, text, TemplateOrigin.Workspace, path))));
        }

        return new TemplateCatalog([.. entries], fingerprint.ToString());
    }

    /// <summary>
    /// A catalog of the built-in templates and every <c>*.md</c> file directly in <paramref name="folder"/> (the
    /// file name without extension is the template name). A missing folder or an unreadable file is skipped.
    /// </summary>
    public static TemplateCatalog LoadFolder(string? folder)
    {
        var found = new List<(string, string, string?)>();
        if (folder is not null && Directory.Exists(folder))
        {
            try
            {
                foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
                {
                    try
                    {
                        var info = new FileInfo(path);
                        if (info.Length <= 1024 * 1024)
                        {
                            found.Add((Path.GetFileNameWithoutExtension(path), File.ReadAllText(path), path));
                        }
                    }
                    catch (IOException)
                    {
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Create(found);
    }

    /// <summary>The template named <paramref name="name"/> (case-insensitive), or null.</summary>
    public SpecTemplate? Find(string name) => _byName.TryGetValue(name.Trim(), out var template) ? template.Value : null;

    /// <summary>The text of the built-in template <paramref name="name"/>.</summary>
    public static string ReadBuiltIn(string name)
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream($"SpecLsp.Templates.{name}.md")
            ?? throw new ArgumentException($"No built-in template '{name}'.", nameof(name));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
