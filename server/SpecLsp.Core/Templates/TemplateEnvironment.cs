using System.Runtime.CompilerServices;
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

    /// <summary>One line for people: <c>template: detailed (best match, 18/19 sections, score 0.95)</c>.</summary>
    public string Describe()
    {
        string score = $"{Matched}/{Total} sections, score {Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
        return Reason switch
        {
            TemplateChoiceReason.FrontMatter => $"template: {Template!.Name} (front matter, {score})",
            TemplateChoiceReason.Configuration => $"template: {Template!.Name} (configuration, {score})",
            TemplateChoiceReason.BestMatch => $"template: {Template!.Name} (best match, {score})",
            TemplateChoiceReason.UnknownTemplate => $"template: none (unknown template '{RequestedName}')",
            TemplateChoiceReason.NotASpec => "template: none (not a spec under the configured globs)",
            _ => Closest is null ? "template: none (plain Markdown)" : $"template: none (plain Markdown; closest {Closest.Name}, {score})",
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
    /// glob map, else the best match by top-level section titles. A best match needs at least half of the
    /// document's top-level sections known, and two of them or a matching title; otherwise the document is plain Markdown.
    /// </summary>
    /// <remarks>
    /// Scoring reads every template, and the analyzers, completion and code actions all ask for the same document
    /// version: the choice is kept per document (an immutable value) and URI for as long as this environment lives.
    /// </remarks>
    public TemplateChoice Choose(SpecDocument document, string? documentUriOrPath = null)
    {
        if (_choices.TryGetValue(document, out var cached) && cached.Uri == documentUriOrPath)
        {
            return cached.Choice;
        }

        var choice = ChooseUncached(document, documentUriOrPath);
        _choices.AddOrUpdate(document, new CachedChoice(documentUriOrPath, choice));
        return choice;
    }

    private readonly ConditionalWeakTable<SpecDocument, CachedChoice> _choices = [];

    private sealed record CachedChoice(string? Uri, TemplateChoice Choice);

    private TemplateChoice ChooseUncached(SpecDocument document, string? documentUriOrPath)
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

        return BestMatch(document, Catalog);
    }

    /// <summary>The best-matching template of <paramref name="catalog"/> for <paramref name="document"/> (see <see cref="Choose"/>).</summary>
    public static TemplateChoice BestMatch(SpecDocument document, TemplateCatalog catalog)
    {
        SpecTemplate? best = null;
        (double Score, int Matched, int Total) bestScore = default;
        double bestCoverage = -1;
        bool bestTitle = false;
        foreach (var template in catalog.Templates)
        {
            var score = TemplateMatch.Score(document, template);
            double coverage = template.Sections.IsEmpty ? 0 : (double)score.Matched / template.Sections.Length;
            bool title = TitleMatches(document, template);
            bool better = best is null
                || score.Score > bestScore.Score
                || (score.Score == bestScore.Score && (score.Matched > bestScore.Matched
                    || (score.Matched == bestScore.Matched && (coverage > bestCoverage || (coverage == bestCoverage && title && !bestTitle)))));
            if (better)
            {
                best = template;
                bestScore = score;
                bestCoverage = coverage;
                bestTitle = title;
            }
        }

        if (best is null || bestScore.Total == 0)
        {
            return new TemplateChoice(null, TemplateChoiceReason.PlainMarkdown, 0, 0, bestScore.Total);
        }

        bool confident = bestScore.Score >= 0.5 && (bestScore.Matched >= 2 || bestTitle);
        return confident
            ? new TemplateChoice(best, TemplateChoiceReason.BestMatch, bestScore.Score, bestScore.Matched, bestScore.Total)
            : new TemplateChoice(null, TemplateChoiceReason.PlainMarkdown, bestScore.Score, bestScore.Matched, bestScore.Total) { Closest = bestScore.Matched > 0 ? best : null };
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
        return new TemplateChoice(template, reason, score.Score, score.Matched, score.Total, name);
    }

    private static bool TitleMatches(SpecDocument document, SpecTemplate template) =>
        document.Title is { } title && template.Root.Pattern is { MatchesAnything: false } pattern
            ? pattern.IsMatch(SectionTitles.Normalize(title.Title))
            : document.Title is { } t && template.Root.Pattern is null && string.Equals(template.Root.Key, SectionTitles.Normalize(t.Title), StringComparison.Ordinal);
}
