using System.Collections.Immutable;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Templates;

/// <summary>Why a document follows the template it follows, or none.</summary>
public enum TemplateChoiceReason
{
    /// <summary>Its front matter names the template (<c>template: NAME</c>).</summary>
    FrontMatter,

    /// <summary>The configuration's glob-to-template map names it.</summary>
    Configuration,

    /// <summary>Its section titles match the template's best.</summary>
    BestMatch,

    /// <summary>No template matches well enough: plain Markdown, no template diagnostics.</summary>
    PlainMarkdown,

    /// <summary>The name given (front matter or configuration) is not a known template.</summary>
    UnknownTemplate,

    /// <summary>The file is outside the configured spec globs.</summary>
    NotASpec,
}

/// <summary>The template a document follows and how well it matches.</summary>
/// <param name="Template">The template, or null when none applies.</param>
/// <param name="Reason">Why.</param>
/// <param name="Score">The fraction of the document's top-level sections the template knows (0 to 1).</param>
/// <param name="Matched">How many top-level sections it knows.</param>
/// <param name="Total">How many top-level sections the document has.</param>
/// <param name="RequestedName">The name asked for by front matter or configuration, if any.</param>
public sealed record TemplateChoice(SpecTemplate? Template, TemplateChoiceReason Reason, double Score, int Matched, int Total, string? RequestedName = null)
{
    /// <summary>For plain Markdown, the template that came closest; null otherwise.</summary>
    public SpecTemplate? Closest { get; init; }

    /// <summary>For plain Markdown because two templates fit equally well, the other one; null otherwise.</summary>
    public SpecTemplate? RunnerUp { get; init; }

    /// <summary>What ties the document to <see cref="Template"/> (or, for plain Markdown, to <see cref="Closest"/>).</summary>
    public ImmutableArray<TemplateEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// One line for people: <c>template: detailed (best match, 18/19 sections, score 0.95; evidence: title, 15 distinctive sections)</c>.
    /// </summary>
    public string Describe()
    {
        string score = $"{Matched}/{Total} sections, score {Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
        string evidence = Evidence.IsEmpty ? string.Empty : "; evidence: " + string.Join(", ", Evidence.Select(e => e.Detail));
        return Reason switch
        {
            TemplateChoiceReason.FrontMatter => $"template: {Template!.Name} (front matter, {score})",
            TemplateChoiceReason.Configuration => $"template: {Template!.Name} (configuration, {score})",
            TemplateChoiceReason.BestMatch => $"template: {Template!.Name} (best match, {score}{evidence})",
            TemplateChoiceReason.UnknownTemplate => $"template: none (unknown template '{RequestedName}')",
            TemplateChoiceReason.NotASpec => "template: none (not a spec under the configured globs)",
            _ when RunnerUp is not null => $"template: none (plain Markdown; ambiguous: {Closest!.Name} or {RunnerUp.Name} fit equally, {score}{evidence})",
            _ => Closest is null ? "template: none (plain Markdown)" : $"template: none (plain Markdown; closest {Closest.Name}, {score}, too little evidence{evidence})",
        };
    }
}

/// <summary>
/// The templates and configuration of one workspace, and the choice of a document's template. Immutable: a
/// configuration change makes a new environment.
/// </summary>
public sealed class TemplateEnvironment
{
    /// <summary>Built-in templates and default configuration, no workspace root.</summary>
    public static TemplateEnvironment Default { get; } = new(TemplateCatalog.BuiltIn, SpecLspConfiguration.Default, null);

    /// <summary>Creates an environment.</summary>
    public TemplateEnvironment(TemplateCatalog catalog, SpecLspConfiguration configuration, string? workspaceRoot)
    {
        Catalog = catalog;
        Configuration = configuration;
        WorkspaceRoot = workspaceRoot;
    }

    /// <summary>The templates.</summary>
    public TemplateCatalog Catalog { get; }

    /// <summary>The effective configuration.</summary>
    public SpecLspConfiguration Configuration { get; }

    /// <summary>The workspace root folder, or null.</summary>
    public string? WorkspaceRoot { get; }

    /// <summary>
    /// The template <paramref name="document"/> follows: the front matter's <c>template:</c>, else the configured
    /// glob map, else the best match on strong evidence only (see <see cref="BestMatch"/>); otherwise the document is
    /// plain Markdown.
    /// </summary>
    /// <remarks>
    /// Scoring reads every template: callers that ask more than once per version go through
    /// <see cref="Analysis.SpecSnapshot.Choice"/>, which keeps the answer for the environment it was computed in.
    /// </remarks>
    public TemplateChoice Choose(SpecDocument document, string? documentUriOrPath = null)
    {
        string? relative = RelativePath(documentUriOrPath);
        if (relative is not null && !Configuration.IsSpec(relative))
        {
            return new TemplateChoice(null, TemplateChoiceReason.NotASpec, 0, 0, 0);
        }

        if (document.FrontMatter?.Values.TryGetValue("template", out var named) == true && !string.IsNullOrWhiteSpace(named))
        {
            return Named(document, named.Trim(), TemplateChoiceReason.FrontMatter);
        }

        if (relative is not null && Configuration.TemplateFor(relative) is { } mapped)
        {
            return Named(document, mapped, TemplateChoiceReason.Configuration);
        }

        // Path conventions (**/specs/???-*/spec.md) are matched on the whole path, so they hold wherever the root is.
        return BestMatch(document, Catalog, FullPath(documentUriOrPath) ?? relative);
    }

    private static string? FullPath(string? uriOrPath)
    {
        if (string.IsNullOrEmpty(uriOrPath))
        {
            return null;
        }

        if (!uriOrPath.Contains("://", StringComparison.Ordinal))
        {
            return uriOrPath.Replace('\\', '/');
        }

        return Uri.TryCreate(uriOrPath, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath.Replace('\\', '/') : null;
    }

    /// <summary>
    /// The template of <paramref name="catalog"/> that <paramref name="document"/> (at <paramref name="path"/>, relative
    /// to the workspace root with <c>/</c>, if known) follows on strong evidence, or plain Markdown.
    /// </summary>
    /// <remarks>
    /// <para>Evidence for a template: its <b>path</b> convention (<c>**/specs/???-*/spec.md</c>), a <b>marker</b> text
    /// only its documents hold (<c>**Feature Branch**</c>, or in the H1 only, <c>decision record</c>), its <b>title</b> pattern with literal text
    /// (<c>Feature Specification: …</c>; <c># [Feature Name]</c> is no evidence), and its top-level <b>sections</b>:
    /// those known by a fixed title that are not generic headings (<see cref="GenericSections"/>) are distinctive.</para>
    /// <para>A template is a confident match when one of these holds: the path and one more piece of evidence (the
    /// title, a marker or a known section); a marker and the title or a known section; an H1 that names the format
    /// (<c># Architecture Decision Record: Go</c>, see <see cref="SpecTemplate.TitleMarkers"/>); the title and at least half of
    /// the document's top-level sections known (the title narrows the choice to a family, the sections pick one); or, without any of those, at least two
    /// distinctive sections among three known, covering at least half of the document's top-level sections and half
    /// of the template's; or five known sections that are at least 80 % of the document's and 60 % of the template's
    /// (a spec written from the template, even one made of common headings). Two generic headings are never enough.</para>
    /// <para>Among confident templates the strongest wins: path, then marker, then title, then more distinctive
    /// sections, then more known sections, then more known subsections under them (<c>### Purpose</c> under
    /// <c>## Overview</c>), then a workspace template over a built-in one. When the two best are
    /// equal on all of these the match is ambiguous and the document is plain Markdown.</para>
    /// </remarks>
    public static TemplateChoice BestMatch(SpecDocument document, TemplateCatalog catalog, string? path = null)
    {
        Candidate? best = null;
        Candidate? second = null;
        Candidate? closest = null;
        int total = DocumentSections.TopLevel(document).Length;
        foreach (var template in catalog.Templates)
        {
            var candidate = Evaluate(document, template, path);
            if (candidate.Confident)
            {
                if (best is null || candidate.CompareTo(best) > 0)
                {
                    second = best;
                    best = candidate;
                }
                else if (second is null || candidate.CompareTo(second) > 0)
                {
                    second = candidate;
                }
            }
            else if (candidate.Sections.Known > 0 && (closest is null || candidate.CompareTo(closest) > 0))
            {
                closest = candidate;
            }
        }

        if (best is not null && second is not null && best.CompareTo(second) == 0)
        {
            return new TemplateChoice(null, TemplateChoiceReason.PlainMarkdown, best.Sections.Score, best.Sections.Matched, best.Sections.Total)
            {
                Closest = best.Template,
                RunnerUp = second.Template,
                Evidence = best.Evidence,
            };
        }

        if (best is not null)
        {
            return new TemplateChoice(best.Template, TemplateChoiceReason.BestMatch, best.Sections.Score, best.Sections.Matched, best.Sections.Total) { Evidence = best.Evidence };
        }

        return closest is null
            ? new TemplateChoice(null, TemplateChoiceReason.PlainMarkdown, 0, 0, total)
            : new TemplateChoice(null, TemplateChoiceReason.PlainMarkdown, closest.Sections.Score, closest.Sections.Matched, closest.Sections.Total)
            {
                Closest = closest.Template,
                Evidence = closest.Evidence,
            };
    }

    private sealed record Candidate(
        SpecTemplate Template, SectionScore Sections, Lazy<int> Subsections, string? Path, string? Marker, bool Title, bool Confident, ImmutableArray<TemplateEvidence> Evidence)
    {
        public int CompareTo(Candidate other)
        {
            int c = (Path is not null).CompareTo(other.Path is not null);
            c = c != 0 ? c : (Marker is not null).CompareTo(other.Marker is not null);
            c = c != 0 ? c : Title.CompareTo(other.Title);
            c = c != 0 ? c : Sections.Distinctive.Length.CompareTo(other.Sections.Distinctive.Length);
            c = c != 0 ? c : Sections.Known.CompareTo(other.Sections.Known);
            c = c != 0 ? c : Sections.Matched.CompareTo(other.Sections.Matched);
            c = c != 0 ? c : Subsections.Value.CompareTo(other.Subsections.Value);
            return c != 0 ? c : (Template.Origin == TemplateOrigin.Workspace).CompareTo(other.Template.Origin == TemplateOrigin.Workspace);
        }
    }

    private static Candidate Evaluate(SpecDocument document, SpecTemplate template, string? path)
    {
        var sections = TemplateMatch.ScoreSections(document, template);
        string? pathMatch = path is null ? null : template.PathConventions.FirstOrDefault(p => Glob.Get(p)?.IsMatch(path) == true);
        string? titleMarker = document.Title is { } heading ? template.TitleMarkers.FirstOrDefault(t => heading.Title.Contains(t, StringComparison.OrdinalIgnoreCase)) : null;
        string? marker = template.Markers.FirstOrDefault(m => m.Length > 0 && document.Source.Text.Contains(m, StringComparison.Ordinal))
            ?? (titleMarker is null ? null : "'" + titleMarker + "' in the title");
        bool title = TitleMatches(document, template);
        int distinctive = sections.Distinctive.Length;
        double coverage = template.Sections.IsEmpty ? 0 : (double)sections.Known / template.Sections.Length;
        bool confident =
            (pathMatch is not null && (title || marker is not null || sections.Known >= 1))
            || (marker is not null && (title || sections.Known >= 1))
            || titleMarker is not null
            || (title && sections.Known >= 1 && sections.Score >= 0.5)
            || (distinctive >= 2 && sections.Known >= 3 && sections.Score >= 0.5 && coverage >= 0.5)
            || (sections.Known >= 5 && sections.Score >= 0.8 && coverage >= 0.6);

        var evidence = ImmutableArray.CreateBuilder<TemplateEvidence>();
        if (pathMatch is not null)
        {
            evidence.Add(new TemplateEvidence(TemplateEvidenceKind.Path, "path " + pathMatch));
        }

        if (marker is not null)
        {
            evidence.Add(new TemplateEvidence(TemplateEvidenceKind.Marker, "marker " + marker));
        }

        if (title)
        {
            evidence.Add(new TemplateEvidence(TemplateEvidenceKind.Title, "title '" + template.Root.Title + "'"));
        }

        if (sections.Known >= 5 && coverage >= 0.6)
        {
            evidence.Add(new TemplateEvidence(TemplateEvidenceKind.Sections, $"{sections.Known} of its {template.Sections.Length} sections"));
        }

        if (sections.Known > 0)
        {
            evidence.Add(new TemplateEvidence(
                TemplateEvidenceKind.Sections,
                distinctive == 0
                    ? "only generic sections"
                    : distinctive + (distinctive == 1 ? " distinctive section (" : " distinctive sections (") + string.Join(", ", sections.Distinctive.Take(3)) + (distinctive > 3 ? ", …)" : ")")));
        }

        // Subsections the template knows under the known top-level ones (### Purpose under ## Overview) tell apart
        // templates that share their top-level titles; they are not evidence on their own. Counted only when two
        // candidates tie on everything before them: matching the whole tree against each of 18 templates was most
        // of the choice's cost (made for every spec `check` reads and every version of an open document).
        var subsections = new Lazy<int>(() => sections.Known == 0 ? 0 : TemplateMatch.Create(document, template).All()
            .Count(m => m.Parent is not null && m.Template is { Pattern: not { MatchesAnything: true } }), LazyThreadSafetyMode.None);
        return new Candidate(template, sections, subsections, pathMatch, marker, title, confident, evidence.ToImmutable());
    }

    /// <summary>
    /// <paramref name="uriOrPath"/> (a <c>file:</c> URI or a path) relative to the workspace root with <c>/</c>
    /// separators; the whole path when there is no root or the file is outside it; null for null or a non-file URI.
    /// </summary>
    public string? RelativePath(string? uriOrPath)
    {
        if (string.IsNullOrEmpty(uriOrPath))
        {
            return null;
        }

        string path = uriOrPath;
        if (uriOrPath.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(uriOrPath, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                return null;
            }

            path = uri.LocalPath;
        }

        if (WorkspaceRoot is not null && Path.IsPathRooted(path))
        {
            string relative = Path.GetRelativePath(WorkspaceRoot, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                path = relative;
            }
        }

        return path.Replace('\\', '/');
    }

    private TemplateChoice Named(SpecDocument document, string name, TemplateChoiceReason reason)
    {
        var template = Catalog.Find(name);
        if (template is null)
        {
            return new TemplateChoice(null, TemplateChoiceReason.UnknownTemplate, 0, 0, 0, name);
        }

        var score = TemplateMatch.Score(document, template);
        var evidence = reason == TemplateChoiceReason.FrontMatter
            ? new TemplateEvidence(TemplateEvidenceKind.FrontMatter, "front matter template: " + name)
            : new TemplateEvidence(TemplateEvidenceKind.Configuration, "configured templates map: " + name);
        return new TemplateChoice(template, reason, score.Score, score.Matched, score.Total, name) { Evidence = [evidence] };
    }

    // Only a title with literal text is evidence: '# [Feature Name]' fits every document.
    private static bool TitleMatches(SpecDocument document, SpecTemplate template) =>
        document.Title is { } title && template.Root.Pattern is { MatchesAnything: false } pattern
            ? pattern.IsMatch(SectionTitles.Normalize(title.Title))
            : document.Title is { } t && template.Root.Pattern is null && template.Root.Key.Length > 0
                && string.Equals(template.Root.Key, SectionTitles.Normalize(t.Title), StringComparison.Ordinal);
}
