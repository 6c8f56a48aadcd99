using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;
using SpecLsp.Core.Yaml;

namespace SpecLsp.Core.Configuration;

/// <summary>The outcome of reading <c>.speclsp.yaml</c>.</summary>
/// <param name="Settings">The settings read; a key with a bad value is left out (its default applies).</param>
/// <param name="Diagnostics">Problems in the file, each with code <c>invalid-configuration</c>.</param>
public sealed record ConfigurationParseResult(ConfigurationSettings Settings, ImmutableArray<SpecDiagnostic> Diagnostics);

/// <summary>
/// Reads <c>.speclsp.yaml</c> through <see cref="SafeYaml"/> (the guards of front matter: size, depth,
/// aliases). A file that is not YAML, or not a mapping, yields one error and no settings (so the defaults
/// apply); an unknown key or a bad value yields a diagnostic on it and the other keys still apply.
/// </summary>
public static class ConfigurationParser
{
    /// <summary>The keys of the file (and of the client's <c>speclsp</c> settings section).</summary>
    public static readonly ImmutableArray<string> Keys = ["specs", "exclude", "templatesFolder", "templates", "severity", "maxDiagnosticsPerDocument", "siteRoot"];

    /// <summary>Every diagnostic code a severity can be set for.</summary>
    public static readonly ImmutableHashSet<string> KnownCodes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(DiagnosticCodes.Source))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="text"/>. Never throws.</summary>
    public static ConfigurationParseResult Parse(string text)
    {
        var reader = new Reader(SourceText.From(text));
        var loaded = SafeYaml.Load(text);
        if (loaded.Error is { } error)
        {
            reader.Error(reader.RangeOf(error.Start, error.End), $"Invalid configuration, defaults are used: {error.Message}");
            return new ConfigurationParseResult(new ConfigurationSettings(), reader.Diagnostics.ToImmutable());
        }

        if (loaded.Root is null || (loaded.Root is SafeYamlScalar { IsPlain: true } empty && AsString(empty) is null))
        {
            return new ConfigurationParseResult(new ConfigurationSettings(), []);
        }

        if (loaded.Root is not SafeYamlMapping root)
        {
            reader.Error(reader.RangeOf(loaded.Root), "Invalid configuration, defaults are used: the file should be a mapping of settings (key: value).");
            return new ConfigurationParseResult(new ConfigurationSettings(), reader.Diagnostics.ToImmutable());
        }

        var settings = new ConfigurationSettings();
        foreach (var (keyNode, value) in root.Entries)
        {
            string? key = (keyNode as SafeYamlScalar)?.Value;
            switch (key)
            {
                case "specs":
                    settings = settings with { Specs = reader.ReadGlobs(value, "specs") };
                    break;
                case "exclude":
                    settings = settings with { Exclude = reader.ReadGlobs(value, "exclude") };
                    break;
                case "templatesFolder":
                    settings = settings with { TemplatesFolder = reader.ReadFolder(value, "templatesFolder", ".spec/templates") };
                    break;
                case "templates":
                    settings = settings with { Templates = reader.ReadTemplateMap(value) };
                    break;
                case "severity":
                    settings = settings with { Severity = reader.ReadSeverity(value) };
                    break;
                case "maxDiagnosticsPerDocument":
                    settings = settings with { MaxDiagnosticsPerDocument = reader.ReadMax(value) };
                    break;
                case "siteRoot":
                    settings = settings with { SiteRoot = reader.ReadFolder(value, "siteRoot", "docs") };
                    break;
                default:
                    reader.Warning(reader.RangeOf(keyNode), $"Unknown setting '{key}'; known settings are {string.Join(", ", Keys)}.");
                    break;
            }
        }

        return new ConfigurationParseResult(settings, reader.Diagnostics.ToImmutable());
    }

    /// <summary>The text of a scalar <paramref name="node"/>, or null for a non-scalar or a YAML null.</summary>
    public static string? AsString(SafeYamlNode? node) =>
        node is SafeYamlScalar scalar && !(scalar.IsPlain && scalar.Value is "" or "~" or "null" or "Null" or "NULL") ? scalar.Value : null;

    /// <summary>Parses a maximum given as text; null unless a whole number from 1 to 100000.</summary>
    public static int? ParseMax(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int max) && max is >= 1 and <= 100_000 ? max : null;

    private sealed class Reader(SourceText source)
    {
        public ImmutableArray<SpecDiagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<SpecDiagnostic>();

        public ImmutableArray<string>? ReadGlobs(SafeYamlNode value, string key)
        {
            var items = value is SafeYamlSequence sequence ? sequence.Items : [value];
            var globs = ImmutableArray.CreateBuilder<string>();
            foreach (var item in items)
            {
                if (AsString(item) is { Length: > 0 } pattern && Glob.Get(pattern) is not null)
                {
                    globs.Add(pattern);
                }
                else
                {
                    Warning(RangeOf(item), $"'{key}' expects glob patterns such as \"specs/**/*.md\".");
                }
            }

            return globs.Count == 0 ? null : globs.ToImmutable();
        }

        public string? ReadFolder(SafeYamlNode value, string key, string example)
        {
            if (AsString(value) is { Length: > 0 } folder && folder.IndexOfAny(Path.GetInvalidPathChars()) < 0)
            {
                return folder;
            }

            Warning(RangeOf(value), $"'{key}' expects a folder path relative to the workspace root, such as \"{example}\".");
            return null;
        }

        public ImmutableArray<KeyValuePair<string, string>>? ReadTemplateMap(SafeYamlNode value)
        {
            if (value is not SafeYamlMapping mapping)
            {
                Warning(RangeOf(value), "'templates' expects a mapping of glob to template name, such as \"docs/specs/**: detailed\".");
                return null;
            }

            var map = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            foreach (var (glob, name) in mapping.Entries)
            {
                string pattern = AsString(glob) ?? string.Empty;
                if (Glob.Get(pattern) is null)
                {
                    Warning(RangeOf(glob), $"'{pattern}' is not a valid glob.");
                }
                else if (AsString(name) is not { Length: > 0 } template)
                {
                    Warning(RangeOf(name), "Expected a template name.");
                }
                else
                {
                    map.Add(new(pattern, template.Trim()));
                }
            }

            return map.ToImmutable();
        }

        public ImmutableDictionary<string, DiagnosticLevel>? ReadSeverity(SafeYamlNode value)
        {
            if (value is not SafeYamlMapping mapping)
            {
                Warning(RangeOf(value), "'severity' expects a mapping of diagnostic code to level, such as \"empty-section: hint\".");
                return null;
            }

            var levels = ImmutableDictionary.CreateBuilder<string, DiagnosticLevel>(StringComparer.Ordinal);
            foreach (var (codeNode, level) in mapping.Entries)
            {
                string code = AsString(codeNode) ?? string.Empty;
                if (!KnownCodes.Contains(code))
                {
                    Warning(RangeOf(codeNode), $"Unknown diagnostic code '{code}'.");
                }
                else if (!SpecLspConfiguration.TryParseLevel((level as SafeYamlScalar)?.Value, out var parsed))
                {
                    Warning(RangeOf(level), $"Unknown level for '{code}'; use off, hint, information, warning or error.");
                }
                else
                {
                    levels[code] = parsed;
                }
            }

            return levels.ToImmutable();
        }

        public int? ReadMax(SafeYamlNode value)
        {
            var max = ParseMax(AsString(value));
            if (max is null)
            {
                Warning(RangeOf(value), "'maxDiagnosticsPerDocument' expects a whole number from 1 to 100000.");
            }

            return max;
        }

        public void Error(TextRange range, string message) =>
            Diagnostics.Add(new(range, DiagnosticSeverity.Error, DiagnosticCodes.InvalidConfiguration, message));

        public void Warning(TextRange range, string message) =>
            Diagnostics.Add(new(range, DiagnosticSeverity.Warning, DiagnosticCodes.InvalidConfiguration, message));

        public TextRange RangeOf(SafeYamlNode node) => RangeOf(node.Start, node.End);

        public TextRange RangeOf(int start, int end) => source.GetRange(Math.Clamp(start, 0, source.Length), Math.Clamp(end, start, source.Length));
    }
}
