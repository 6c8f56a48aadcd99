using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary><c>broken-link</c>, <c>broken-anchor</c> and <c>undefined-reference</c>.</summary>
public sealed class LinkAnalyzer : ICrossFileAnalyzer
{
    /// <summary>The key of the resolved path of a missing file in <see cref="SpecDiagnostic.Data"/>.</summary>
    public const string PathKey = "path";

    /// <summary>The key of the missing fragment in <see cref="SpecDiagnostic.Data"/>.</summary>
    public const string FragmentKey = "fragment";

    /// <summary>The key of the closest existing anchor in <see cref="SpecDiagnostic.Data"/>, when there is one.</summary>
    public const string SuggestionKey = "suggestion";

    /// <inheritdoc />
    public IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AnalyzeLater(context, cancellationToken).Complete(context.View.Workspace, context.View.Index);
    }

    /// <inheritdoc />
    /// <remarks>A fragment into another file waits for the workspace: only that file's index entry can tell.</remarks>
    public PendingDiagnostics AnalyzeLater(AnalysisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = context.View;
        var result = new PendingDiagnostics();
        var states = new Dictionary<string, PathState>(WorkspacePaths.Comparer);

        var suggestions = new Suggestions();
        foreach (var link in view.Index.Links)
        {
            // A reference link's destination is checked once, on its definition.
            if (link.Node.Kind != LinkKind.Reference)
            {
                Check(view, context.SiteRoot, states, suggestions, link.Node.Destination, link.Target, link.Node.TargetRange, result);
            }
        }

        // A definition no link uses sends no reader anywhere (templates leave "[alternatives]: #alternatives" behind
        // when a section is renamed or dropped): its target is not checked.
        var used = view.Index.Links
            .Where(l => l.Node.Kind == LinkKind.Reference)
            .Select(l => view.Index.FindReferenceDefinition(l.Node.Label))
            .OfType<LinkReferenceDefinition>()
            .ToHashSet(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < view.Index.ReferenceDefinitions.Length; i++)
        {
            var definition = view.Index.ReferenceDefinitions[i];
            if (!used.Contains(definition))
            {
                continue;
            }

            Check(view, context.SiteRoot, states, suggestions, definition.Destination, view.Index.ReferenceDefinitionTargets[i], definition.DestinationRange, result);
        }

        foreach (var reference in ReferenceLinkScanner.Find(context.Document, label => view.Index.FindReferenceDefinition(label) is null).Where(r => !r.IsTagPair))
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new SpecDiagnostic(
                reference.LabelRange,
                DiagnosticSeverity.Warning,
                DiagnosticCodes.UndefinedReference,
                $"No link reference definition for [{reference.Label}]: add a line '[{reference.Label}]: URL'."));
        }

        return result;
    }

    /// <summary>
    /// The closest anchor of <paramref name="file"/> to <paramref name="fragment"/> by edit distance, when it is close
    /// enough to be what the author meant (at most half the fragment's length away), else null.
    /// </summary>
    public static string? FindClosestAnchor(FileIndex file, string fragment)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (fragment.Length > 200)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        string lower = fragment.ToLowerInvariant();
        foreach (var anchor in file.Headings.Select(h => h.Anchor).Concat(file.ExplicitAnchors.Select(a => a.Name)))
        {
            int distance = EditDistance.Compute(lower, anchor, bestDistance);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = anchor;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, fragment.Length / 2) ? best : null;
    }

    /// <summary>
    /// The file a link to a missing <paramref name="path"/> still reaches, as static site generators build it: the
    /// Markdown source of a <c>.html</c> page (<c>page.html</c> from <c>page.md</c>), or of an extension-less route
    /// (<c>guides/setup</c> from <c>guides/setup.md</c>), or a folder's <c>index.html</c> from its <c>README.md</c>.
    /// Null when there is none.
    /// </summary>
    public static string? FindSourceFile(WorkspaceIndex workspace, string path)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(path);
        string name = WorkspacePaths.GetFileName(path);
        string? candidate = name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? path[..^5] + ".md"
            : name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? path[..^4] + ".md"
            : name.Length > 0 && !name.Contains('.', StringComparison.Ordinal) ? path + ".md"
            : null;
        if (candidate is not null && workspace.GetPathState(candidate) == PathState.File)
        {
            return candidate;
        }

        // A folder's index.html is built from its README.md (mdBook, Jekyll, Docusaurus).
        if (name.Equals("index.html", StringComparison.OrdinalIgnoreCase) || name.Equals("index.htm", StringComparison.OrdinalIgnoreCase))
        {
            string readme = path[..^name.Length] + "README.md";
            return workspace.GetPathState(readme) == PathState.File ? readme : null;
        }

        return null;
    }

    private static void Check(
        DocumentView view, string? siteRoot, Dictionary<string, PathState> states, Suggestions suggestions, string? destination, LinkTarget target, TextRange range, PendingDiagnostics result)
    {
        if (target.Kind is LinkTargetKind.External or LinkTargetKind.Outside)
        {
            return;
        }

        // Not a path on disk: a site generator's alias (Docusaurus "@site/static/…") or a template variable
        // ("{{JIRA_BOARD_URL}}") that a later step fills in.
        if (destination is not null && (destination.StartsWith('@') || destination.Contains("{{", StringComparison.Ordinal)))
        {
            return;
        }

        string? fragment = target.Fragment is { Length: > 0 } f && !IsAlwaysValid(f) ? f : null;
        if (target.Kind == LinkTargetKind.File && view.Path is not null && !view.IsSelf(target.Path))
        {
            // Another file: whether it exists and what anchors it has are asked of the workspace once it is
            // complete (the disk included), with nothing of this document kept.
            var fragmentRange = fragment is null ? range : FragmentRange(view.Document.Source, range, destination);
            result.Later(new LinkTargetQuestion(view.Path, destination, target.Path!, target.IsRootRelative, fragment, range, fragmentRange, siteRoot));
            return;
        }

        if (target.Kind == LinkTargetKind.File)
        {
            var state = GetState(states, path => view.Workspace.GetPathState(path), target.Path!);
            if (FileProblem(view.Path, view.Workspace, siteRoot, states, destination, ref target, ref state, range) is { } problem)
            {
                result.Add(problem);
                return;
            }

            if (state != PathState.File || !WorkspacePaths.IsMarkdown(target.Path!))
            {
                return;
            }
        }

        if (fragment is null)
        {
            return;
        }

        if (target.Kind == LinkTargetKind.File && !view.IsSelf(target.Path))
        {
            if (view.Workspace.GetFile(target.Path!) is { UnreadableReason: null } other
                && CheckAnchor(other, LinkTargetKind.File, fragment, FragmentRange(view.Document.Source, range, destination), suggestions.OtherFiles) is { } brokenThere)
            {
                result.Add(brokenThere);
            }

            return;
        }

        if (view.GetTargetFile(target) is { } file && CheckAnchor(file, target.Kind, fragment, FragmentRange(view.Document.Source, range, destination), suggestions.ThisFile) is { } broken)
        {
            result.Add(broken);
        }
    }

    // A link to another file, answered from the complete workspace: the same rules as Check, in the same order.
    internal static SpecDiagnostic? AnswerLink(LinkTargetQuestion question, QuestionAnswers answers)
    {
        var workspace = answers.Workspace;
        var states = answers.Scratch.States;
        var target = new LinkTarget(LinkTargetKind.File, question.TargetPath, question.Fragment) { IsRootRelative = question.IsRootRelative };
        var state = GetState(states, workspace.GetPathState, target.Path!);
        if (FileProblem(question.DocumentPath, workspace, question.SiteRoot, states, question.Destination, ref target, ref state, question.Range) is { } problem)
        {
            return problem;
        }

        if (state != PathState.File || !WorkspacePaths.IsMarkdown(target.Path!) || question.Fragment is not { } fragment)
        {
            return null;
        }

        // A page built from this document's own source ("page.html" from "page.md") is this document.
        bool self = WorkspacePaths.Comparer.Equals(target.Path, question.DocumentPath);
        var file = self ? answers.Self(target.Path!) : workspace.GetFile(target.Path!);
        return file is { UnreadableReason: null }
            ? CheckAnchor(file, LinkTargetKind.File, fragment, question.FragmentRange, answers.Scratch.Suggestions)
            : null;
    }

    // The broken-link of a file target, with the target and its state moved to the Markdown source or the site root
    // where the link reaches one; null when the file is there (or nobody can tell).
    private static SpecDiagnostic? FileProblem(
        string? documentPath, WorkspaceIndex workspace, string? siteRoot, Dictionary<string, PathState> states, string? destination, ref LinkTarget target, ref PathState state, TextRange range)
    {
        if (state == PathState.Missing && FindSourceFile(workspace, target.Path!) is { } source)
        {
            target = target with { Path = source };
            state = PathState.File;
        }

        if (state == PathState.Missing && target.IsRootRelative)
        {
            // "/guides/x/" is a route of the published site: without the site's root folder nobody can tell.
            if (siteRoot is null || MapToSiteRoot(documentPath, workspace.Roots, siteRoot, target.Path!) is not { } mapped)
            {
                state = PathState.Outside;
                return null;
            }

            var mappedState = GetState(states, workspace.GetPathState, mapped);
            if (mappedState == PathState.Missing && FindSourceFile(workspace, mapped) is { } mappedSource)
            {
                mapped = mappedSource;
                mappedState = PathState.File;
            }

            target = target with { Path = mapped };
            state = mappedState;
            if (state == PathState.Missing)
            {
                return new SpecDiagnostic(range, DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, $"File '{destination?.Split('#', '?')[0] ?? mapped}' does not exist under the site root '{siteRoot}'.")
                {
                    Data = ImmutableDictionary<string, string>.Empty.Add(PathKey, mapped),
                };
            }
        }

        if (state == PathState.Missing)
        {
            var relative = WorkspacePaths.GetRelativePath(WorkspacePaths.GetDirectory(documentPath!), target.Path!);
            return new SpecDiagnostic(range, DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, $"File '{relative}' does not exist.")
            {
                Data = ImmutableDictionary<string, string>.Empty.Add(PathKey, target.Path!),
            };
        }

        return null;
    }

    // broken-anchor for a fragment of file, or null when the file has the anchor.
    private static SpecDiagnostic? CheckAnchor(
        FileIndex file, LinkTargetKind kind, string fragment, TextRange fragmentRange, Dictionary<(FileIndex File, string Fragment), string?> suggestions)
    {
        if (file.HasAnchor(fragment) || (fragment.StartsWith("user-content-", StringComparison.Ordinal) && file.HasAnchor(fragment["user-content-".Length..])))
        {
            return null;
        }

        var where = kind == LinkTargetKind.SameDocument ? "this document" : $"'{WorkspacePaths.GetFileName(file.Path)}'";
        var data = ImmutableDictionary<string, string>.Empty.Add(FragmentKey, fragment);
        if (!suggestions.TryGetValue((file, fragment), out var suggestion))
        {
            suggestions[(file, fragment)] = suggestion = FindClosestAnchor(file, fragment);
        }

        var message = $"No heading or anchor '#{fragment}' in {where}{(suggestion is not null && suggestion.Equals(fragment, StringComparison.OrdinalIgnoreCase) ? " (HTML ids match case-sensitively)" : string.Empty)}.";
        if (suggestion is not null)
        {
            data = data.Add(SuggestionKey, suggestion);
            message += $" Did you mean '#{suggestion}'?";
        }

        return new SpecDiagnostic(fragmentRange, DiagnosticSeverity.Warning, DiagnosticCodes.BrokenAnchor, message) { Data = data };
    }

    private static PathState GetState(Dictionary<string, PathState> states, Func<string, PathState> ask, string path)
    {
        if (!states.TryGetValue(path, out var state))
        {
            states[path] = state = ask(path);
        }

        return state;
    }

    // The path of a site-root link under the configured site root, inside the document's workspace folder.
    private static string? MapToSiteRoot(string? documentPath, ImmutableArray<string> roots, string siteRoot, string resolved)
    {
        if (documentPath is null || WorkspacePaths.FindRoot(documentPath, roots) is not { } root)
        {
            return null;
        }

        var site = WorkspacePaths.Combine(root, siteRoot);
        var relative = resolved.Length > root.Length ? resolved[(root.Length + 1)..] : string.Empty;
        var mapped = site is null ? null : WorkspacePaths.Combine(site, relative);
        return mapped is not null && WorkspacePaths.FindRoot(mapped, roots) is not null ? mapped : null;
    }

    /// <summary>The range of the <c>#fragment</c> inside a destination's range, when the text there is the destination as written.</summary>
    internal static TextRange FragmentRange(SourceText source, TextRange destinationRange, string? destination)
    {
        if (destination is null || destinationRange.Start.Line != destinationRange.End.Line || source.GetText(destinationRange) != destination)
        {
            return destinationRange;
        }

        int hash = destination.IndexOf('#');
        return hash < 0 ? destinationRange : destinationRange with { Start = destinationRange.Start with { Character = destinationRange.Start.Character + hash } };
    }

    // GitHub scrolls to the top for "#top" and to a line for "#L12" in rendered Markdown's source view.
    private static bool IsAlwaysValid(string fragment) =>
        fragment.Equals("top", StringComparison.OrdinalIgnoreCase)
        || (fragment.Length > 1 && fragment[0] == 'L' && char.IsAsciiDigit(fragment[1]));

    // The same broken fragment tends to repeat (a "#overview" in every section); its suggestion is searched once. The
    // questions for other files keep a cache of their own, so none of them holds this document's index entry.
    private sealed class Suggestions
    {
        public Dictionary<(FileIndex File, string Fragment), string?> ThisFile { get; } = [];

        public Dictionary<(FileIndex File, string Fragment), string?> OtherFiles { get; } = [];
    }
}
