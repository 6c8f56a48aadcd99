using System.Collections.Immutable;

namespace SpecLsp.Core.Diagnostics;

/// <summary>What a diagnostic code means: its title and help, for SARIF rules, documentation and hovers.</summary>
/// <param name="Code">The public code.</param>
/// <param name="Title">A short description.</param>
/// <param name="Help">What the diagnostic reports and how to fix it.</param>
/// <param name="DefaultSeverity">The severity before configuration or document status changes it.</param>
public sealed record DiagnosticDescriptor(string Code, string Title, string Help, DiagnosticSeverity DefaultSeverity);

/// <summary>Every diagnostic code SpecLsp reports, with its description.</summary>
public static class DiagnosticCatalog
{
    /// <summary>All descriptors, in the order the documentation lists them.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        new(DiagnosticCodes.InvalidFrontMatter, "Invalid front matter",
            "The YAML front matter could not be read: it is malformed, larger than 64 KB, nested deeper than 32 levels or expands more than 100 aliases. Fix the YAML; the rest of the document is still checked.",
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.MissingSection, "Missing section",
            "A section the spec's template requires is absent. Add it (the quick fix inserts it at its template position with the template's body) or mark it optional in the template's front matter.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.SectionOrder, "Section out of template order",
            "A section appears before a section the template puts ahead of it. Move it into template order (a quick fix does).",
            DiagnosticSeverity.Information),
        new(DiagnosticCodes.DuplicateSection, "Duplicate section",
            "The same non-repeatable section appears twice under one parent. Merge the two.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.EmptySection, "Empty section",
            "A heading has nothing under it but white space or template comments. Write the section or remove it.",
            DiagnosticSeverity.Information),
        new(DiagnosticCodes.UnfilledPlaceholder, "Unfilled placeholder",
            "A template placeholder such as [Feature Name], YYYY-MM-DD or TBD was left in the spec. Replace it with real content. The severity follows the spec's status: hint while Draft, warning in review, error once approved or implemented.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.TemplateText, "Template text left unchanged",
            "Text or a code block is exactly what the template wrote at this place. Replace it with the spec's own content.",
            DiagnosticSeverity.Hint),
        new(DiagnosticCodes.TemplatePrompt, "Template prompt left in an empty section",
            "A template's HTML comment prompt is the only thing in its section. Answer the prompt and remove the comment.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.InvalidMetadata, "Invalid metadata",
            "A metadata value is not one of the template's options, or a date is not a real ISO date or is out of order (Last Updated before Created).",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.BrokenLink, "Broken link",
            "A relative link points to a file that does not exist in the workspace.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.BrokenAnchor, "Broken anchor",
            "A #fragment matches no heading (by GitHub's anchor rules) and no explicit anchor in the target document.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.UndefinedReference, "Undefined link reference",
            "A reference link [text][label] has no matching [label]: definition.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.UndefinedId, "Undefined ID",
            "An ID such as FR5 or SPEC-2026-07-30-001 is mentioned but defined nowhere it can be: FR-style IDs in the same spec, SPEC- IDs anywhere in the workspace.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.DuplicateId, "Duplicate ID",
            "An ID is defined twice in one spec, or a SPEC- ID in two specs.",
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.InvalidConfiguration, "Invalid configuration",
            "The .speclsp.yaml file could not be read or holds an unknown key or value; defaults are used for what is wrong.",
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnreadableFile, "Unreadable file",
            "The file could not be read as text (invalid UTF-8, NUL bytes or over the size limit).",
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.TooManyDiagnostics, "Too many diagnostics",
            "The document has more diagnostics than the configured maximum; the rest are not shown.",
            DiagnosticSeverity.Information),
    ];

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ByCode =
        All.ToImmutableDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="code"/>, or null for an unknown code.</summary>
    public static DiagnosticDescriptor? Find(string code) => ByCode.GetValueOrDefault(code);
}
