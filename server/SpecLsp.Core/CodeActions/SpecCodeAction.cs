using System.Collections.Immutable;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.CodeActions;

/// <summary>A text replacement in one document.</summary>
/// <param name="Range">The range replaced (empty to insert).</param>
/// <param name="NewText">The new text.</param>
public sealed record SpecTextEdit(TextRange Range, string NewText);

/// <summary>A command the client runs, for what an edit cannot express (such as selecting text).</summary>
/// <param name="Title">Shown to the user.</param>
/// <param name="Name">The command identifier, such as <c>speclsp.selectRange</c>.</param>
/// <param name="Arguments">Its arguments as strings; the server turns them into JSON.</param>
public sealed record SpecCommand(string Title, string Name, ImmutableArray<string> Arguments)
{
    /// <summary>A range of the document the command is about; the server passes the document URI and this range (in the negotiated encoding) before <see cref="Arguments"/>.</summary>
    public TextRange? Range { get; init; }
}

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
}

/// <summary>The LSP code action kinds used here.</summary>
public static class SpecCodeActionKinds
{
    /// <summary>A quick fix for a diagnostic.</summary>
    public const string QuickFix = "quickfix";
}
