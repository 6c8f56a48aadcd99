using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

/// <summary>
/// Quick fixes for placeholder diagnostics, built from the diagnostic and its <see cref="SpecDiagnostic.Data"/>
/// alone (no analysis again). Sample text cannot be selected by an edit in LSP 3.17 (workspace edits carry no
/// snippets), so "Select sample text" is the command <see cref="SelectRangeCommand"/> carrying the range: the
/// server executes it (workspace/executeCommand) by asking the client to show the document with that range
/// selected (window/showDocument), which needs no client extension.
/// </summary>
public static class PlaceholderFixes
{
    /// <summary>The client command that selects a range of a document.</summary>
    public const string SelectRangeCommand = "speclsp.selectRange";

    /// <summary>
    /// The fixes for a placeholder, template-text, template-prompt or invalid-metadata diagnostic of
    /// <paramref name="document"/>; empty for other codes. <c>speclsp check --fix</c> applies those marked
    /// <see cref="SpecCodeAction.IsSafeToAutoApply"/>.
    /// </summary>
    public static IEnumerable<SpecCodeAction> For(SpecDiagnostic diagnostic, SpecDocument document, DateOnly today)
    {
        return diagnostic.Code switch
        {
            DiagnosticCodes.UnfilledPlaceholder => ForPlaceholder(diagnostic, document, today),
            DiagnosticCodes.TemplatePrompt => [RemovePrompt(diagnostic, document)],
            DiagnosticCodes.TemplateText => ForTemplateText(diagnostic, document),
            DiagnosticCodes.InvalidMetadata => MetadataFixes.For(diagnostic, today),
            _ => [],
        };
    }

    /// <summary>
    /// The edits of every fix of <paramref name="diagnostics"/> that is safe without a person (see
    /// <see cref="SpecCodeAction.IsSafeToAutoApply"/>), in document order; an edit that overlaps an earlier one is
    /// left for the next run. What <c>speclsp check --fix</c> applies.
    /// </summary>
    public static ImmutableArray<SpecTextEdit> SafeEdits(IEnumerable<SpecDiagnostic> diagnostics, SpecDocument document, DateOnly today)
    {
        var edits = diagnostics
            .SelectMany(d => For(d, document, today))
            .Where(a => a.IsSafeToAutoApply)
            .SelectMany(a => a.Edits)
            .OrderBy(e => e.Range.Start)
            .ThenBy(e => e.Range.End);
        var result = ImmutableArray.CreateBuilder<SpecTextEdit>();
        foreach (var edit in edits)
        {
            if (result.Count == 0 || result[^1].Range.End <= edit.Range.Start && !(result[^1].Range.End == edit.Range.Start && edit.Range.IsEmpty))
            {
                result.Add(edit);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>One action per allowed value, each replacing <paramref name="diagnostic"/>'s range.</summary>
    public static IEnumerable<SpecCodeAction> ChooseOption(SpecDiagnostic diagnostic, IEnumerable<string> options)
    {
        foreach (var option in options)
        {
            yield return new SpecCodeAction($"Set to '{option}'", SpecCodeActionKinds.QuickFix, [new SpecTextEdit(diagnostic.Range, option)])
            {
                Diagnostics = [diagnostic],
            };
        }
    }

    private static IEnumerable<SpecCodeAction> ForPlaceholder(SpecDiagnostic diagnostic, SpecDocument document, DateOnly today)
    {
        diagnostic.Data.TryGetValue(PlaceholderData.Kind, out var kind);
        switch (kind)
        {
            case nameof(PlaceholderKind.Date):
                yield return new SpecCodeAction("Replace with today's date", SpecCodeActionKinds.QuickFix, [new SpecTextEdit(diagnostic.Range, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))])
                {
                    Diagnostics = [diagnostic],
                    IsPreferred = true,
                };
                break;
            case nameof(PlaceholderKind.OptionList) when diagnostic.Data.TryGetValue(PlaceholderData.Options, out var options):
                foreach (var action in ChooseOption(diagnostic, options.Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0)))
                {
                    yield return action;
                }

                break;
            case nameof(PlaceholderKind.EmptyListItem):
                yield return RemoveLines("Remove empty list item", diagnostic, document, safe: true);
                break;
            case nameof(PlaceholderKind.EmptyTableRow):
                yield return RemoveLines("Remove empty table row", diagnostic, document, safe: true);
                break;
        }

        if (document.Source.GetLineText(diagnostic.Range.Start.Line).Contains("*(if", StringComparison.OrdinalIgnoreCase))
        {
            yield return RemoveLines("Remove optional line", diagnostic, document, safe: false, wholeLines: true);
        }
    }

    private static IEnumerable<SpecCodeAction> ForTemplateText(SpecDiagnostic diagnostic, SpecDocument document)
    {
        yield return new SpecCodeAction("Select sample text", SpecCodeActionKinds.QuickFix, [])
        {
            Command = new SpecCommand("Select sample text", SelectRangeCommand, []) { Range = diagnostic.Range },
            Diagnostics = [diagnostic],
            IsPreferred = true,
        };

        if (diagnostic.Data.TryGetValue(PlaceholderData.Optional, out var optional) && optional == "true")
        {
            yield return RemoveLines("Remove optional sample text", diagnostic, document, safe: false);
        }
    }

    // Safe to apply unasked (check --fix) only where the section keeps other text: removing a section's only prompt
    // would leave it empty (reported as empty-section) and lose the guidance on what to write.
    private static SpecCodeAction RemovePrompt(SpecDiagnostic diagnostic, SpecDocument document) =>
        RemoveLines("Remove prompt comment", diagnostic, document, safe: true) is var action && KeepsOtherText(diagnostic, document)
            ? action
            : action with { IsSafeToAutoApply = false };

    private static bool KeepsOtherText(SpecDiagnostic diagnostic, SpecDocument document)
    {
        if (document.FindSection(diagnostic.Range.Start) is not { } section)
        {
            return true;
        }

        var source = document.Source;
        int first = section.HeadingRange.End.Line + 1;
        int end = section.Children.IsDefaultOrEmpty ? section.Range.End.Line : section.Children[0].Range.Start.Line;
        for (int line = first; line <= Math.Min(end, source.LineCount - 1); line++)
        {
            // The first child's heading line, or the line the section's range ends at (exclusive when at column 0).
            if (line == end && (!section.Children.IsDefaultOrEmpty || section.Range.End.Character == 0))
            {
                break;
            }

            string text = source.GetLineText(line);
            if (line >= diagnostic.Range.Start.Line && line <= diagnostic.Range.End.Line)
            {
                text = (line == diagnostic.Range.Start.Line ? text[..Math.Min(diagnostic.Range.Start.Character, text.Length)] : string.Empty)
                    + (line == diagnostic.Range.End.Line && diagnostic.Range.End.Character < text.Length ? text[diagnostic.Range.End.Character..] : string.Empty);
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                return true;
            }
        }

        return !section.Children.IsDefaultOrEmpty;
    }

    /// <summary>
    /// Deletes <paramref name="diagnostic"/>'s range; when nothing else stands on its lines, the whole lines go with
    /// their line breaks, so no blank line is left behind.
    /// </summary>
    private static SpecCodeAction RemoveLines(string title, SpecDiagnostic diagnostic, SpecDocument document, bool safe, bool wholeLines = false)
    {
        var source = document.Source;
        var range = diagnostic.Range;
        var startLine = source.GetLineText(range.Start.Line);
        var endLine = source.GetLineText(range.End.Line);
        bool aloneBefore = string.IsNullOrWhiteSpace(startLine[..Math.Min(range.Start.Character, startLine.Length)]);
        bool aloneAfter = range.End.Character >= endLine.Length || string.IsNullOrWhiteSpace(endLine[range.End.Character..]);
        if (wholeLines || (aloneBefore && aloneAfter))
        {
            var end = range.End.Line + 1 < source.LineCount ? new Position(range.End.Line + 1, 0) : new Position(range.End.Line, endLine.Length);
            range = new TextRange(new Position(range.Start.Line, 0), end);
        }

        return new SpecCodeAction(title, SpecCodeActionKinds.QuickFix, [new SpecTextEdit(range, string.Empty)])
        {
            Diagnostics = [diagnostic],
            IsPreferred = safe,
            IsSafeToAutoApply = safe,
        };
    }
}
