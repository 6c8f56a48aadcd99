using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using SpecLsp.Core;
using SpecLsp.Core.SemanticTokens;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/semanticTokens/full</c> and <c>/full/delta</c>: IDs (definitions marked <c>declaration</c>), metadata
/// keys and values, placeholders and RFC 2119 keywords. The last answer per document is kept, so a delta request after
/// a keystroke sends only the tokens that changed.
/// </summary>
internal sealed class SemanticTokensHandler(OpenDocuments workspace, RequestInputs inputs, SpecLanguageService service, ClientSession session)
    : IRequestHandler<SemanticTokensParams, SemanticTokens>, IRequestHandler<SemanticTokensDeltaParams, SemanticTokensDeltaResult>, ICapabilityProvider
{
    /// <summary>Index = <see cref="SpecTokenType"/>: standard types, so that every theme colours them.</summary>
    public static readonly string[] TokenTypes = ["type", "property", "enumMember", "macro", "keyword"];

    /// <summary>Bit 0 = <see cref="SpecTokenModifiers.Definition"/>.</summary>
    public static readonly string[] TokenModifiers = ["declaration"];

    private readonly ConcurrentDictionary<string, (string ResultId, int[] Data)> _last = new(StringComparer.Ordinal);
    private long _nextResultId;

    public static ServerCapabilities AddCapabilities(ServerCapabilities capabilities, ClientCapabilities client)
    {
        if (client.TextDocument?.SemanticTokens is not { } tokens)
        {
            return capabilities;
        }

        bool delta = tokens.Requests?.Full is { ValueKind: JsonValueKind.Object } full && full.TryGetProperty("delta", out var d) && d.ValueKind == JsonValueKind.True;
        return capabilities with
        {
            SemanticTokensProvider = new SemanticTokensOptions
            {
                Legend = new SemanticTokensLegend { TokenTypes = TokenTypes, TokenModifiers = TokenModifiers },
                Full = new SemanticTokensFullOptions { Delta = delta ? true : null },
            },
        };
    }

    public async Task<SemanticTokens> HandleAsync(SemanticTokensParams request, CancellationToken cancellationToken)
    {
        var data = await ComputeAsync(request.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return Remember(request.TextDocument.Uri, data);
    }

    public async Task<SemanticTokensDeltaResult> HandleAsync(SemanticTokensDeltaParams request, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        var data = await ComputeAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!_last.TryGetValue(uri, out var previous) || previous.ResultId != request.PreviousResultId)
        {
            return Remember(uri, data);
        }

        var edit = Diff(previous.Data, data);
        var next = Remember(uri, data);
        return new SemanticTokensDelta { ResultId = next.ResultId, Edits = edit is null ? [] : [edit] };
    }

    /// <summary>The one edit that turns <paramref name="before"/> into <paramref name="after"/> (their common start and end kept), or null when equal.</summary>
    internal static SemanticTokensEdit? Diff(int[] before, int[] after)
    {
        int prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        if (prefix == before.Length && prefix == after.Length)
        {
            return null;
        }

        int suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        var inserted = after[prefix..^suffix];
        return new SemanticTokensEdit { Start = prefix, DeleteCount = before.Length - prefix - suffix, Data = inserted.Length == 0 ? null : inserted };
    }

    private SemanticTokens Remember(string uri, int[] data)
    {
        var resultId = Interlocked.Increment(ref _nextResultId).ToString(CultureInfo.InvariantCulture);
        if (workspace.Get(uri) is null)
        {
            _last.TryRemove(uri, out _);
        }
        else
        {
            _last[uri] = (resultId, data);
        }

        return new SemanticTokens { ResultId = resultId, Data = data };
    }

    private async Task<int[]> ComputeAsync(string uri, CancellationToken cancellationToken)
    {
        if (await inputs.GetAsync(uri, cancellationToken).ConfigureAwait(false) is not var (_, context))
        {
            return [];
        }

        var model = context.Document;
        var tokens = service.Tokens(context, cancellationToken);

        var encoder = session.Encoder;
        var data = new int[tokens.Length * 5];
        int line = 0;
        int character = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var start = encoder.ToLsp(model.Source, token.Range.Start);
            var end = encoder.ToLsp(model.Source, token.Range.End);
            data[i * 5] = start.Line - line;
            data[(i * 5) + 1] = start.Line == line ? start.Character - character : start.Character;
            data[(i * 5) + 2] = end.Character - start.Character;
            data[(i * 5) + 3] = (int)token.Type;
            data[(i * 5) + 4] = (int)token.Modifiers;
            line = start.Line;
            character = start.Character;
        }

        return data;
    }
}
