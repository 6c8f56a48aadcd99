using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Configuration;

/// <summary>The outcome of reading <c>.speclsp.yaml</c>.</summary>
/// <param name="Settings">The settings read; a key with a bad value is left out (its default applies).</param>
/// <param name="Diagnostics">Problems in the file, each with code <c>invalid-configuration</c>.</param>
public sealed record ConfigurationParseResult(ConfigurationSettings Settings, ImmutableArray<SpecDiagnostic> Diagnostics);

/// <summary>
/// Reads <c>.speclsp.yaml</c>. A file that is not YAML, or not a mapping, yields one error and no settings (so
/// the defaults apply); an unknown key or a bad value yields a diagnostic on it and the other keys still apply.
/// </summary>
public static class ConfigurationParser
{
    /// <summary>The keys of the file (and of the client's <c>speclsp</c> settings section).</summary>
    public static readonly ImmutableArray<string> Keys = ["specs", "exclude", "templatesFolder", "templates", "severity", "maxDiagnosticsPerDocument"];

    /// <summary>Every diagnostic code a severity can be set for.</summary>
    public static readonly ImmutableHashSet<string> KnownCodes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(DiagnosticCodes.Source))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="text"/>. Never throws.</summary>
    public static ConfigurationParseResult Parse(string text)
    {
        var diagnostics = ImmutableArray.CreateBuilder<SpecDiagnostic>();
        var loaded = GuardedYaml.Load(text);
        if (loaded.Error is not null)
        {
            diagnostics.Add(Error(loaded.ErrorRange, $"Invalid configuration, defaults are used: {loaded.Error}"));
            return new ConfigurationParseResult(new ConfigurationSettings(), diagnostics.ToImmutable());
        }

        if (loaded.Value is null)
        {
            return new ConfigurationParseResult(new ConfigurationSettings(), []);
        }

        if (loaded.Value is not YamlMappingValue root)
        {
            diagnostics.Add(Error(loaded.Value.Range, "Invalid configuration, defaults are used: the file should be a mapping of settings (key: value)."));
            return new ConfigurationParseResult(new ConfigurationSettings(), diagnostics.ToImmutable());
        }

        var settings = new ConfigurationSettings();
        foreach (var (key, value) in root.Entries)
        {
            switch (key.Value)
            {
                case "specs":
                    settings = settings with { Specs = ReadGlobs(value, "specs", diagnostics) };
                    break;
                case "exclude":
                    settings = settings with { Exclude = ReadGlobs(value, "exclude", diagnostics) };
                    break;
                case "templatesFolder":
                    settings = settings with { TemplatesFolder = ReadFolder(value, diagnostics) };
                    break;
                case "templates":
                    settings = settings with { Templates = ReadTemplateMap(value, diagnostics) };
                    break;
                case "severity":
                    settings = settings with { Severity = ReadSeverity(value, diagnostics) };
                    break;
                case "maxDiagnosticsPerDocument":
                    settings = settings with { MaxDiagnosticsPerDocument = ReadMax(value, diagnostics) };
                    break;
                default:
                    diagnostics.Add(Warning(key.Range, $"Unknown setting '{key.Value}'; known settings are {string.Join(", ", Keys)}."));
                    break;
            }
        }

        return new ConfigurationParseResult(settings, diagnostics.ToImmutable());
    }

    /// <summary>Parses a maximum given as text; null unless a whole number from 1 to 100000.</summary>
    public static int? ParseMax(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int max) && max is >= 1 and <= 100_000 ? max : null;

    private static ImmutableArray<string>? ReadGlobs(YamlValue value, string key, ImmutableArray<SpecDiagnostic>.Builder diagnostics)
    {
        var items = value is YamlSequenceValue sequence ? sequence.Items : [value];
        var globs = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            if (GuardedYaml.AsString(item) is { Length: > 0 } pattern && Glob.Get(pattern) is not null)
            {
                globs.Add(pattern);
            }
            else
            {
                diagnostics.Add(Warning(item.Range, $"'{key}' expects glob patterns such as \"specs/**/*.md\"."));
            }
        }

        return globs.Count == 0 ? null : globs.ToImmutable();
    }

    private static string? ReadFolder(YamlValue value, ImmutableArray<SpecDiagnostic>.Builder diagnostics)
    {
        if (GuardedYaml.AsString(value) is { Length: > 0 } folder && folder.IndexOfAny(Path.GetInvalidPathChars()) < 0)
        {
            return folder;
        }

        diagnostics.Add(Warning(value.Range, "'templatesFolder' expects a folder path relative to the workspace root, such as \".spec/templates\"."));
        return null;
    }

    private static ImmutableArray<KeyValuePair<string, string>>? ReadTemplateMap(YamlValue value, ImmutableArray<SpecDiagnostic>.Builder diagnostics)
    {
        if (value is not YamlMappingValue mapping)
        {
            diagnostics.Add(Warning(value.Range, "'templates' expects a mapping of glob to template name, such as \"docs/specs/**: detailed\"."));
            return null;
        }

        var map = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var (glob, name) in mapping.Entries)
        {
            if (Glob.Get(glob.Value) is null)
            {
                diagnostics.Add(Warning(glob.Range, $"'{glob.Value}' is not a valid glob."));
            }
            else if (GuardedYaml.AsString(name) is not { Length: > 0 } template)
            {
                diagnostics.Add(Warning(name.Range, "Expected a template name."));
            }
            else
            {
                map.Add(new(glob.Value, template.Trim()));
            }
        }

        return map.ToImmutable();
    }

    private static ImmutableDictionary<string, DiagnosticLevel>? ReadSeverity(YamlValue value, ImmutableArray<SpecDiagnostic>.Builder diagnostics)
    {
        if (value is not YamlMappingValue mapping)
        {
            diagnostics.Add(Warning(value.Range, "'severity' expects a mapping of diagnostic code to level, such as \"empty-section: hint\"."));
            return null;
        }

        var levels = ImmutableDictionary.CreateBuilder<string, DiagnosticLevel>(StringComparer.Ordinal);
        foreach (var (code, level) in mapping.Entries)
        {
            if (!KnownCodes.Contains(code.Value))
            {
                diagnostics.Add(Warning(code.Range, $"Unknown diagnostic code '{code.Value}'."));
            }
            else if (!SpecLspConfiguration.TryParseLevel(GuardedYaml.AsString(level) ?? (level as YamlScalarValue)?.Value, out var parsed))
            {
                diagnostics.Add(Warning(level.Range, $"Unknown level for '{code.Value}'; use off, hint, information, warning or error."));
            }
            else
            {
                levels[code.Value] = parsed;
            }
        }

        return levels.ToImmutable();
    }

    private static int? ReadMax(YamlValue value, ImmutableArray<SpecDiagnostic>.Builder diagnostics)
    {
        var max = ParseMax(GuardedYaml.AsString(value));
        if (max is null)
        {
            diagnostics.Add(Warning(value.Range, "'maxDiagnosticsPerDocument' expects a whole number from 1 to 100000."));
        }

        return max;
    }

    private static SpecDiagnostic Error(TextRange range, string message) =>
        new(range, DiagnosticSeverity.Error, DiagnosticCodes.InvalidConfiguration, message);

    private static SpecDiagnostic Warning(TextRange range, string message) =>
        new(range, DiagnosticSeverity.Warning, DiagnosticCodes.InvalidConfiguration, message);
}
