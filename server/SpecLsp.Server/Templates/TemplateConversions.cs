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
    public static CompletionItem ToLsp(SpecCompletionItem item, SourceText text, PositionEncoder encoder, bool snippets)
    {
        var lsp = new CompletionItem
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
        return snippets || item.Kind != SpecCompletionKind.Section ? lsp : AsPlainSection(lsp, item, text, encoder);
    }

    /// <summary>
    /// A section for a client without snippets. Clients such as Neovim 0.7's omnifunc insert the main edit as one
    /// "word" (a newline becomes a NUL byte) from the start of the edit only when no filterText is given, and filter
    /// on the label: so the main edit writes just the heading line over what was typed, the label is that heading
    /// (<c>## Security</c>), and the body goes in additionalTextEdits at the start of the next line, which the main
    /// edit leaves where it was.
    /// </summary>
    private static CompletionItem AsPlainSection(CompletionItem lsp, SpecCompletionItem item, SourceText text, PositionEncoder encoder)
    {
        string plain = item.PlainText;
        int newline = plain.IndexOf('\n', StringComparison.Ordinal);
        string heading = newline < 0 ? plain : plain[..newline];
        var result = lsp with
        {
            Label = item.FilterText,
            FilterText = null,
            TextEdit = lsp.TextEdit! with { NewText = heading },
        };
        if (newline < 0 || newline == plain.Length - 1)
        {
            return result;
        }

        // The main edit keeps the line's own line break; the body follows it, then the blank line the full text ended with.
        var range = item.ReplaceRange;
        bool hasNextLine = range.Start.Line == range.End.Line && range.End.Line + 1 < text.LineCount;
        var at = hasNextLine ? new Core.Text.Position(range.End.Line + 1, 0) : range.End;
        string body = hasNextLine ? plain[(newline + 1)..] + "\n" : plain[newline..];
        return result with
        {
            AdditionalTextEdits = [new TextEdit { Range = encoder.ToLsp(text, new TextRange(at, at)), NewText = body }],
        };
    }

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
