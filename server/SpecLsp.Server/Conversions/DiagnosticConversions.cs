using System.Text.Json;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;
using LspSeverity = SpecLsp.Protocol.Lsp.DiagnosticSeverity;

namespace SpecLsp.Server.Conversions;

/// <summary>Core diagnostics to LSP diagnostics.</summary>
internal static class DiagnosticConversions
{
    // resolveText gives another open document's text by URI, to convert related ranges in it.
    public static LspDiagnostic ToLsp(SpecDiagnostic diagnostic, string uri, SourceText text, PositionEncoder encoder, Func<string, SourceText?> resolveText) => new()
    {
        Range = encoder.ToLsp(text, diagnostic.Range),
        Severity = (LspSeverity)(int)diagnostic.Severity,
        Code = diagnostic.Code,
        Source = DiagnosticCodes.Source,
        Message = diagnostic.Message,
        Tags = diagnostic.IsUnnecessary ? [DiagnosticTag.Unnecessary] : null,
        RelatedInformation = diagnostic.Related.IsDefaultOrEmpty ? null : [.. diagnostic.Related.Select(related => ToLsp(related, uri, text, encoder, resolveText))],
        Data = diagnostic.Data.IsEmpty
            ? null
            : JsonSerializer.SerializeToElement(new Dictionary<string, string>(diagnostic.Data, StringComparer.Ordinal), LspJsonContext.Default.DictionaryStringString),
    };

    private static DiagnosticRelatedInformation ToLsp(RelatedLocation related, string uri, SourceText text, PositionEncoder encoder, Func<string, SourceText?> resolveText)
    {
        string targetUri = related.DocumentPath is null ? uri : ToUri(related.DocumentPath);
        var targetText = related.DocumentPath is null ? text : resolveText(targetUri);

        // A document that is not open has no text here; its UTF-16 range is the best we know.
        var range = targetText is null
            ? new Protocol.Lsp.Range
            {
                Start = new Protocol.Lsp.Position { Line = related.Range.Start.Line, Character = related.Range.Start.Character },
                End = new Protocol.Lsp.Position { Line = related.Range.End.Line, Character = related.Range.End.Character },
            }
            : encoder.ToLsp(targetText, related.Range);
        return new DiagnosticRelatedInformation { Location = new Location { Uri = targetUri, Range = range }, Message = related.Message };
    }

    private static string ToUri(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : path;
}
