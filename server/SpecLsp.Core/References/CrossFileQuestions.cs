using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.References;

/// <summary>
/// A link to another file of the workspace: whether the file exists (or a page built from a Markdown source, or a
/// site-root route), and whether it has the fragment, are decided from the complete workspace and the disk when
/// answered, never when the document is analysed, so a kept analysis sees a linked file appear or go.
/// </summary>
/// <param name="DocumentPath">The linking document's path.</param>
/// <param name="Destination">The destination as written, or null (a reference link's comes from its definition).</param>
/// <param name="TargetPath">The resolved path of the target.</param>
/// <param name="IsRootRelative">True for a site-root link (<c>/guides/x.md</c>).</param>
/// <param name="Fragment">The fragment to look for in the target, or null when none needs checking.</param>
/// <param name="Range">The destination's range (a <c>broken-link</c> is reported there).</param>
/// <param name="FragmentRange">The fragment's range (a <c>broken-anchor</c> is reported there).</param>
/// <param name="SiteRoot">The <c>siteRoot</c> setting in force, or null.</param>
public sealed class LinkTargetQuestion(
    string DocumentPath, string? Destination, string TargetPath, bool IsRootRelative, string? Fragment, TextRange Range, TextRange FragmentRange, string? SiteRoot)
    : CrossFileQuestion
{
    /// <summary>The linking document's path.</summary>
    public string DocumentPath { get; } = DocumentPath;

    /// <summary>The destination as written, or null.</summary>
    public string? Destination { get; } = Destination;

    /// <summary>The resolved path of the target.</summary>
    public string TargetPath { get; } = TargetPath;

    /// <summary>True for a site-root link.</summary>
    public bool IsRootRelative { get; } = IsRootRelative;

    /// <summary>The fragment to look for, or null.</summary>
    public string? Fragment { get; } = Fragment;

    /// <summary>The destination's range.</summary>
    public TextRange Range { get; } = Range;

    /// <summary>The fragment's range.</summary>
    public TextRange FragmentRange { get; } = FragmentRange;

    /// <summary>The <c>siteRoot</c> setting, or null.</summary>
    public string? SiteRoot { get; } = SiteRoot;

    internal override SpecDiagnostic? Answer(QuestionAnswers answers) => LinkAnalyzer.AnswerLink(this, answers);
}

/// <summary>What an <see cref="IdQuestion"/> asks.</summary>
public enum IdQuestionKind
{
    /// <summary>Does any other spec define this SPEC- ID? (<c>undefined-id</c> when none does.)</summary>
    WorkspaceIdDefined,

    /// <summary>Does the document's feature folder define this local ID? (<c>undefined-id</c> when not.)</summary>
    FolderIdDefined,

    /// <summary>Does another spec define this SPEC- ID too? (<c>duplicate-id</c> when one does.)</summary>
    WorkspaceIdDuplicate,
}

/// <summary>An ID that other documents may define.</summary>
/// <param name="Kind">What is asked.</param>
/// <param name="DocumentPath">The asking document's path, or null for a buffer with no file.</param>
/// <param name="Id">The ID.</param>
/// <param name="Range">The mention's or definition's range.</param>
public sealed class IdQuestion(IdQuestionKind Kind, string? DocumentPath, string Id, TextRange Range) : CrossFileQuestion
{
    /// <summary>What is asked.</summary>
    public IdQuestionKind Kind { get; } = Kind;

    /// <summary>The asking document's path, or null.</summary>
    public string? DocumentPath { get; } = DocumentPath;

    /// <summary>The ID.</summary>
    public string Id { get; } = Id;

    /// <summary>The mention's or definition's range.</summary>
    public TextRange Range { get; } = Range;

    internal override SpecDiagnostic? Answer(QuestionAnswers answers) => IdAnalyzer.AnswerId(this, answers);
}
