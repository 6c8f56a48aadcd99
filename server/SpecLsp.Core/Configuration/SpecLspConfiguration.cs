using System.Collections.Immutable;

namespace SpecLsp.Core.Configuration;

/// <summary>What a user can set for a diagnostic code.</summary>
public enum DiagnosticLevel
{
    /// <summary>Not reported.</summary>
    Off,

    /// <summary>Reported as a hint.</summary>
    Hint,

    /// <summary>Reported as information.</summary>
    Information,

    /// <summary>Reported as a warning.</summary>
    Warning,

    /// <summary>Reported as an error.</summary>
    Error,
}

/// <summary>
/// One layer of settings, as read from <c>.speclsp.yaml</c> or from the client's <c>speclsp</c> section: every
/// value is optional, and <see cref="SpecLspConfiguration.Merge"/> lays layers over the defaults.
/// </summary>
public sealed record ConfigurationSettings
{
    /// <summary>Globs of the files that are specs.</summary>
    public ImmutableArray<string>? Specs { get; init; }

    /// <summary>Globs of files that are never specs.</summary>
    public ImmutableArray<string>? Exclude { get; init; }

    /// <summary>The templates folder, relative to the workspace root.</summary>
    public string? TemplatesFolder { get; init; }

    /// <summary>Glob to template name, first match wins.</summary>
    public ImmutableArray<KeyValuePair<string, string>>? Templates { get; init; }

    /// <summary>Level per diagnostic code; merged key by key.</summary>
    public ImmutableDictionary<string, DiagnosticLevel>? Severity { get; init; }

    /// <summary>The most diagnostics reported for one document.</summary>
    public int? MaxDiagnosticsPerDocument { get; init; }

    /// <summary>The folder, relative to the workspace root, that a site-root link <c>/x</c> means.</summary>
    public string? SiteRoot { get; init; }
}

/// <summary>The effective configuration of a workspace. Immutable.</summary>
public sealed record SpecLspConfiguration
{
    /// <summary>The name of the configuration file at the workspace root.</summary>
    public const string FileName = ".speclsp.yaml";

    /// <summary>The defaults.</summary>
    public static SpecLspConfiguration Default { get; } = new();

    /// <summary>Globs of the files that are specs; default <c>**/*.md</c>.</summary>
    public ImmutableArray<string> Specs { get; init; } = ["**/*.md"];

    /// <summary>
    /// Globs of files that are never specs; default <c>node_modules</c>, hidden folders (<c>.git</c>, <c>.spec</c>…)
    /// and templates themselves (a <c>templates</c> folder, or one named so in another language as translated
    /// documentation does, <c>*-template.md</c>), whose placeholders and sample links are there on purpose.
    /// </summary>
    public ImmutableArray<string> Exclude { get; init; } = ["**/node_modules/**", "**/.*/**", TemplatesFolders, "**/*-template.md"];

    /// <summary>
    /// The default exclusion of templates folders: <c>templates</c> and its name in the languages translated
    /// documentation uses (Spanish, French, Welsh, German, Japanese, Korean, Turkish, Russian, Chinese).
    /// </summary>
    public const string TemplatesFolders = "**/{templates,plantillas,modèles,templedi,vorlagen,テンプレート,템플릿,şablonlar,шаблоны,模板}/**";

    /// <summary>The templates folder relative to the workspace root; default <c>.spec/templates</c>.</summary>
    public string TemplatesFolder { get; init; } = ".spec/templates";

    /// <summary>Glob to template name; the first glob that matches a spec's path chooses its template.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Templates { get; init; } = [];

    /// <summary>Level per diagnostic code; codes not listed keep their default severity.</summary>
    public ImmutableDictionary<string, DiagnosticLevel> Severity { get; init; } = ImmutableDictionary<string, DiagnosticLevel>.Empty;

    /// <summary>The most diagnostics reported for one document; default 1000.</summary>
    public int MaxDiagnosticsPerDocument { get; init; } = 1000;

    /// <summary>
    /// The folder, relative to the workspace root, that site-root links (<c>/guides/x/</c>) resolve in; default null:
    /// a site-root link that no file matches is not reported, since without the site's layout nobody can tell.
    /// </summary>
    public string? SiteRoot { get; init; }

    /// <summary>The defaults with <paramref name="layers"/> laid over them in order (a later layer wins; severities merge by code).</summary>
    public static SpecLspConfiguration Merge(params ConfigurationSettings?[] layers)
    {
        var result = Default;
        foreach (var layer in layers)
        {
            if (layer is null)
            {
                continue;
            }

            var severity = result.Severity;
            if (layer.Severity is { } levels)
            {
                severity = severity.SetItems(levels);
            }

            result = result with
            {
                Specs = layer.Specs ?? result.Specs,
                Exclude = layer.Exclude ?? result.Exclude,
                TemplatesFolder = layer.TemplatesFolder ?? result.TemplatesFolder,
                Templates = layer.Templates ?? result.Templates,
                Severity = severity,
                MaxDiagnosticsPerDocument = layer.MaxDiagnosticsPerDocument ?? result.MaxDiagnosticsPerDocument,
                SiteRoot = layer.SiteRoot ?? result.SiteRoot,
            };
        }

        return result;
    }

    /// <summary>True when <paramref name="relativePath"/> (relative to the workspace root) is a spec under these globs.</summary>
    public bool IsSpec(string relativePath)
    {
        bool included = false;
        foreach (var pattern in Specs)
        {
            if (Glob.Get(pattern)?.IsMatch(relativePath) == true)
            {
                included = true;
                break;
            }
        }

        return included && !Exclude.Any(pattern => Glob.Get(pattern)?.IsMatch(relativePath) == true);
    }

    /// <summary>The template name the <see cref="Templates"/> map gives <paramref name="relativePath"/>, or null.</summary>
    public string? TemplateFor(string relativePath)
    {
        foreach (var (pattern, name) in Templates)
        {
            if (Glob.Get(pattern)?.IsMatch(relativePath) == true)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Parses a level name (<c>off</c>, <c>hint</c>, <c>information</c> or <c>info</c>, <c>warning</c>, <c>error</c>).</summary>
    public static bool TryParseLevel(string? text, out DiagnosticLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "off" or "none" or "false":
                level = DiagnosticLevel.Off;
                return true;
            case "hint":
                level = DiagnosticLevel.Hint;
                return true;
            case "information" or "info":
                level = DiagnosticLevel.Information;
                return true;
            case "warning" or "warn":
                level = DiagnosticLevel.Warning;
                return true;
            case "error":
                level = DiagnosticLevel.Error;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
