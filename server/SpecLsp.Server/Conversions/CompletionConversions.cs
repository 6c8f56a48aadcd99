using SpecLsp.Core.Completion;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Conversions;

/// <summary>Core completions to LSP ones.</summary>
internal static class CompletionConversions
{
    public static CompletionItem ToLsp(SpecCompletionItem item, SourceText text, PositionEncoder encoder, bool snippets)
    {
        // A link target, label or ID is inserted as it is shown: no snippet, no filter text.
        if (item.Kind is SpecCompletionKind.File or SpecCompletionKind.Anchor or SpecCompletionKind.ReferenceLabel or SpecCompletionKind.Id or SpecCompletionKind.NewId)
        {
            return new CompletionItem
            {
                Label = item.Label,
                Kind = ToLsp(item.Kind),
                Detail = item.Detail.Length == 0 ? null : item.Detail,
                SortText = item.SortText,
                TextEdit = new TextEdit { Range = encoder.ToLsp(text, item.ReplaceRange), NewText = item.PlainText },
            };
        }

        var lsp = new CompletionItem
        {
            Label = item.Label,
            Kind = ToLsp(item.Kind),
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

    private static CompletionItemKind ToLsp(SpecCompletionKind kind) => kind switch
    {
        SpecCompletionKind.Value => CompletionItemKind.EnumMember,
        SpecCompletionKind.Date => CompletionItemKind.Constant,
        SpecCompletionKind.Key => CompletionItemKind.Property,
        SpecCompletionKind.File => CompletionItemKind.File,
        SpecCompletionKind.Anchor or SpecCompletionKind.ReferenceLabel => CompletionItemKind.Reference,
        SpecCompletionKind.NewId => CompletionItemKind.Keyword,
        SpecCompletionKind.Id => CompletionItemKind.Value,
        _ => CompletionItemKind.Snippet,
    };
}
