using System.Text.Json;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Conversions;

/// <summary>Core code actions to LSP ones, and the client's diagnostics back to Core ones.</summary>
internal static class CodeActionConversions
{
    public static CodeAction ToLsp(SpecCodeAction action, string uri, SourceText text, PositionEncoder encoder, IReadOnlyDictionary<SpecDiagnostic, LspDiagnostic> sent) => new()
    {
        Title = action.Title,
        Kind = action.Kind,
        IsPreferred = action.IsPreferred ? true : null,
        Diagnostics = action.Diagnostics.IsDefaultOrEmpty ? null : [.. action.Diagnostics.Select(d => sent.TryGetValue(d, out var lsp) ? lsp : DiagnosticConversions.ToLsp(d, uri, text, encoder, _ => null))],
        Edit = action.Edits.IsDefaultOrEmpty
            ? null
            : new WorkspaceEdit { Changes = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal) { [uri] = [.. action.Edits.Select(e => new TextEdit { Range = encoder.ToLsp(text, e.Range), NewText = e.NewText })] } },
        Command = action.Command is { } command ? ToLsp(command, uri, text, encoder) : null,
    };

    public static Command ToLsp(SpecCommand command, string uri, SourceText text, PositionEncoder encoder)
    {
        var arguments = new List<JsonElement>();
        if (command.Range is { } range)
        {
            arguments.Add(JsonSerializer.SerializeToElement(uri, LspJsonContext.Default.String));
            arguments.Add(JsonSerializer.SerializeToElement(encoder.ToLsp(text, range), LspJsonContext.Default.Range));
        }

        arguments.AddRange(command.Arguments.Select(a => JsonSerializer.SerializeToElement(a, LspJsonContext.Default.String)));
        return new Command { Title = command.Title, CommandIdentifier = command.Name, Arguments = [.. arguments] };
    }

    // Our own diagnostics come back with their code and data, which is all a fix needs.
    public static SpecDiagnostic? FromLsp(LspDiagnostic diagnostic, SourceText text, PositionEncoder encoder)
    {
        if (diagnostic.Source != DiagnosticCodes.Source || diagnostic.Code?.String is not { } code)
        {
            return null;
        }

        var data = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;
        if (diagnostic.Data is { ValueKind: JsonValueKind.Object } element)
        {
            try
            {
                var values = element.Deserialize(LspJsonContext.Default.DictionaryStringString);
                if (values is not null)
                {
                    data = System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, values);
                }
            }
            catch (JsonException)
            {
            }
        }

        var severity = diagnostic.Severity is { } s ? (Core.Diagnostics.DiagnosticSeverity)(int)s : Core.Diagnostics.DiagnosticSeverity.Warning;
        return new SpecDiagnostic(encoder.ToCore(text, diagnostic.Range), severity, code, diagnostic.Message)
        {
            Data = data,
            IsUnnecessary = diagnostic.Tags?.Contains(DiagnosticTag.Unnecessary) == true,
        };
    }
}
