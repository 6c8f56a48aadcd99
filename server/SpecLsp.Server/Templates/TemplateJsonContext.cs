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

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NewSpecParams))]
[JsonSerializable(typeof(NewSpecResult))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
