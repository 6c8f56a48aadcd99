using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Cache;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Server.Check;

/// <summary>A change <c>--fix</c> made, for the "what changed" lines.</summary>
internal sealed record AppliedFix(string DisplayPath, ImmutableArray<string> Titles);

/// <summary>What a check run found: the report, the fixes applied, and whether the configuration was invalid.</summary>
internal sealed record CheckOutcome(CheckReport Report, ImmutableArray<AppliedFix> Fixes, bool ConfigurationInvalid);

/// <summary>
/// Checks specs on disk with the language server's own facade (<see cref="SpecLanguageService"/>: its analyzers,
/// policy and safe fixes) and configuration: every spec under a workspace root is indexed, so links and SPEC- IDs are
/// checked across files. With a cache folder, what a file's own text decides is kept between runs (<see cref="CheckCache"/>).
/// </summary>
internal sealed class CheckRunner(string currentDirectory, TimeProvider time, string? cacheDirectory = null, TextWriter? log = null)
{
    /// <summary>Checks <paramref name="targets"/> (existing absolute paths) grouped by the workspace root each belongs to.</summary>
    public CheckOutcome Run(IReadOnlyList<string> targets, string? configFile, bool fix, CancellationToken cancellationToken = default)
    {
        var files = new List<CheckedFile>();
        var fixes = new List<AppliedFix>();
        bool configurationInvalid = false;
        foreach (var group in targets.GroupBy(FindRoot, WorkspacePaths.Comparer))
        {
            var loaded = TemplateEnvironmentLoader.Load(group.Key, clientSettings: null, configFile);
            if (loaded.ConfigurationFile is { } file && !loaded.Diagnostics.IsEmpty)
            {
                files.Add(new CheckedFile(Display(file), loaded.Diagnostics));
                configurationInvalid |= loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            }

            // --fix rewrites the files it checks: it neither reads nor writes the cache.
            var cache = fix || cacheDirectory is null ? null : CheckCache.For(cacheDirectory, WorkspacePaths.Normalize(group.Key)!, configFile, loaded, log);
            files.AddRange(CheckWorkspace(group.Key, [.. group], loaded.Environment, fix, fixes, cache, cancellationToken));
        }

        var unique = files
            .GroupBy(f => f.DisplayPath, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal);
        return new CheckOutcome(new CheckReport([.. unique]), [.. fixes], configurationInvalid);
    }

    private IEnumerable<CheckedFile> CheckWorkspace(
        string root, IReadOnlyList<string> targets, TemplateEnvironment environment, bool fix, List<AppliedFix> fixes, CheckCache? cache, CancellationToken cancellationToken)
    {
        var normalizedRoot = WorkspacePaths.Normalize(root)!;
        var workspace = new DiskWorkspace([normalizedRoot], relative => environment.Configuration.IsSpec(relative));
        // The cache is read (and its checksum checked) while the folders are walked.
        var cached = fix || cache is null ? null : Task.Run(() => cache.Load(environment.Catalog, workspace.Roots), cancellationToken);
        var specs = workspace.EnumerateSpecFiles(cancellationToken).ToList();
        var checkedPaths = SelectFiles(specs, targets);
        var allPaths = specs.Concat(checkedPaths).Distinct(WorkspacePaths.Comparer).ToList();

        var service = new SpecLanguageService(new FixedTemplateEnvironmentSource(environment), time);
        return fix
            ? CheckAndFix(workspace, allPaths, checkedPaths, service, environment, fixes, cancellationToken)
            : CheckOnce(workspace, allPaths, checkedPaths, service, environment, cache, cached?.GetAwaiter().GetResult(), cancellationToken);
    }

    // One pass: each spec is read and parsed once. Memory stays bounded by a slim index rather than by every parsed
    // model at once (1.27 GB over 10,000 specs when all were kept): of each file only what other files' diagnostics
    // read is kept (heading anchors and ID definitions, 8 KB a spec instead of the server's 24 KB), and of each checked
    // file its diagnostics, found while the index is still being built, with the few cross-file questions (another
    // file's anchor or existence, a SPEC- ID, a feature folder's IDs) answered once it is complete. Until then the
    // analysis reads an empty index of the same workspace. A file whose text the cache knows is not parsed at all:
    // its slim entry, its analysis with the questions still open, and its template choice come from the cache.
    private IEnumerable<CheckedFile> CheckOnce(
        DiskWorkspace workspace, List<string> allPaths, List<string> checkedPaths, SpecLanguageService service, TemplateEnvironment environment, CheckCache? cache, CheckCacheContents? cached, CancellationToken cancellationToken)
    {
        var isChecked = checkedPaths.ToHashSet(WorkspacePaths.Comparer);
        var early = WorkspaceIndex.Create(workspace);
        var kept = new ConcurrentBag<CheckCacheEntry>();
        int reused = 0;
        var entries = new ConcurrentBag<FileIndex>();
        var pending = new ConcurrentBag<(string Path, PendingDiagnosis Diagnosis, TemplateChoice Choice)>();
        var results = new ConcurrentBag<CheckedFile>();
        Parallel.ForEach(allPaths, new ParallelOptions { CancellationToken = cancellationToken }, path =>
        {
            var read = workspace.ReadFile(path);
            if (read.Text is not { } text)
            {
                string reason = read.Error ?? "The file cannot be read.";
                entries.Add(FileIndex.Unreadable(path, reason));
                if (isChecked.Contains(path))
                {
                    results.Add(Unreadable(path, reason));
                }

                return;
            }

            var hash = cache is null ? default : ContentHash.Of(text);
            if (cached?.Find(path, hash) is { } hit && (!isChecked.Contains(path) || hit is { Analysis: not null, Choice: not null }))
            {
                Interlocked.Increment(ref reused);
                entries.Add(hit.CrossFileEntry);
                if (isChecked.Contains(path))
                {
                    pending.Add((path, PendingDiagnosis.FromAnalysis(hit.Analysis!, environment.Configuration), hit.Choice!));
                }

                kept.Add(hit);
                return;
            }

            var snapshot = new SpecSnapshot(SpecParser.Parse(SourceText.From(text), cancellationToken), WorkspacePaths.ToFileUri(path));
            var own = snapshot.IndexEntry(workspace.Roots);
            var slim = (own.Path == path ? own : FileIndex.Create(path, snapshot.Document, workspace.Roots)).ForCrossFileChecks();
            entries.Add(slim);
            PendingDiagnosis? diagnosis = null;
            TemplateChoice? choice = null;
            if (isChecked.Contains(path))
            {
                var context = service.CreateContext(snapshot, early);
                diagnosis = service.DiagnoseLater(context, cancellationToken);
                choice = snapshot.Choice(environment);
                pending.Add((path, diagnosis, choice));
            }

            if (cache is not null)
            {
                kept.Add(new CheckCacheEntry(path, hash, slim, diagnosis?.Analysis, choice));
            }
        });

        var index = WorkspaceIndex.Create(workspace).WithDiskFiles(entries).AsComplete();
        entries.Clear();
        foreach (var (path, diagnosis, choice) in pending)
        {
            results.Add(new CheckedFile(Display(path), diagnosis.Complete(index), choice));
        }

        if (cache is not null)
        {
            cache.Report(reused, allPaths.Count);

            // Every file the cache holds was found unchanged and none was analysed: the file on disk is this run's already.
            if (kept.Count != reused || cached?.Count != reused)
            {
                cache.Save(kept);
            }
        }

        return results;
    }

    // With --fix, two passes: the complete slim index first, then each checked file read and parsed again, analyzed,
    // fixed and analyzed again against the index with its fixed entry.
    private IEnumerable<CheckedFile> CheckAndFix(
        DiskWorkspace workspace, List<string> allPaths, List<string> checkedPaths, SpecLanguageService service, TemplateEnvironment environment, List<AppliedFix> fixes, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentBag<FileIndex>();
        Parallel.ForEach(allPaths, new ParallelOptions { CancellationToken = cancellationToken }, path =>
            entries.Add(WorkspaceIndexer.IndexFile(workspace, path, cancellationToken).ForCrossFileChecks()));
        var index = WorkspaceIndex.Create(workspace).WithDiskFiles(entries).AsComplete();
        entries.Clear();

        var results = new ConcurrentBag<CheckedFile>();
        var fixed_ = new ConcurrentBag<AppliedFix>();
        Parallel.ForEach(checkedPaths, new ParallelOptions { CancellationToken = cancellationToken }, path =>
        {
            var read = workspace.ReadFile(path);
            if (read.Text is not { } text)
            {
                results.Add(Unreadable(path, read.Error ?? index.GetFile(path)?.UnreadableReason ?? "unreadable"));
                return;
            }

            var document = SpecParser.Parse(SourceText.From(text), cancellationToken);
            var context = service.CreateContext(new SpecSnapshot(document, WorkspacePaths.ToFileUri(path)), index);
            var diagnostics = service.Diagnose(context, cancellationToken);
            if (ApplySafeFixes(service, path, context, diagnostics, index) is { } applied)
            {
                fixed_.Add(applied.Fix);
                context = service.CreateContext(new SpecSnapshot(applied.Document, WorkspacePaths.ToFileUri(path)), applied.Index);
                diagnostics = service.Diagnose(context, cancellationToken);
            }

            results.Add(new CheckedFile(Display(path), diagnostics, context.Snapshot.Choice(environment)));
        });

        fixes.AddRange(fixed_.OrderBy(f => f.DisplayPath, StringComparer.Ordinal));
        return results;
    }

    private CheckedFile Unreadable(string path, string reason) =>
        new(Display(path), [new SpecDiagnostic(default, DiagnosticSeverity.Error, DiagnosticCodes.UnreadableFile, $"Cannot read the file as text: {reason}.")]);

    // Only fixes right without a person (removing an empty template prompt); one per diagnostic, none overlapping.
    private (AppliedFix Fix, SpecDocument Document, WorkspaceIndex Index)? ApplySafeFixes(
        SpecLanguageService service, string path, AnalysisContext context, ImmutableArray<SpecDiagnostic> diagnostics, WorkspaceIndex index)
    {
        var document = context.Document;
        var chosen = service.SafeFixes(context, diagnostics).ToList();

        // Each fix is safe alone, but together they may take all a section holds (its three empty list items): a
        // section the fixes would leave blank keeps what it had, so --fix never turns a spec into an empty-section.
        var (updated, reparsed) = Apply(document, chosen);
        var emptied = EmptiedSections(document, reparsed);
        if (emptied.Count > 0)
        {
            chosen.RemoveAll(action => action.Edits.Any(e => emptied.Any(section => section.BodyRange.Contains(e.Range.Start))));
            (updated, reparsed) = Apply(document, chosen);
        }

        if (chosen.Count == 0)
        {
            return null;
        }

        File.WriteAllText(path, updated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return (new AppliedFix(Display(path), [.. chosen.Select(a => a.Title)]), reparsed, index.WithDiskFile(FileIndex.Create(path, reparsed, index.Roots)));
    }

    private static (string Text, SpecDocument Document) Apply(SpecDocument document, List<SpecCodeAction> actions)
    {
        var source = document.Source;
        var edits = actions.SelectMany(a => a.Edits)
            .Select(e => (Start: source.GetOffset(e.Range.Start), End: source.GetOffset(e.Range.End), e.NewText))
            .OrderByDescending(e => e.Start);
        var text = new StringBuilder(source.Text);
        foreach (var (start, end, newText) in edits)
        {
            text.Remove(start, end - start).Insert(start, newText);
        }

        string updated = text.ToString();
        return (updated, SpecParser.Parse(SourceText.From(updated)));
    }

    // Sections with no subsections that held something before and nothing after. The fixes remove lines inside
    // sections, never a heading, so the two documents' sections correspond one to one, in document order.
    private static List<Section> EmptiedSections(SpecDocument before, SpecDocument after)
    {
        var emptied = new List<Section>();
        if (before.AllSections.Length != after.AllSections.Length)
        {
            return emptied;
        }

        for (int i = 0; i < before.AllSections.Length; i++)
        {
            var (was, now) = (before.AllSections[i], after.AllSections[i]);
            if (was.Children.IsEmpty && !DocumentSections.IsBlank(before, was.BodyRange) && DocumentSections.IsBlank(after, now.BodyRange))
            {
                emptied.Add(was);
            }
        }

        return emptied;
    }

    // A folder checks every spec in it; a file named explicitly is checked even where the globs would skip it.
    private static List<string> SelectFiles(List<string> all, IReadOnlyList<string> targets)
    {
        var selected = new List<string>();
        foreach (var target in targets)
        {
            var normalized = WorkspacePaths.Normalize(target)!;
            if (File.Exists(target))
            {
                selected.Add(normalized);
            }
            else
            {
                selected.AddRange(all.Where(path => WorkspacePaths.IsUnder(path, normalized)));
            }
        }

        return [.. selected.Distinct(WorkspacePaths.Comparer)];
    }

    // The folder of the nearest .speclsp.yaml above the target, else the target folder itself; --config only
    // replaces the settings, not the root that relative links and templatesFolder are resolved against.
    private static string FindRoot(string target)
    {
        bool isFile = File.Exists(target);
        string probe = isFile ? target : Path.Combine(target, SpecLspConfiguration.FileName);
        return TemplateEnvironmentLoader.FindWorkspaceRoot(probe) ?? (isFile ? Path.GetDirectoryName(target)! : target);
    }

    private string Display(string path)
    {
        string relative = Path.GetRelativePath(currentDirectory, path.Replace('/', Path.DirectorySeparatorChar));
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
