using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>One place where a message does not match the LSP 3.17 meta-model.</summary>
/// <param name="Path">The JSON path of the offending value, e.g. <c>result.documentChanges[0].textDocument</c>.</param>
/// <param name="Message">What is wrong, e.g. <c>missing required 'version' (OptionalVersionedTextDocumentIdentifier)</c>.</param>
/// <param name="KindMismatch">The value is not even of the JSON kind the type needs (used to rank <c>or</c> alternatives).</param>
public sealed record MetaModelViolation(string Path, string Message, bool KindMismatch = false)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks JSON values against the types of the LSP 3.17 meta-model (TestData/metaModel.json, from
/// microsoft/vscode-languageserver-node): base types, references to structures (with extends and mixins),
/// enumerations and type aliases, arrays, maps, or/and, structure literals, string/integer/boolean literals and
/// tuples. A structure must carry every property it does not mark optional (<c>null</c> is a value, so
/// <c>"version": null</c> is present) and no property it (with its extends and mixins) does not define.
/// </summary>
public sealed class MetaModelValidator
{
    // Enough to tell a wrong alternative of an 'or' from a right one, and to bound the work on a large wrong one.
    private const int MaxViolations = 50;

    private static readonly Lazy<MetaModelValidator> LazyDefault = new(() =>
        Load(Path.Combine(AppContext.BaseDirectory, "TestData", "metaModel.json")));

    private readonly JsonDocument _document;
    private readonly Dictionary<string, JsonElement> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _notifications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _structures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _enumerations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _typeAliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, Property>> _structureProperties = new(StringComparer.Ordinal);

    private MetaModelValidator(JsonDocument document)
    {
        _document = document;
        var root = document.RootElement;
        Version = root.GetProperty("metaData").GetProperty("version").GetString() ?? string.Empty;
        Index(root, "requests", "method", _requests);
        Index(root, "notifications", "method", _notifications);
        Index(root, "structures", "name", _structures);
        Index(root, "enumerations", "name", _enumerations);
        Index(root, "typeAliases", "name", _typeAliases);
    }

    /// <summary>The meta-model copied next to the tests.</summary>
    public static MetaModelValidator Default => LazyDefault.Value;

    /// <summary>The meta-model's <c>metaData.version</c>.</summary>
    public string Version { get; }

    public static MetaModelValidator Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)));

    public bool IsRequest(string method) => _requests.ContainsKey(method);

    public bool IsNotification(string method) => _notifications.ContainsKey(method);

    /// <summary>The request's result (absent: <paramref name="hasResult"/> false) against the request's result type; null for a method the meta-model does not know.</summary>
    public IReadOnlyList<MetaModelViolation>? ValidateResult(string method, JsonElement result, bool hasResult = true)
    {
        if (!_requests.TryGetValue(method, out var request))
        {
            return null;
        }

        string path = method + " result";
        if (!hasResult)
        {
            return [new(path, "a successful response must carry 'result'")];
        }

        var violations = new List<MetaModelViolation>();
        if (request.TryGetProperty("result", out var type))
        {
            Validate(result, type, path, violations);
        }
        else if (result.ValueKind != JsonValueKind.Null)
        {
            violations.Add(new(path, $"the meta-model defines no result, got {Describe(result)}"));
        }

        return violations;
    }

    /// <summary>
    /// Params of a request the server sent to the client; null for a method the meta-model does not know. The
    /// <c>registerOptions</c> of client/registerCapability (LSPAny in the model) are checked against the
    /// registration options of the method they register.
    /// </summary>
    public IReadOnlyList<MetaModelViolation>? ValidateRequestParams(string method, JsonElement @params, bool hasParams)
    {
        if (!_requests.TryGetValue(method, out var request))
        {
            return null;
        }

        var violations = ValidateParams(method, request, @params, hasParams);
        if (violations.Count == 0 && method == "client/registerCapability")
        {
            int index = 0;
            foreach (var registration in @params.GetProperty("registrations").EnumerateArray())
            {
                string registered = registration.GetProperty("method").GetString()!;
                var target = _requests.TryGetValue(registered, out var r) ? r : _notifications.TryGetValue(registered, out var n) ? n : default;
                string path = $"{method} params.registrations[{index++}]";
                if (target.ValueKind == JsonValueKind.Undefined)
                {
                    violations.Add(new(path + ".method", $"'{registered}' is not a method of the meta-model"));
                }
                else if (registration.TryGetProperty("registerOptions", out var options) && target.TryGetProperty("registrationOptions", out var optionsType))
                {
                    Validate(options, optionsType, path + ".registerOptions", violations);
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Params of a notification; null for a method the meta-model does not know. The <c>value</c> of $/progress
    /// (LSPAny in the model) is checked as work-done progress when its <c>kind</c> says begin, report or end.
    /// </summary>
    public IReadOnlyList<MetaModelViolation>? ValidateNotificationParams(string method, JsonElement @params, bool hasParams)
    {
        if (!_notifications.TryGetValue(method, out var notification))
        {
            return null;
        }

        var violations = ValidateParams(method, notification, @params, hasParams);
        if (violations.Count == 0 && method == "$/progress" && @params.TryGetProperty("value", out var value)
            && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
        {
            string? structure = kind.GetString() switch
            {
                "begin" => "WorkDoneProgressBegin",
                "report" => "WorkDoneProgressReport",
                "end" => "WorkDoneProgressEnd",
                _ => null,
            };
            if (structure is not null)
            {
                ValidateReference(value, structure, method + " params.value", violations);
            }
        }

        return violations;
    }

    /// <summary>The <c>error</c> of a response: a ResponseError (code integer, message string, optional data).</summary>
    public IReadOnlyList<MetaModelViolation> ValidateResponseError(JsonElement error, string path)
    {
        var violations = new List<MetaModelViolation>();
        if (error.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new(path, $"expected ResponseError object, got {Describe(error)}", true));
            return violations;
        }

        if (!error.TryGetProperty("code", out var code))
        {
            violations.Add(new(path, "missing required 'code' (ResponseError)"));
        }
        else
        {
            ValidateBase(code, "integer", path + ".code", violations);
        }

        if (!error.TryGetProperty("message", out var message))
        {
            violations.Add(new(path, "missing required 'message' (ResponseError)"));
        }
        else
        {
            ValidateBase(message, "string", path + ".message", violations);
        }

        foreach (var property in error.EnumerateObject())
        {
            if (property.Name is not ("code" or "message" or "data"))
            {
                violations.Add(new(path, $"unknown property '{property.Name}' (ResponseError)"));
            }
        }

        return violations;
    }

    /// <summary>Validates <paramref name="value"/> against the structure, enumeration or type alias <paramref name="typeName"/>.</summary>
    public IReadOnlyList<MetaModelViolation> ValidateType(JsonElement value, string typeName, string path)
    {
        var violations = new List<MetaModelViolation>();
        ValidateReference(value, typeName, path, violations);
        return violations;
    }

    private static void Index(JsonElement root, string section, string key, Dictionary<string, JsonElement> into)
    {
        foreach (var item in root.GetProperty(section).EnumerateArray())
        {
            into[item.GetProperty(key).GetString()!] = item;
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string " + Shorten(value.GetRawText()),
        JsonValueKind.Number => "number " + Shorten(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "boolean " + value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') ? $"{path}.{name}" : $"{path}[{JsonSerializer.Serialize(name)}]";

    private static string TypeName(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "base" or "reference" => type.GetProperty("name").GetString()!,
        "array" => TypeName(type.GetProperty("element")) + "[]",
        "map" => $"{{[key: {TypeName(type.GetProperty("key"))}]: {TypeName(type.GetProperty("value"))}}}",
        "or" => string.Join(" | ", type.GetProperty("items").EnumerateArray().Select(TypeName)),
        "and" => string.Join(" & ", type.GetProperty("items").EnumerateArray().Select(TypeName)),
        "tuple" => "[" + string.Join(", ", type.GetProperty("items").EnumerateArray().Select(TypeName)) + "]",
        "literal" => "literal",
        "stringLiteral" => JsonSerializer.Serialize(type.GetProperty("value").GetString()),
        _ => type.GetProperty("value").GetRawText(),
    };

    private List<MetaModelViolation> ValidateParams(string method, JsonElement message, JsonElement @params, bool hasParams)
    {
        string path = method + " params";
        var violations = new List<MetaModelViolation>();
        if (!message.TryGetProperty("params", out var type))
        {
            if (hasParams && @params.ValueKind != JsonValueKind.Null)
            {
                violations.Add(new(path, $"the meta-model defines no params, got {Describe(@params)}"));
            }

            return violations;
        }

        if (!hasParams)
        {
            violations.Add(new(path, "missing params"));
            return violations;
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            // Positional params: a tuple of the listed types.
            ValidateTuple(@params, type, path, violations);
        }
        else
        {
            Validate(@params, type, path, violations);
        }

        return violations;
    }

    private void Validate(JsonElement value, JsonElement type, string path, List<MetaModelViolation> violations)
    {
        if (violations.Count >= MaxViolations)
        {
            return;
        }

        switch (type.GetProperty("kind").GetString())
        {
            case "base":
                ValidateBase(value, type.GetProperty("name").GetString()!, path, violations);
                break;
            case "reference":
                ValidateReference(value, type.GetProperty("name").GetString()!, path, violations);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    violations.Add(new(path, $"expected {TypeName(type)}, got {Describe(value)}", true));
                    break;
                }

                var element = type.GetProperty("element");
                int index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(item, element, $"{path}[{index++}]", violations);
                }

                break;
            case "map":
                ValidateMap(value, type, path, violations);
                break;
            case "or":
                ValidateOr(value, type, path, violations);
                break;
            case "and":
                ValidateProperties(value, CollectProperties(type), TypeName(type), path, violations);
                break;
            case "literal":
                ValidateProperties(value, LiteralProperties(type.GetProperty("value")), "literal", path, violations);
                break;
            case "tuple":
                ValidateTuple(value, type.GetProperty("items"), path, violations);
                break;
            case "stringLiteral":
                string expected = type.GetProperty("value").GetString()!;
                if (value.ValueKind != JsonValueKind.String || value.GetString() != expected)
                {
                    violations.Add(new(path, $"expected {JsonSerializer.Serialize(expected)}, got {Describe(value)}", value.ValueKind != JsonValueKind.String));
                }

                break;
            case "integerLiteral":
                if (value.ValueKind != JsonValueKind.Number || value.GetRawText() != type.GetProperty("value").GetRawText())
                {
                    violations.Add(new(path, $"expected {type.GetProperty("value").GetRawText()}, got {Describe(value)}", value.ValueKind != JsonValueKind.Number));
                }

                break;
            case "booleanLiteral":
                bool flag = type.GetProperty("value").GetBoolean();
                if (value.ValueKind != (flag ? JsonValueKind.True : JsonValueKind.False))
                {
                    violations.Add(new(path, $"expected {(flag ? "true" : "false")}, got {Describe(value)}", value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)));
                }

                break;
            case var kind:
                violations.Add(new(path, $"the validator does not know type kind '{kind}'"));
                break;
        }
    }

    private static void ValidateBase(JsonElement value, string name, string path, List<MetaModelViolation> violations)
    {
        bool ok = name switch
        {
            "string" or "RegExp" => value.ValueKind == JsonValueKind.String,
            "DocumentUri" or "URI" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            "uinteger" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long u) && u is >= 0 and <= int.MaxValue,
            "decimal" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "LSPAny" => value.ValueKind != JsonValueKind.Undefined,
            _ => false,
        };
        if (!ok)
        {
            bool kindMismatch = name switch
            {
                "integer" or "uinteger" or "decimal" => value.ValueKind != JsonValueKind.Number,
                _ => true,
            };
            violations.Add(new(path, $"expected {name}, got {Describe(value)}", kindMismatch));
            return;
        }

        if (name is "DocumentUri" or "URI" && !IsUri(value.GetString()!))
        {
            violations.Add(new(path, $"expected {name} (an absolute URI with a scheme), got {Describe(value)}"));
        }
    }

    private static bool IsUri(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(text[0]) && text[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            && !text.Any(char.IsWhiteSpace);
    }

    private void ValidateReference(JsonElement value, string name, string path, List<MetaModelViolation> violations)
    {
        switch (name)
        {
            // Anything goes; LSPObject and LSPArray only fix the JSON kind (their members are LSPAny).
            case "LSPAny":
                return;
            case "LSPObject" when value.ValueKind == JsonValueKind.Object:
            case "LSPArray" when value.ValueKind == JsonValueKind.Array:
                return;
        }

        if (_structures.ContainsKey(name))
        {
            ValidateProperties(value, StructureProperties(name), name, path, violations);
        }
        else if (_enumerations.TryGetValue(name, out var enumeration))
        {
            ValidateEnumeration(value, name, enumeration, path, violations);
        }
        else if (_typeAliases.TryGetValue(name, out var alias))
        {
            Validate(value, alias.GetProperty("type"), path, violations);
        }
        else
        {
            violations.Add(new(path, $"the meta-model defines no type '{name}'"));
        }
    }

    private static void ValidateEnumeration(JsonElement value, string name, JsonElement enumeration, string path, List<MetaModelViolation> violations)
    {
        string baseType = enumeration.GetProperty("type").GetProperty("name").GetString()!;
        int before = violations.Count;
        ValidateBase(value, baseType, path, violations);
        if (violations.Count > before)
        {
            violations[^1] = violations[^1] with { Message = violations[^1].Message + $" ({name})" };
            return;
        }

        if (enumeration.TryGetProperty("supportsCustomValues", out var custom) && custom.GetBoolean())
        {
            return;
        }

        string raw = value.GetRawText();
        if (!enumeration.GetProperty("values").EnumerateArray().Any(v => v.GetProperty("value").GetRawText() == raw))
        {
            violations.Add(new(path, $"{raw} is not a value of enumeration {name}"));
        }
    }

    private void ValidateMap(JsonElement value, JsonElement type, string path, List<MetaModelViolation> violations)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new(path, $"expected {TypeName(type)}, got {Describe(value)}", true));
            return;
        }

        var keyType = type.GetProperty("key");
        var valueType = type.GetProperty("value");
        foreach (var property in value.EnumerateObject())
        {
            string child = Child(path, property.Name);
            using (var key = JsonDocument.Parse(JsonSerializer.Serialize(property.Name)))
            {
                var keyViolations = new List<MetaModelViolation>();
                Validate(key.RootElement, keyType, child, keyViolations);
                violations.AddRange(keyViolations.Select(v => v with { Message = "key: " + v.Message }));
            }

            Validate(property.Value, valueType, child, violations);
        }
    }

    private void ValidateTuple(JsonElement value, JsonElement items, string path, List<MetaModelViolation> violations)
    {
        int count = items.GetArrayLength();
        if (value.ValueKind != JsonValueKind.Array)
        {
            violations.Add(new(path, $"expected a tuple of {count}, got {Describe(value)}", true));
            return;
        }

        if (value.GetArrayLength() != count)
        {
            violations.Add(new(path, $"expected a tuple of {count}, got {value.GetArrayLength()} items"));
            return;
        }

        int index = 0;
        foreach (var (item, itemType) in value.EnumerateArray().Zip(items.EnumerateArray()))
        {
            Validate(item, itemType, $"{path}[{index++}]", violations);
        }
    }

    private void ValidateOr(JsonElement value, JsonElement type, string path, List<MetaModelViolation> violations)
    {
        List<MetaModelViolation>? best = null;
        int bestScore = int.MaxValue;
        foreach (var alternative in type.GetProperty("items").EnumerateArray())
        {
            var attempt = new List<MetaModelViolation>();
            Validate(value, alternative, path, attempt);
            if (attempt.Count == 0)
            {
                return;
            }

            // An alternative of the wrong JSON kind altogether ranks after any of the right kind.
            int score = attempt.Count + (attempt.Any(v => v.KindMismatch && v.Path == path) ? 10_000 : 0);
            if (score < bestScore)
            {
                best = attempt;
                bestScore = score;
            }
        }

        if (best is null)
        {
            return;
        }

        if (bestScore >= 10_000)
        {
            // No alternative even has the right JSON kind: say so once, with the whole union.
            violations.Add(new(path, $"expected {TypeName(type)}, got {Describe(value)}", true));
            return;
        }

        violations.AddRange(best);
    }

    private void ValidateProperties(JsonElement value, IReadOnlyDictionary<string, Property> properties, string typeName, string path, List<MetaModelViolation> violations)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new(path, $"expected {typeName} object, got {Describe(value)}", true));
            return;
        }

        foreach (var (name, property) in properties)
        {
            if (!property.Optional && !value.TryGetProperty(name, out _))
            {
                violations.Add(new(path, $"missing required '{name}' ({typeName})"));
            }
        }

        foreach (var member in value.EnumerateObject())
        {
            if (properties.TryGetValue(member.Name, out var property))
            {
                Validate(member.Value, property.Type, Child(path, member.Name), violations);
            }
            else
            {
                violations.Add(new(path, $"unknown property '{member.Name}' ({typeName})"));
            }
        }
    }

    private IReadOnlyDictionary<string, Property> StructureProperties(string name) =>
        _structureProperties.GetOrAdd(name, n =>
        {
            var structure = _structures[n];
            var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
            foreach (string section in (string[])["extends", "mixins"])
            {
                if (structure.TryGetProperty(section, out var parents))
                {
                    foreach (var parent in parents.EnumerateArray())
                    {
                        foreach (var (key, property) in CollectProperties(parent))
                        {
                            properties[key] = property;
                        }
                    }
                }
            }

            // The structure's own declarations come last: they refine what it inherits.
            foreach (var (key, property) in LiteralProperties(structure))
            {
                properties[key] = property;
            }

            return properties;
        });

    private IReadOnlyDictionary<string, Property> CollectProperties(JsonElement type)
    {
        switch (type.GetProperty("kind").GetString())
        {
            case "reference" when _structures.ContainsKey(type.GetProperty("name").GetString()!):
                return StructureProperties(type.GetProperty("name").GetString()!);
            case "reference" when _typeAliases.TryGetValue(type.GetProperty("name").GetString()!, out var alias):
                return CollectProperties(alias.GetProperty("type"));
            case "literal":
                return LiteralProperties(type.GetProperty("value"));
            case "and":
                var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
                foreach (var item in type.GetProperty("items").EnumerateArray())
                {
                    foreach (var (key, property) in CollectProperties(item))
                    {
                        properties[key] = property;
                    }
                }

                return properties;
            default:
                throw new InvalidOperationException($"Cannot take properties from {type.GetRawText()}.");
        }
    }

    private static Dictionary<string, Property> LiteralProperties(JsonElement owner)
    {
        var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
        foreach (var property in owner.GetProperty("properties").EnumerateArray())
        {
            bool optional = property.TryGetProperty("optional", out var o) && o.GetBoolean();
            properties[property.GetProperty("name").GetString()!] = new Property(property.GetProperty("type"), optional);
        }

        return properties;
    }

    private sealed record Property(JsonElement Type, bool Optional);

    /// <summary>Keeps the parsed meta-model alive as long as the validator (its elements point into it).</summary>
    public override string ToString() => $"LSP meta-model {Version} ({_document.RootElement.GetProperty("structures").GetArrayLength()} structures)";
}
