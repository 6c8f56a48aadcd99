using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.CodeActions;

/// <summary>A text replacement in one document.</summary>
/// <param name="Range">The range replaced (empty to insert).</param>
/// <param name="NewText">The new text.</param>
public sealed record SpecTextEdit(TextRange Range, string NewText);

/// <summary>A code action over the current document; the server maps it to an LSP CodeAction with a WorkspaceEdit.</summary>
/// <param name="Title">What the editor shows.</param>
/// <param name="Kind">One of <see cref="SpecCodeActionKinds"/>.</param>
/// <param name="Edits">The edits, non-overlapping, to apply together.</param>
public sealed record SpecCodeAction(string Title, string Kind, ImmutableArray<SpecTextEdit> Edits)
{
    /// <summary>The diagnostics the action fixes.</summary>
    public ImmutableArray<SpecDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>True for the obvious fix of its diagnostic.</summary>
    public bool IsPreferred { get; init; }

    /// <summary>A command the client runs after the edits, or null.</summary>
    public SpecCommand? Command { get; init; }

    /// <summary>
    /// True when the fix is right without a person choosing (removing an empty template prompt); false when it
    /// needs a decision (which status, which date). <c>speclsp check --fix</c> applies only these.
    /// </summary>
    public bool IsSafeToAutoApply { get; init; }

    /// <summary>Edits across files (and files to create) instead of <see cref="Edits"/>, for fixes that reach other documents (a broken link's target).</summary>
    public References.WorkspaceChanges? Changes { get; init; }
}

/// <summary>The LSP code action kinds used here.</summary>
public static class SpecCodeActionKinds
{
    /// <summary>A quick fix for a diagnostic.</summary>
    public const string QuickFix = "quickfix";

    /// <summary>The source action that inserts every missing section.</summary>
    public const string InsertMissingSections = "source.speclsp.insertMissingSections";
}
