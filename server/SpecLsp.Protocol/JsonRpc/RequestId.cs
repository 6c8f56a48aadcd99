using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.JsonRpc;

/// <summary>A request id: JSON-RPC allows a number or a string (LSP: <c>integer | string</c>).</summary>
[JsonConverter(typeof(RequestIdConverter))]
public readonly record struct RequestId
{
    /// <summary>An id that is a number.</summary>
    public RequestId(long number)
    {
        Number = number;
        String = null;
    }

    /// <summary>An id that is a string.</summary>
    public RequestId(string value)
    {
        Number = 0;
        String = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The number, when <see cref="String"/> is null.</summary>
    public long Number { get; }

    /// <summary>The string, or null for a numeric id.</summary>
    public string? String { get; }

    /// <summary>True for a string id.</summary>
    public bool IsString => String is not null;

    /// <summary>Reads an id from a JSON value; false when it is neither a number nor a string.</summary>
    public static bool TryRead(JsonElement element, out RequestId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetInt64(out long n):
                id = new RequestId(n);
                return true;
            case JsonValueKind.String:
                id = new RequestId(element.GetString()!);
                return true;
            default:
                id = default;
                return false;
        }
    }

    /// <summary>Writes the id as a JSON value.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (String is not null)
        {
            writer.WriteStringValue(String);
        }
        else
        {
            writer.WriteNumberValue(Number);
        }
    }

    /// <inheritdoc />
    public override string ToString() => String ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reads and writes <see cref="RequestId"/> as a JSON number or string.</summary>
public sealed class RequestIdConverter : JsonConverter<RequestId>
{
    /// <inheritdoc />
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new RequestId(reader.GetInt64()),
        JsonTokenType.String => new RequestId(reader.GetString()!),
        _ => throw new JsonException("A request id must be a number or a string."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) => value.WriteTo(writer);
}
