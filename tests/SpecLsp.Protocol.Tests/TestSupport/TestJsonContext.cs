using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Tests.TestSupport;

internal sealed record EchoParams
{
    public required string Text { get; init; }

    public int Delay { get; init; }
}

internal sealed record EchoResult(string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EchoParams))]
[JsonSerializable(typeof(EchoResult))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
