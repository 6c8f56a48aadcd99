using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// Completion of link targets (Markdown files after <c>](</c>, anchors after <c>#</c>), reference labels (in
/// <c>[…][</c>) and IDs (on a prefix such as <c>FR</c>, <c>US-</c>, <c>SPEC-</c>: the defined IDs and the next free one).
/// </summary>
public static partial class ReferenceCompletion
{
    private const int MaxFiles = 1000;

    /// <summary>The completions at <paramref name="position"/>; empty when none of the contexts above applies.</summary>
    public static ImmutableArray<CompletionEntry> Compute(DocumentView view, Position position, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(view);
        var source = view.Document.Source;
        if (position.Line >= source.LineCount || IsInCode(view.Document, position))
        {
            return [];
        }

        var line = source.GetLineText(position.Line);
        var before = line[..Math.Min(position.Character, line.Length)];
        if (FindDestinationStart(before) is { } destinationStart)
        {
            return CompleteDestination(view, position, before, destinationStart);
        }

        int labelOpen = before.LastIndexOf("][", StringComparison.Ordinal);
        if (labelOpen >= 0 && before.IndexOf(']', labelOpen + 2) < 0)
        {
            var replace = new TextRange(position with { Character = labelOpen + 2 }, position);
            return [.. view.Index.ReferenceDefinitions
                .DistinctBy(d => FileIndex.NormalizeLabel(d.Label))
                .Select(d => new CompletionEntry(d.Label, CompletionEntryKind.ReferenceLabel, d.Destination, replace, d.Label))];
        }

        return CompleteId(view, position, before, today);
    }

    private static int? FindDestinationStart(string before)
    {
        int open = before.LastIndexOf("](", StringComparison.Ordinal);
        if (open >= 0)
        {
            var typed = before.AsSpan(open + 2);
            return typed.IndexOfAny(')', ' ') < 0 ? open + 2 : null;
        }

        // A link reference definition: "[label]: destination".
        var trimmed = before.TrimStart();
        int colon = trimmed.IndexOf("]:", StringComparison.Ordinal);
        if (trimmed.StartsWith('[') && colon > 0 && before.Length - trimmed.Length <= 3)
        {
            int start = before.Length - trimmed.Length + colon + 2;
            while (start < before.Length && before[start] == ' ')
            {
                start++;
            }

            return before.AsSpan(start).Contains(' ') ? null : start;
        }

        return null;
    }

    private static ImmutableArray<CompletionEntry> CompleteDestination(DocumentView view, Position position, string before, int start)
    {
        var typed = before[start..];
        int hash = typed.IndexOf('#');
        if (hash >= 0)
        {
            var target = hash == 0
                ? new LinkTarget(LinkTargetKind.SameDocument, view.Path, string.Empty)
                : LinkTarget.Resolve(typed[..hash], view.Path, view.Workspace.Roots);
            if ((target.Kind == LinkTargetKind.File && !WorkspacePaths.IsMarkdown(target.Path!)) || view.GetTargetFile(target) is not { } file)
            {
                return [];
            }

            var replace = new TextRange(position with { Character = start + hash + 1 }, position);
            return [.. file.Headings.Select((h, i) => new CompletionEntry(h.Anchor, CompletionEntryKind.Anchor, h.Title, replace, i.ToString("D5", CultureInfo.InvariantCulture)))
                .Concat(file.ExplicitAnchors.Select(a => new CompletionEntry(a.Name, CompletionEntryKind.Anchor, null, replace, "z" + a.Name)))
                .DistinctBy(e => e.Label)];
        }

        if (view.Path is null || typed.Contains(':', StringComparison.Ordinal))
        {
            return [];
        }

        var directory = WorkspacePaths.GetDirectory(view.Path);
        var range = new TextRange(position with { Character = start }, position);
        return [.. view.Workspace.Files
            .Where(f => f.UnreadableReason is null && !view.IsSelf(f.Path) && WorkspacePaths.IsMarkdown(f.Path))
            .Select(f => (File: f, Relative: WorkspacePaths.GetRelativePath(directory, f.Path)))
            .Where(f => typed.Length == 0 || f.Relative.StartsWith(typed, WorkspacePaths.Comparison) || f.Relative.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => CountParents(f.Relative))
            .ThenBy(f => f.Relative, StringComparer.Ordinal)
            .Take(MaxFiles)
            .Select((f, i) => new CompletionEntry(f.Relative, CompletionEntryKind.File, f.File.Title, range, i.ToString("D5", CultureInfo.InvariantCulture)))];
    }

    private static ImmutableArray<CompletionEntry> CompleteId(DocumentView view, Position position, string before, DateOnly today)
    {
        int start = before.Length;
        while (start > 0 && (char.IsAsciiLetterUpper(before[start - 1]) || char.IsAsciiDigit(before[start - 1]) || before[start - 1] == '-'))
        {
            start--;
        }

        var word = before[start..];
        if (word.Length == 0 || !char.IsAsciiLetterUpper(word[0]) || (start > 0 && char.IsLetterOrDigit(before[start - 1])))
        {
            return [];
        }

        var letters = new string(word.TakeWhile(char.IsAsciiLetterUpper).ToArray());
        var replace = new TextRange(position with { Character = start }, position);
        var result = new List<CompletionEntry>();
        if ("SPEC".StartsWith(letters, StringComparison.Ordinal))
        {
            var specIds = view.Index.IdDefinitions.Where(d => IdSyntax.IsWorkspaceWide(d.Id)).Select(d => (d.Id, Title: view.Index.Title))
                .Concat(view.Workspace.WorkspaceIds.Where(p => p.Value.Any(d => !view.IsSelf(d.Path))).Select(p => (Id: p.Key, Title: view.GetFile(p.Value[0].Path)?.Title)))
                .DistinctBy(p => p.Id)
                .OrderBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
            bool defining = SpecIdValueStart().IsMatch(before.AsSpan(0, start));
            result.AddRange(specIds.Select(p => new CompletionEntry(p.Id, CompletionEntryKind.Id, p.Title, replace, "1" + p.Id)));
            result.Add(new CompletionEntry(NextSpecId(specIds.Select(p => p.Id), today), CompletionEntryKind.NewId, "next free spec ID", replace, defining ? "0" : "2"));
        }

        // Where an ID is defined (a heading, a list item's bold label, a task, a table's first cell) the next free
        // number comes first; in a mention it comes last, since a mention names an ID that exists.
        bool definingLocal = DefinitionStart().IsMatch(before.AsSpan(0, start));
        foreach (var group in view.Index.IdDefinitions
            .Where(d => !IdSyntax.IsWorkspaceWide(d.Id) && d.Prefix.StartsWith(letters, StringComparison.Ordinal))
            .GroupBy(d => d.Prefix, StringComparer.Ordinal))
        {
            var defined = group.DistinctBy(d => d.Id).ToList();
            result.AddRange(defined.Select(d => new CompletionEntry(d.Id, CompletionEntryKind.Id, d.Title.Length > 0 ? d.Title : null, replace, "1" + group.Key + SortableNumber(d.Id))));
            result.Add(new CompletionEntry(NextLocalId(group.Key, defined.Select(d => d.Id)), CompletionEntryKind.NewId, "next free " + group.Key.TrimEnd('-') + " number", replace, (definingLocal ? "0" : "2") + group.Key));
        }

        return [.. result];
    }

    // What may stand before an ID on the line that defines it: "#### ", "- **", "- [ ] ", "| ", "**", or nothing.
    [GeneratedRegex(@"^\s*(?:#{1,6}\s+|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(?:\*\*|__)?|\|\s*|\*\*|__)?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionStart();

    // A spec ID's value: after a label naming an ID ("**Spec ID:** ", "- **ID**: ") or a front-matter key ending in id.
    [GeneratedRegex(@"^\s*(?:(?:[-*+]\s+)?(?:\*\*|__)[^*_]*\bID\b[^*_]*(?:\*\*|__)\s*:?|[\w-]*id:)\s*$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpecIdValueStart();

    /// <summary>The next ID in the series <paramref name="prefix"/>, keeping the zero padding the series uses (<c>FR-003</c> after <c>FR-002</c>).</summary>
    public static string NextLocalId(string prefix, IEnumerable<string> ids)
    {
        int max = 0;
        int width = 0;
        foreach (var id in ids)
        {
            var digits = id[prefix.Length..];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                max = Math.Max(max, number);
                if (digits.StartsWith('0'))
                {
                    width = Math.Max(width, digits.Length);
                }
            }
        }

        return prefix + (max + 1).ToString(width > 0 ? "D" + width.ToString(CultureInfo.InvariantCulture) : "D", CultureInfo.InvariantCulture);
    }

    /// <summary>Today's next spec ID: <c>SPEC-YYYY-MM-DD-NNN</c>, one past the highest used for today.</summary>
    public static string NextSpecId(IEnumerable<string> ids, DateOnly today)
    {
        var stem = "SPEC-" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-";
        int max = 0;
        foreach (var id in ids)
        {
            if (id.StartsWith(stem, StringComparison.Ordinal) && int.TryParse(id.AsSpan(stem.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                max = Math.Max(max, number);
            }
        }

        return stem + (max + 1).ToString("D3", CultureInfo.InvariantCulture);
    }

    private static string SortableNumber(string id) =>
        new string(id.SkipWhile(c => !char.IsAsciiDigit(c)).ToArray()).PadLeft(8, '0');

    private static int CountParents(string relative)
    {
        int count = 0;
        for (int i = 0; relative.AsSpan(i).StartsWith("../"); i += 3)
        {
            count++;
        }

        return count;
    }

    private static bool IsInCode(SpecDocument document, Position position) =>
        document.CodeBlocks.Any(b => b.Range.Start < position && position < b.Range.End)
        || document.CodeSpans.Any(s => s.Start < position && position < s.End);
}
