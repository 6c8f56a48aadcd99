using System.Collections.Immutable;
using System.Text.Json;
using SpecLsp.Core.Configuration;

namespace SpecLsp.Server.Templates;

/// <summary>Reads the client's <c>speclsp</c> settings section; a value of the wrong shape is skipped and reported.</summary>
internal static class ClientSettingsReader
{
    public static ConfigurationSettings Read(JsonElement section, List<string> problems)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            return new ConfigurationSettings();
        }

        var settings = new ConfigurationSettings();
        foreach (var property in section.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name)
            {
                case "specs":
                    settings = settings with { Specs = Globs(value, property.Name, problems) };
                    break;
                case "exclude":
                    settings = settings with { Exclude = Globs(value, property.Name, problems) };
                    break;
                case "templatesFolder" when value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } folder:
                    settings = settings with { TemplatesFolder = folder };
                    break;
                case "siteRoot" when value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } siteRoot:
                    settings = settings with { SiteRoot = siteRoot };
                    break;
                case "maxDiagnosticsPerDocument" when value.ValueKind == JsonValueKind.Number && ConfigurationParser.ParseMax(value.GetRawText()) is { } max:
                    settings = settings with { MaxDiagnosticsPerDocument = max };
                    break;
                case "templates" when value.ValueKind == JsonValueKind.Object:
                    settings = settings with
                    {
                        Templates = [.. value.EnumerateObject()
                            .Where(p => p.Value.ValueKind == JsonValueKind.String && Glob.Get(p.Name) is not null)
                            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))],
                    };
                    break;
                case "diagnostics" when value.ValueKind == JsonValueKind.Object && ReadWorkspaceDiagnostics(value) is not null:
                    break;
                case "severity" when value.ValueKind == JsonValueKind.Object:
                    settings = settings with { Severity = Severities(value, problems) };
                    break;
                default:
                    problems.Add($"speclsp.{property.Name}: unknown setting or a value of the wrong type.");
                    break;
            }
        }

        return settings;
    }

    /// <summary>
    /// <c>speclsp.diagnostics.workspace</c>: whether a client without pull support is pushed every indexed spec's
    /// diagnostics (<c>on</c>), or only the open documents' (<c>off</c>, the default). Null when the value is invalid.
    /// </summary>
    public static bool? ReadWorkspaceDiagnostics(JsonElement diagnostics)
    {
        if (diagnostics.ValueKind != JsonValueKind.Object || !diagnostics.TryGetProperty("workspace", out var workspace) || workspace.ValueKind == JsonValueKind.Null)
        {
            return diagnostics.ValueKind == JsonValueKind.Object ? false : null;
        }

        return workspace.ValueKind == JsonValueKind.String ? workspace.GetString() switch { "on" => true, "off" => false, _ => null } : null;
    }

    /// <summary>The push setting of a whole <c>speclsp</c> section; off when absent or invalid.</summary>
    public static bool PushesWorkspaceDiagnostics(JsonElement section) =>
        section.ValueKind == JsonValueKind.Object && section.TryGetProperty("diagnostics", out var diagnostics) && ReadWorkspaceDiagnostics(diagnostics) == true;

    private static ImmutableArray<string>? Globs(JsonElement value, string name, List<string> problems)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var globs = items.Where(i => i.ValueKind == JsonValueKind.String && Glob.Get(i.GetString()!) is not null).Select(i => i.GetString()!).ToImmutableArray();
        if (globs.Length != items.Count)
        {
            problems.Add($"speclsp.{name}: expected a list of glob patterns.");
        }

        return globs.IsEmpty ? null : globs;
    }

    private static ImmutableDictionary<string, DiagnosticLevel> Severities(JsonElement value, List<string> problems)
    {
        var levels = ImmutableDictionary.CreateBuilder<string, DiagnosticLevel>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (ConfigurationParser.KnownCodes.Contains(property.Name)
                && property.Value.ValueKind == JsonValueKind.String
                && SpecLspConfiguration.TryParseLevel(property.Value.GetString(), out var level))
            {
                levels[property.Name] = level;
            }
            else
            {
                problems.Add($"speclsp.severity.{property.Name}: unknown code or level.");
            }
        }

        return levels.ToImmutable();
    }
}
