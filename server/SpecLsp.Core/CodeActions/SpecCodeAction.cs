using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.CodeActions;

/// <summary>The LSP code action kinds the features use; the server passes them through unchanged.</summary>
public static class SpecCodeActionKinds
{
    /// <summary>A fix for a diagnostic.</summary>
    public const string QuickFix = "quickfix";

    /// <summary>An action over the whole document.</summary>
    public const string Source = "source";
}

/// <summary>One replacement in the document the action is for.</summary>
/// <param name="Range">The text replaced (empty to insert).</param>
/// <param name="NewText">The new text (empty to delete).</param>
public sealed record SpecTextEdit(TextRange Range, string NewText);

/// <summary>A command the client runs (for what an edit cannot express, such as selecting text).</summary>
/// <param name="Title">Shown to the user.</param>
/// <param name="Name">The command identifier, such as <c>speclsp.selectRange</c>.</param>
/// <param name="Arguments">Its arguments as strings (the server turns them into JSON).</param>
public sealed record SpecCommand(string Title, string Name, ImmutableArray<string> Arguments);

/// <summary>A code action offered on a document: edits to its text, a command, or both.</summary>
/// <param name="Title">Shown to the user, such as <c>Replace with today's date</c>.</param>
/// <param name="Kind">One of <see cref="SpecCodeActionKinds"/>.</param>
public sealed record SpecCodeAction(string Title, string Kind)
{
    /// <summary>The edits to the document, applied together.</summary>
    public ImmutableArray<SpecTextEdit> Edits { get; init; } = [];

    /// <summary>A command run after the edits, or null.</summary>
    public SpecCommand? Command { get; init; }

    /// <summary>The diagnostic the action fixes, or null.</summary>
    public SpecDiagnostic? Diagnostic { get; init; }

    /// <summary>True for the action an editor may apply with its "fix" shortcut.</summary>
    public bool IsPreferred { get; init; }

    /// <summary>
    /// True when the fix is right without a person choosing (removing an empty template prompt); false when it
    /// needs a decision (which status, which date). <c>speclsp check --fix</c> applies only safe fixes.
    /// </summary>
    public bool IsSafeToAutoApply { get; init; }
}
