using System.Collections.Immutable;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Diagnostics;

namespace SpecLsp.Core.Templates;

/// <summary>What loading a workspace's configuration gave.</summary>
/// <param name="Environment">The templates and effective configuration.</param>
/// <param name="ConfigurationFile">The full path of <c>.speclsp.yaml</c>, or null when there is none.</param>
/// <param name="Diagnostics">Problems in that file (code <c>invalid-configuration</c>), ranges in it.</param>
/// <param name="ConfigurationText">The text of that file as read, for mapping the ranges; null when there is none.</param>
public sealed record LoadedEnvironment(TemplateEnvironment Environment, string? ConfigurationFile, ImmutableArray<SpecDiagnostic> Diagnostics, string? ConfigurationText);

/// <summary>Reads a workspace's <c>.speclsp.yaml</c> and templates folder from disk.</summary>
public static class TemplateEnvironmentLoader
{
    /// <summary>
    /// The environment of the workspace at <paramref name="workspaceRoot"/> (null: built-in templates and
    /// <paramref name="clientSettings"/> only): <c>.speclsp.yaml</c> laid over the client's settings, and the
    /// templates of the configured folder. Never throws; an unreadable file counts as absent.
    /// </summary>
    /// <param name="workspaceRoot">The workspace root folder, or null.</param>
    /// <param name="clientSettings">The client's settings, laid under the file's.</param>
    /// <param name="configurationFile">A configuration file to read instead of <c>.speclsp.yaml</c> at the root (<c>speclsp check --config</c>).</param>
    public static LoadedEnvironment Load(string? workspaceRoot, ConfigurationSettings? clientSettings = null, string? configurationFile = null)
    {
        ConfigurationSettings? fileSettings = null;
        string? file = null;
        string? text = null;
        var diagnostics = ImmutableArray<SpecDiagnostic>.Empty;
        if (workspaceRoot is not null)
        {
            string path = configurationFile ?? Path.Combine(workspaceRoot, SpecLspConfiguration.FileName);
            if (File.Exists(path))
            {
                file = path;
                try
                {
                    text = File.ReadAllText(path);
                    var parsed = ConfigurationParser.Parse(text);
                    fileSettings = parsed.Settings;
                    diagnostics = parsed.Diagnostics;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    diagnostics = [new SpecDiagnostic(default, DiagnosticSeverity.Error, DiagnosticCodes.InvalidConfiguration, $"Cannot read the configuration, defaults are used: {ex.Message}")];
                }
            }
        }

        var configuration = SpecLspConfiguration.Merge(clientSettings, fileSettings);
        string? folder = workspaceRoot is null && !Path.IsPathRooted(configuration.TemplatesFolder)
            ? null
            : Path.GetFullPath(Path.Combine(workspaceRoot ?? string.Empty, configuration.TemplatesFolder));
        var catalog = folder is null ? TemplateCatalog.BuiltIn : TemplateCatalog.LoadFolder(folder);
        return new LoadedEnvironment(new TemplateEnvironment(catalog, configuration, workspaceRoot), file, diagnostics, text);
    }

    /// <summary>The nearest folder at or above <paramref name="filePath"/>'s folder that holds <c>.speclsp.yaml</c>, or null.</summary>
    public static string? FindWorkspaceRoot(string filePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath));
        while (!string.IsNullOrEmpty(directory))
        {
            if (File.Exists(Path.Combine(directory, SpecLspConfiguration.FileName)))
            {
                return directory;
            }

            directory = Path.GetDirectoryName(directory);
        }

        return null;
    }
}
