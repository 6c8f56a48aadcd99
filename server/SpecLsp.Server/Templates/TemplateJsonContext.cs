using System.Text.Json.Serialization;

namespace SpecLsp.Server.Templates;

/// <summary>The params of <c>speclsp/newSpec</c>.</summary>
internal sealed record NewSpecParams
{
    public required string TemplateName { get; init; }

    public string? Title { get; init; }

    public required string Uri { get; init; }
}

/// <summary>The result of <c>speclsp/newSpec</c>: the URI of the file written.</summary>
internal sealed record NewSpecResult
{
    public required string Uri { get; init; }
}

/// <summary>The params of <c>speclsp/listTemplates</c> (none).</summary>
internal sealed record ListTemplatesParams;

/// <summary>A template as <c>speclsp/listTemplates</c> lists it.</summary>
internal sealed record TemplateInfo
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required bool BuiltIn { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NewSpecParams))]
[JsonSerializable(typeof(NewSpecResult))]
[JsonSerializable(typeof(ListTemplatesParams))]
[JsonSerializable(typeof(TemplateInfo[]))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
