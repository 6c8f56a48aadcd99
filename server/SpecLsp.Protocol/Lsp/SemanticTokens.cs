using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>The token types and modifiers a server's <c>data</c> indexes into.</summary>
public sealed record SemanticTokensLegend
{
    /// <summary>Token type names; a token's type is an index into this array.</summary>
    public required string[] TokenTypes { get; init; }

    /// <summary>Token modifier names; a token's modifiers are a bit set over this array.</summary>
    public required string[] TokenModifiers { get; init; }
}

/// <summary>What the server supports of <c>full</c> requests.</summary>
public sealed record SemanticTokensFullOptions
{
    /// <summary>True when <c>textDocument/semanticTokens/full/delta</c> is supported.</summary>
    public bool? Delta { get; init; }
}

/// <summary>The <c>semanticTokensProvider</c> capability.</summary>
public sealed record SemanticTokensOptions
{
    /// <summary>The legend.</summary>
    public required SemanticTokensLegend Legend { get; init; }

    /// <summary>Range requests; not provided when absent.</summary>
    public bool? Range { get; init; }

    /// <summary>Full requests, with or without delta.</summary>
    public SemanticTokensFullOptions? Full { get; init; }
}

/// <summary>The client's <c>textDocument.semanticTokens</c> capability.</summary>
public sealed record SemanticTokensClientCapabilities
{
    /// <summary>Which requests the client sends.</summary>
    public SemanticTokensClientRequests? Requests { get; init; }

    /// <summary>The token types the client knows.</summary>
    public string[]? TokenTypes { get; init; }

    /// <summary>The token modifiers the client knows.</summary>
    public string[]? TokenModifiers { get; init; }

    /// <summary>The formats the client reads (<c>relative</c>).</summary>
    public string[]? Formats { get; init; }

    /// <summary>True when a token may span lines.</summary>
    public bool? MultilineTokenSupport { get; init; }

    /// <summary>True when tokens may overlap.</summary>
    public bool? OverlappingTokenSupport { get; init; }
}

/// <summary>The requests of <see cref="SemanticTokensClientCapabilities"/>: each <c>boolean | {}</c>.</summary>
public sealed record SemanticTokensClientRequests
{
    /// <summary><c>boolean | {}</c>.</summary>
    public JsonElement? Range { get; init; }

    /// <summary><c>boolean | { delta?: boolean }</c>.</summary>
    public JsonElement? Full { get; init; }
}

/// <summary>The params of <c>textDocument/semanticTokens/full</c>.</summary>
public sealed record SemanticTokensParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }
}

/// <summary>The params of <c>textDocument/semanticTokens/full/delta</c>.</summary>
public sealed record SemanticTokensDeltaParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The result the client holds, which the delta applies to.</summary>
    public required string PreviousResultId { get; init; }
}

/// <summary>The tokens of a document: five integers a token, relative to the one before.</summary>
public sealed record SemanticTokens
{
    /// <summary>Names this result for a later delta request.</summary>
    public string? ResultId { get; init; }

    /// <summary>Line delta, start delta, length, type index, modifier bits, for each token.</summary>
    public required int[] Data { get; init; }
}

/// <summary>One edit of a token array.</summary>
public sealed record SemanticTokensEdit
{
    /// <summary>The first integer replaced.</summary>
    public required int Start { get; init; }

    /// <summary>How many integers are removed.</summary>
    public required int DeleteCount { get; init; }

    /// <summary>The integers inserted; absent when none.</summary>
    public int[]? Data { get; init; }
}

/// <summary>The edits from a previous result to the current tokens.</summary>
public sealed record SemanticTokensDelta
{
    /// <summary>Names this result for the next delta request.</summary>
    public string? ResultId { get; init; }

    /// <summary>The edits, in order.</summary>
    public required SemanticTokensEdit[] Edits { get; init; }
}

/// <summary>The result of a delta request: <c>SemanticTokens | SemanticTokensDelta</c> (the full tokens when the previous result is gone).</summary>
[JsonConverter(typeof(SemanticTokensDeltaResultConverter))]
public sealed record SemanticTokensDeltaResult
{
    /// <summary>The full form.</summary>
    public SemanticTokens? Full { get; init; }

    /// <summary>The delta form.</summary>
    public SemanticTokensDelta? Delta { get; init; }

    /// <summary>Wraps the full form.</summary>
    public static implicit operator SemanticTokensDeltaResult(SemanticTokens full) => new() { Full = full };

    /// <summary>Wraps the delta form.</summary>
    public static implicit operator SemanticTokensDeltaResult(SemanticTokensDelta delta) => new() { Delta = delta };
}

/// <summary>Writes <see cref="SemanticTokensDeltaResult"/> as whichever form it holds; reads by the presence of <c>edits</c>.</summary>
public sealed class SemanticTokensDeltaResultConverter : JsonConverter<SemanticTokensDeltaResult>
{
    /// <inheritdoc />
    public override SemanticTokensDeltaResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.TryGetProperty("edits", out _)
            ? new SemanticTokensDeltaResult { Delta = root.Deserialize(LspJsonContext.Default.SemanticTokensDelta) }
            : new SemanticTokensDeltaResult { Full = root.Deserialize(LspJsonContext.Default.SemanticTokens) };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SemanticTokensDeltaResult value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Delta is { } delta)
        {
            JsonSerializer.Serialize(writer, delta, LspJsonContext.Default.SemanticTokensDelta);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Full ?? new SemanticTokens { Data = [] }, LspJsonContext.Default.SemanticTokens);
        }
    }
}
