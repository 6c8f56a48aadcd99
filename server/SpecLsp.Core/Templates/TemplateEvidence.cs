using System.Collections.Immutable;

namespace SpecLsp.Core.Templates;

/// <summary>What kind of evidence ties a document to a template.</summary>
public enum TemplateEvidenceKind
{
    /// <summary>The front matter names the template.</summary>
    FrontMatter,

    /// <summary>The configuration's glob-to-template map names it.</summary>
    Configuration,

    /// <summary>The file's path follows the format's convention (<c>specs/001-x/spec.md</c>).</summary>
    Path,

    /// <summary>The document holds a text only this format has (<c>**Feature Branch**</c>).</summary>
    Marker,

    /// <summary>The H1 fits the template's title pattern (<c>Feature Specification: …</c>).</summary>
    Title,

    /// <summary>Top-level sections the template knows that are not generic headings.</summary>
    Sections,
}

/// <summary>One piece of evidence: its kind and what matched, for people (<c>path specs/???-*/spec.md</c>).</summary>
public sealed record TemplateEvidence(TemplateEvidenceKind Kind, string Detail)
{
    /// <summary>The JSON name of the kind: <c>front-matter</c>, <c>configuration</c>, <c>path</c>, <c>marker</c>, <c>title</c>, <c>sections</c>.</summary>
    public string KindName => Kind switch
    {
        TemplateEvidenceKind.FrontMatter => "front-matter",
        TemplateEvidenceKind.Configuration => "configuration",
        TemplateEvidenceKind.Path => "path",
        TemplateEvidenceKind.Marker => "marker",
        TemplateEvidenceKind.Title => "title",
        _ => "sections",
    };

    /// <inheritdoc />
    public override string ToString() => Detail;
}

/// <summary>
/// Section titles too common to tie a document to any template: any note may have an Overview, Requirements or
/// References. A best match needs more than these (see <see cref="TemplateEnvironment.BestMatch"/>).
/// </summary>
public static class GenericSections
{
    /// <summary>The normalised generic titles.</summary>
    public static readonly ImmutableHashSet<string> Titles = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "overview", "summary", "introduction", "background", "context", "motivation", "purpose", "description", "details",
        "problem", "problem statement", "goals", "non-goals", "scope", "requirements", "functional requirements",
        "non-functional requirements", "design", "implementation", "testing", "tests", "test plan", "references", "links",
        "resources", "acceptance criteria", "open questions", "questions", "notes", "dependencies", "risks", "status",
        "changelog", "change log", "history", "documentation", "security", "performance", "error handling", "examples",
        "usage", "installation", "configuration", "timeline", "alternatives", "glossary", "appendix", "tasks", "todo",
        "next steps", "conclusion", "setup", "proposal", "solution", "api", "faq", "license", "contributing");

    /// <summary>True when <paramref name="normalizedTitle"/> is a generic title.</summary>
    public static bool IsGeneric(string normalizedTitle) => Titles.Contains(normalizedTitle);
}
