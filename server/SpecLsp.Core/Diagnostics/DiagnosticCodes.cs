namespace SpecLsp.Core.Diagnostics;

/// <summary>
/// The diagnostic codes. They are a public contract: users configure and suppress them by these names, so a
/// name never changes once released.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The diagnostics' source field.</summary>
    public const string Source = "speclsp";

    /// <summary>Front matter that cannot be read (bad YAML, too large, too deep, too many aliases).</summary>
    public const string InvalidFrontMatter = "invalid-front-matter";

    /// <summary>A required template section is absent.</summary>
    public const string MissingSection = "missing-section";

    /// <summary>A section is present but out of template order.</summary>
    public const string SectionOrder = "section-order";

    /// <summary>The same non-repeatable section appears twice under one parent.</summary>
    public const string DuplicateSection = "duplicate-section";

    /// <summary>A heading with nothing under it but white space or template comments.</summary>
    public const string EmptySection = "empty-section";

    /// <summary>A template placeholder left unfilled.</summary>
    public const string UnfilledPlaceholder = "unfilled-placeholder";

    /// <summary>Text left exactly as the template wrote it.</summary>
    public const string TemplateText = "template-text";

    /// <summary>A template's HTML comment prompt in a section that has nothing else.</summary>
    public const string TemplatePrompt = "template-prompt";

    /// <summary>A metadata value outside the template's options, or an impossible date.</summary>
    public const string InvalidMetadata = "invalid-metadata";

    /// <summary>A relative link to a file that does not exist.</summary>
    public const string BrokenLink = "broken-link";

    /// <summary>A fragment that matches no heading or explicit anchor.</summary>
    public const string BrokenAnchor = "broken-anchor";

    /// <summary>A reference link whose label has no definition.</summary>
    public const string UndefinedReference = "undefined-reference";

    /// <summary>An ID mentioned but defined nowhere it can be.</summary>
    public const string UndefinedId = "undefined-id";

    /// <summary>An ID defined twice in its scope.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>The configuration file is invalid.</summary>
    public const string InvalidConfiguration = "invalid-configuration";

    /// <summary>The file could not be read (encoding, size).</summary>
    public const string UnreadableFile = "unreadable-file";

    /// <summary>The final diagnostic that says how many more were cut off.</summary>
    public const string TooManyDiagnostics = "too-many-diagnostics";
}
