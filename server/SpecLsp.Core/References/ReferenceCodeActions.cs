using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>Quick fixes for <c>broken-anchor</c> ("Change to #closest-heading") and <c>broken-link</c> ("Create FILE from template").</summary>
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
        }

        return result.ToImmutable();
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
