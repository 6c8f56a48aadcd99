using System.Collections.Immutable;
using System.Text.Json;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Templates;

/// <summary>Core completions, code actions and diagnostics to and from LSP.</summary>
internal static class TemplateConversions
{
    public static CompletionItem ToLsp(SpecCompletionItem item, SourceText text, PositionEncoder encoder, bool snippets) => new()
    {
        Label = item.Label,
        Kind = CompletionItemKind.Snippet,
        Detail = item.Detail,
        Documentation = item.Documentation.Length == 0 ? null : new MarkupContent { Kind = MarkupKind.Markdown, Value = item.Documentation },
        SortText = item.SortText,
        FilterText = item.FilterText,
        InsertTextFormat = snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        TextEdit = new TextEdit { Range = encoder.ToLsp(text, item.ReplaceRange), NewText = snippets ? item.SnippetText : item.PlainText },
    };

    public static CodeAction ToLsp(SpecCodeAction action, string uri, SourceText text, PositionEncoder encoder) => new()
    {
        Title = action.Title,
        Kind = action.Kind,
        IsPreferred = action.IsPreferred ? true : null,
        Diagnostics = action.Diagnostics.IsDefaultOrEmpty ? null : [.. action.Diagnostics.Select(d => DiagnosticConversions.ToLsp(d, uri, text, encoder, _ => null))],
        Edit = new WorkspaceEdit
        {
            Changes = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal)
            {
                [uri] = [.. action.Edits.Select(e => new TextEdit { Range = encoder.ToLsp(text, e.Range), NewText = e.NewText })],
            },
        },
    };

    // The client hands our diagnostics back in the code action context; their data says what to fix.
    public static SpecDiagnostic? ToCore(LspDiagnostic diagnostic, SourceText text, PositionEncoder encoder)
    {
        if (diagnostic.Source != DiagnosticCodes.Source || diagnostic.Code?.String is not { } code)
        {
            return null;
        }

        var data = ImmutableDictionary<string, string>.Empty;
        if (diagnostic.Data is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    data = data.SetItem(property.Name, property.Value.GetString()!);
                }
            }
        }

        return new SpecDiagnostic(encoder.ToCore(text, diagnostic.Range), (Core.Diagnostics.DiagnosticSeverity)(int)(diagnostic.Severity ?? Protocol.Lsp.DiagnosticSeverity.Warning), code, diagnostic.Message)
        {
            Data = data,
        };
    }
}
