using System.Globalization;
using System.Text;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Benchmarks;

/// <summary>
/// Checks the index cache and the scan's parse on real repositories: <c>… index-cache-verify DIR…</c> indexes each
/// folder without a cache, then writes a cache and indexes it again from the cache, and compares every field of every
/// entry of the two scans (links with their resolved targets); it also makes every entry again from a full
/// <see cref="SpecParser.Parse(SourceText, CancellationToken)"/> with the full Markdig pipeline (the scan uses
/// <see cref="SpecParser.ParseForIndex"/> and the pipeline <see cref="SpecParser.PipelineFor"/> picks) and compares
/// those, and the whole model of each file (<see cref="SpecDocumentDump"/>, every detail and block) from the picked
/// pipeline with the full one's. Exit code 1 when any folder differs.
/// </summary>
internal static class IndexCacheVerify
{
    private const SpecDumpDetail EveryDetail = SpecDumpDetail.All | SpecDumpDetail.Blocks;

    public static int Run(string[] args)
    {
        int failures = 0;
        foreach (var root in args.Skip(1))
        {
            var workspace = new DiskWorkspace([Path.GetFullPath(root)]);
            var paths = workspace.EnumerateSpecFiles().ToList();
            var directory = Path.Combine(Path.GetTempPath(), "speclsp-cache-verify-" + Guid.NewGuid().ToString("N"));
            try
            {
                var cache = IndexCache.For(directory, workspace.Roots);
                var cold = WorkspaceIndexer.Scan(workspace, paths, cache: null);
                bool saved = WorkspaceIndexer.Scan(workspace, paths, cache).SaveCache();
                var warm = WorkspaceIndexer.Scan(workspace, paths, cache);
                bool identical = Dump(cold.Entries) == Dump(warm.Entries);
                // Each file read once more: its entry from a full parse with the full pipeline, and its whole model
                // from the pipeline picked for it against the full one's.
                var fullParses = new List<FileIndex>();
                var differentModels = new List<string>();
                foreach (var path in paths)
                {
                    if (workspace.ReadFile(path).Text is not { } text)
                    {
                        fullParses.Add(WorkspaceIndexer.IndexFile(workspace, path));
                        continue;
                    }

                    var source = SourceText.From(text);
                    var full = SpecParser.ParseWith(source, SpecParser.Pipeline);
                    fullParses.Add(FileIndex.Create(path, full, workspace.Roots));
                    if (SpecDocumentDump.Write(full, EveryDetail) != SpecDocumentDump.Write(SpecParser.Parse(source), EveryDetail))
                    {
                        differentModels.Add(path);
                    }
                }

                bool sameAsFull = Dump(cold.Entries) == Dump(fullParses);
                int readable = cold.Entries.Count(e => e.UnreadableReason is null);
                failures += identical && sameAsFull && differentModels.Count == 0 && saved && warm.FromCache == readable ? 0 : 1;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{root}: {paths.Count} specs, {warm.FromCache} read back from the cache, {(identical ? "identical" : "DIFFERENT")} to the scan without it; that scan's entries {(sameAsFull ? "identical" : "DIFFERENT")} to full parses; models from the picked pipelines {(differentModels.Count == 0 ? "identical" : $"DIFFERENT in {differentModels.Count} files, first {differentModels[0]}")}"));
            }
            finally
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static string Dump(IEnumerable<FileIndex> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{e.Path} title={e.Title} unreadable={e.UnreadableReason}");
            foreach (var h in e.Headings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"H{h.Level} {h.Title}|{h.Anchor}|{h.Slug}|{h.HeadingRange}|{h.TitleRange}|{h.SectionRange}");
            }

            foreach (var a in e.ExplicitAnchors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"A {a.Name} {a.Range}");
            }

            foreach (var d in e.IdDefinitions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"D {d.Id} {d.Kind} {d.Title} {d.Range} {d.LineRange}");
            }

            foreach (var m in e.IdMentions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"M {m.Id} {m.Range}");
            }

            foreach (var l in e.Links)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"L {l.Node} undefined={l.Node.IsUndefined} -> {l.Target} root={l.Target.IsRootRelative}");
            }

            for (int i = 0; i < e.ReferenceDefinitions.Length; i++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"R {e.ReferenceDefinitions[i]} -> {e.ReferenceDefinitionTargets[i]}");
            }
        }

        return text.ToString();
    }
}
