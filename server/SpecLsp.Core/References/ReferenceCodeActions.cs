using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// Quick fixes for <c>broken-anchor</c> ("Change to #closest-heading", in this file or another), <c>broken-link</c>
/// ("Create FILE from template"), <c>undefined-reference</c> ("Define [label] as #heading" when a heading of this
/// document has that name, else "Add a definition line for [label]") and <c>duplicate-id</c> ("Renumber this FR-001 to
/// FR-008", the next number no definition or mention here uses, on every repeat after the first).
/// </summary>
public static class ReferenceCodeActions
{
    /// <summary>
    /// The fixes for <paramref name="diagnostics"/> (this document's, from <see cref="LinkAnalyzer"/>).
    /// <paramref name="newFileText"/> gives a new spec's text from its path (the template feature's); by default
    /// a title made from the file name.
    /// </summary>
    public static ImmutableArray<CodeActionEntry> Compute(DocumentView view, IEnumerable<SpecDiagnostic> diagnostics, Func<string, string>? newFileText = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = ImmutableArray.CreateBuilder<CodeActionEntry>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Code == DiagnosticCodes.BrokenAnchor
                && view.Path is not null
                && diagnostic.Data.TryGetValue(LinkAnalyzer.SuggestionKey, out var suggestion)
                && view.Document.Source.GetText(diagnostic.Range).StartsWith('#'))
            {
                var edit = new TextReplacement(diagnostic.Range, "#" + suggestion);
                result.Add(new CodeActionEntry($"Change to #{suggestion}", diagnostic.Code, diagnostic.Range, WorkspaceChanges.FromEdits([(view.Path, edit)]), IsPreferred: true));
            }
            else if (diagnostic.Code == DiagnosticCodes.BrokenLink
                && diagnostic.Data.TryGetValue(LinkAnalyzer.PathKey, out var path)
                && WorkspacePaths.IsMarkdown(path)
                && view.Workspace.GetPathState(path) == PathState.Missing)
            {
                var text = newFileText?.Invoke(path) ?? DefaultText(path);
                var name = view.Path is null ? WorkspacePaths.GetFileName(path) : WorkspacePaths.GetRelativePath(WorkspacePaths.GetDirectory(view.Path), path);
                result.Add(new CodeActionEntry($"Create {name} from template", diagnostic.Code, diagnostic.Range, new WorkspaceChanges([new FileCreation(path, text)], []), IsPreferred: false));
            }
            else if (diagnostic.Code == DiagnosticCodes.UndefinedReference && view.Path is not null)
            {
                result.Add(DefineReference(view, diagnostic));
            }
            else if (diagnostic.Code == DiagnosticCodes.DuplicateId && view.Path is not null && Renumber(view, diagnostic) is { } renumber)
            {
                result.Add(renumber);
            }
        }

        return result.ToImmutable();
    }

    // "[label]: #anchor" for a heading of this document with that name, else "[label]: #" to fill in; at the end of the
    // document, after the definitions already there or after a blank line.
    private static CodeActionEntry DefineReference(DocumentView view, SpecDiagnostic diagnostic)
    {
        var source = view.Document.Source;
        var label = source.GetText(diagnostic.Range).Trim('[', ']');
        var slug = HeadingAnchors.Slug(label);
        var heading = view.Index.Headings.FirstOrDefault(h => h.Anchor.Equals(slug, StringComparison.OrdinalIgnoreCase) || h.Title.Equals(label, StringComparison.OrdinalIgnoreCase));
        var destination = heading.Anchor is { Length: > 0 } anchor ? "#" + anchor : "#";

        var text = source.Text;
        int last = source.LineCount - 1;
        while (last > 0 && source.GetLineText(last).Trim().Length == 0)
        {
            last--;
        }

        bool afterDefinition = view.Document.ReferenceDefinitions.Any(d => d.Range.End.Line == last || d.Range.Start.Line == last);
        string lineBreak = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string before = text.Length == 0 || text.EndsWith('\n') ? string.Empty : lineBreak;
        string gap = text.Length == 0 || afterDefinition ? string.Empty : lineBreak;
        var end = source.FullRange.End;
        var edit = new TextReplacement(new TextRange(end, end), $"{before}{gap}[{label}]: {destination}{lineBreak}");
        var title = heading.Anchor is { Length: > 0 } ? $"Define [{label}] as {destination}" : $"Add a definition line for [{label}]";
        return new CodeActionEntry(title, diagnostic.Code, diagnostic.Range, WorkspaceChanges.FromEdits([(view.Path!, edit)]), IsPreferred: heading.Anchor is { Length: > 0 });
    }

    // The first definition in document order keeps its number; each later one is offered the next number free here.
    private static CodeActionEntry? Renumber(DocumentView view, SpecDiagnostic diagnostic)
    {
        var definition = view.Index.IdDefinitions.FirstOrDefault(d => d.Range == diagnostic.Range);
        if (definition is null || IdSyntax.IsWorkspaceWide(definition.Id))
        {
            return null;
        }

        var first = view.Index.IdDefinitions.First(d => d.Id == definition.Id && d.Kind == definition.Kind);
        var prefix = definition.Prefix;
        var digits = definition.Id[prefix.Length..];
        if (first == definition || digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        int highest = view.Index.IdDefinitions.Select(d => d.Id).Concat(view.Index.IdMentions.Select(m => m.Id))
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length && id.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        if (highest == int.MaxValue)
        {
            return null;
        }

        // Zero padding as written: FR-001 → FR-008, FR1 → FR8.
        var next = prefix + (highest + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits[0] == '0' ? digits.Length : 0, '0');
        // Links to a renumbered heading follow its new anchor, as a rename makes them.
        var edits = new List<(string, TextReplacement)> { (view.Path!, new TextReplacement(definition.Range, next)) };
        if (definition.Kind == IdDefinitionKind.Heading && view.Index.Headings.FirstOrDefault(h => h.HeadingRange.Contains(definition.Range)) is { Title: not null } heading)
        {
            edits.AddRange(ReferenceRename.AnchorEditsForIdChange(view, heading.HeadingRange, definition.Id, next));
        }

        return new CodeActionEntry($"Renumber this {definition.Id} to {next}", diagnostic.Code, diagnostic.Range, WorkspaceChanges.FromEdits(edits), IsPreferred: true);
    }

    /// <summary>A new spec with a title made from the file name (<c>csv-export.md</c> → <c># Csv Export</c>).</summary>
    public static string DefaultText(string path) => $"# {TitleFromFileName(path)}\n";

    /// <summary>A title made from a file name: <c>csv-export.md</c> → <c>Csv Export</c>.</summary>
    public static string TitleFromFileName(string path)
    {
        var name = WorkspacePaths.GetFileName(path);
        int dot = name.LastIndexOf('.');
        var words = (dot > 0 ? name[..dot] : name).Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words.Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
        return title.Length > 0 ? title : "New Spec";
    }

    /// <summary>The diagnostics of <paramref name="all"/> that touch <paramref name="range"/>.</summary>
    public static IEnumerable<SpecDiagnostic> Touching(IEnumerable<SpecDiagnostic> all, TextRange range) => all.Where(d => d.Range.Intersects(range));
}
