using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.References;

/// <summary>A range in a file.</summary>
/// <param name="Path">The normalised file path.</param>
/// <param name="Range">The range in it.</param>
public sealed record SourceLocation(string Path, TextRange Range);

/// <summary>A replacement of <paramref name="Range"/> by <paramref name="NewText"/>.</summary>
/// <param name="Range">The text replaced.</param>
/// <param name="NewText">The new text.</param>
public sealed record TextReplacement(TextRange Range, string NewText);

/// <summary>The replacements in one file.</summary>
/// <param name="Path">The file.</param>
/// <param name="Edits">Non-overlapping replacements, in document order.</param>
public sealed record FileEdits(string Path, ImmutableArray<TextReplacement> Edits);

/// <summary>A file to create, failing if it exists, with its first text.</summary>
/// <param name="Path">The new file.</param>
/// <param name="Text">Its content.</param>
public sealed record FileCreation(string Path, string Text);

/// <summary>Changes across the workspace, as a rename or a code action makes them.</summary>
/// <param name="Creations">Files to create first.</param>
/// <param name="Edits">Edits to existing files.</param>
public sealed record WorkspaceChanges(ImmutableArray<FileCreation> Creations, ImmutableArray<FileEdits> Edits)
{
    /// <summary>Groups <paramref name="edits"/> by file, drops duplicates and orders them.</summary>
    public static WorkspaceChanges FromEdits(IEnumerable<(string Path, TextReplacement Edit)> edits) =>
        new([], [.. edits
            .GroupBy(e => e.Path, Workspace.WorkspacePaths.Comparer)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FileEdits(g.Key, [.. g.Select(e => e.Edit).Distinct().OrderBy(e => e.Range.Start)]))]);
}

/// <summary>The answer to prepareRename: what would be renamed.</summary>
/// <param name="Range">The text under the caret that names it.</param>
/// <param name="Placeholder">The current name, offered for editing.</param>
public sealed record RenameTarget(TextRange Range, string Placeholder);

/// <summary>The result of a rename: changes, or why it cannot be done.</summary>
/// <param name="Changes">The edits, or null.</param>
/// <param name="Error">A message for the user, or null.</param>
public sealed record RenameResult(WorkspaceChanges? Changes, string? Error);

/// <summary>Hover content.</summary>
/// <param name="Markdown">The text, Markdown.</param>
/// <param name="Range">The hovered text.</param>
public sealed record HoverContent(string Markdown, TextRange Range);

/// <summary>What a completion stands for.</summary>
public enum CompletionEntryKind
{
    /// <summary>A file path.</summary>
    File,

    /// <summary>A heading anchor.</summary>
    Anchor,

    /// <summary>A link reference label.</summary>
    ReferenceLabel,

    /// <summary>A defined ID.</summary>
    Id,

    /// <summary>The next free ID of a series.</summary>
    NewId,
}

/// <summary>One completion.</summary>
/// <param name="Label">What the list shows and what is inserted.</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="Detail">Secondary text (an ID's title, a heading's text), or null.</param>
/// <param name="ReplaceRange">The text the insertion replaces (from the start of what is typed to the caret).</param>
/// <param name="SortText">The sort key.</param>
public sealed record CompletionEntry(string Label, CompletionEntryKind Kind, string? Detail, TextRange ReplaceRange, string SortText);

/// <summary>A link the editor can follow.</summary>
/// <param name="Range">The link's destination text.</param>
/// <param name="TargetPath">The file it opens.</param>
/// <param name="TargetLine">The zero-based line to reveal (a heading), or null.</param>
public sealed record DocumentLinkEntry(TextRange Range, string TargetPath, int? TargetLine);

/// <summary>A code action.</summary>
/// <param name="Title">What the user picks.</param>
/// <param name="DiagnosticCode">The code of the diagnostic it fixes.</param>
/// <param name="DiagnosticRange">That diagnostic's range.</param>
/// <param name="Changes">What it does.</param>
/// <param name="IsPreferred">True when it is the obvious fix.</param>
public sealed record CodeActionEntry(string Title, string DiagnosticCode, TextRange DiagnosticRange, WorkspaceChanges Changes, bool IsPreferred);
