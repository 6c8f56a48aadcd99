using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.References;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.References;

/// <summary>
/// Several marked files in an in-memory workspace rooted at <c>/ws</c>: one <c>$$</c> caret in one file, <c>[|…|]</c>
/// expected ranges in any of them, and a complete index of them all.
/// </summary>
internal sealed class MarkedWorkspace
{
    public const string Root = "/ws";

    private MarkedWorkspace(InMemoryWorkspace disk, Dictionary<string, MarkedText> files, WorkspaceIndex index)
    {
        Disk = disk;
        Files = files;
        Index = index;
    }

    public InMemoryWorkspace Disk { get; }

    public Dictionary<string, MarkedText> Files { get; }

    public WorkspaceIndex Index { get; }

    /// <summary>Files by path relative to <c>/ws</c>.</summary>
    public static MarkedWorkspace Create(params (string Path, string Text)[] files) => Create(complete: true, files);

    public static MarkedWorkspace Create(bool complete, params (string Path, string Text)[] files)
    {
        var disk = new InMemoryWorkspace(Root);
        var marked = new Dictionary<string, MarkedText>();
        foreach (var (path, text) in files)
        {
            var parsed = MarkedText.Parse(text);
            marked[Root + "/" + path] = parsed;
            disk.Add(Root + "/" + path, parsed.Text);
        }

        var index = WorkspaceIndexer.IndexAll(disk, parallelism: 1);
        if (!complete)
        {
            index = WorkspaceIndex.Create(disk).WithDiskFiles(index.Files);
        }

        return new MarkedWorkspace(disk, marked, index);
    }

    public string CaretPath => Files.Single(f => f.Value.Caret is not null).Key;

    public Position Caret => Files[CaretPath].CaretPosition;

    public DocumentView View(string? path = null)
    {
        path ??= CaretPath;
        path = path.StartsWith('/') ? path : Root + "/" + path;
        return DocumentView.Create(SpecParser.Parse(SourceText.From(Files[path].Text)), path, Index);
    }

    /// <summary>Every marked range as "path (l,c)-(l,c)", sorted.</summary>
    public string ExpectedLocations() =>
        Dump(Files.SelectMany(f => f.Value.Ranges.Select(r => new SourceLocation(f.Key, r))));

    /// <summary>Asserts that the first file's diagnostics of <paramref name="code"/> are exactly its marked ranges.</summary>
    public static void AssertFlagged(string code, params (string Path, string Text)[] files)
    {
        var ws = Create(files);
        var first = files[0].Path;
        var diagnostics = ws.Analyze(first).Where(d => d.Code == code);
        Assert.Equal(
            Dump(ws.Files[Root + "/" + first].Ranges.Select(r => new SourceLocation(Root + "/" + first, r))),
            Dump(diagnostics.Select(d => new SourceLocation(Root + "/" + first, d.Range))));
    }

    public static string Dump(IEnumerable<SourceLocation> locations) =>
        string.Join("\n", locations.Select(l => $"{Relative(l.Path)} {l.Range}").Order(StringComparer.Ordinal));

    public static string Relative(string path) => path.StartsWith(Root + "/", StringComparison.Ordinal) ? path[(Root.Length + 1)..] : path;

    /// <summary>The diagnostics the reference analyzers give for a file, as "code range message" lines.</summary>
    public IReadOnlyList<SpecDiagnostic> Analyze(string path, string? siteRoot = null)
    {
        var view = View(path);
        var context = new AnalysisContext { Document = view.Document, DocumentUri = view.Path, Workspace = Index, SiteRoot = siteRoot, Today = new DateOnly(2026, 1, 5) };
        var engine = new DiagnosticEngine([new LinkAnalyzer(), new IdAnalyzer()]);
        return engine.Analyze(context);
    }

    public static string DumpDiagnostics(IEnumerable<SpecDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Code} {d.Range} {d.Message}"));

    /// <summary>The text of every file after applying <paramref name="changes"/>, for files that changed, as "== path" blocks.</summary>
    public string Apply(WorkspaceChanges changes)
    {
        var blocks = new List<string>();
        foreach (var creation in changes.Creations)
        {
            blocks.Add($"== {Relative(creation.Path)} (new)\n{creation.Text}");
        }

        foreach (var file in changes.Edits)
        {
            var source = SourceText.From(Files[file.Path].Text);
            foreach (var edit in file.Edits.OrderByDescending(e => e.Range.Start))
            {
                source = source.WithChange(edit.Range, edit.NewText);
            }

            blocks.Add($"== {Relative(file.Path)}\n{source.Text}");
        }

        return string.Join("\n", blocks);
    }
}
