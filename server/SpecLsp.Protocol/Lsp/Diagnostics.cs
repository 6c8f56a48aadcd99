using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecLsp.Protocol.Lsp;

/// <summary>Diagnostic severities.</summary>
public enum DiagnosticSeverity
{
    /// <summary>An error.</summary>
    Error = 1,

    /// <summary>A warning.</summary>
    Warning = 2,

    /// <summary>Information.</summary>
    Information = 3,

    /// <summary>A hint.</summary>
    Hint = 4,
}

/// <summary>Diagnostic tags.</summary>
public enum DiagnosticTag
{
    /// <summary>Unused or unnecessary code, shown faded.</summary>
    Unnecessary = 1,

    /// <summary>Deprecated code, shown struck through.</summary>
    Deprecated = 2,
}

/// <summary>A link to documentation about a diagnostic code.</summary>
public sealed record CodeDescription
{
    /// <summary>The URI.</summary>
    public required string Href { get; init; }
}

/// <summary>Another location a diagnostic refers to.</summary>
public sealed record DiagnosticRelatedInformation
{
    /// <summary>The location.</summary>
    public required Location Location { get; init; }

    /// <summary>What it is.</summary>
    public required string Message { get; init; }
}

/// <summary>A problem in a document.</summary>
public sealed record Diagnostic
{
    /// <summary>Where the problem is.</summary>
    public required Range Range { get; init; }

    /// <summary>How serious it is; the client decides when absent.</summary>
    public DiagnosticSeverity? Severity { get; init; }

    /// <summary>The diagnostic's code: <c>integer | string</c>.</summary>
    public IntegerOrString? Code { get; init; }

    /// <summary>Documentation about the code.</summary>
    public CodeDescription? CodeDescription { get; init; }

    /// <summary>Who reported it.</summary>
    public string? Source { get; init; }

    /// <summary>The message.</summary>
    public required string Message { get; init; }

    /// <summary>Tags.</summary>
    public DiagnosticTag[]? Tags { get; init; }

    /// <summary>Related locations.</summary>
    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }

    /// <summary>Kept between publishing and <c>textDocument/codeAction</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>The params of <c>textDocument/publishDiagnostics</c>.</summary>
public sealed record PublishDiagnosticsParams
{
    /// <summary>The document.</summary>
    public required string Uri { get; init; }

    /// <summary>The document version the diagnostics were computed on.</summary>
    public int? Version { get; init; }

    /// <summary>All the document's diagnostics; empty clears them.</summary>
    public required Diagnostic[] Diagnostics { get; init; }
}

/// <summary>Pull diagnostics options.</summary>
public sealed record DiagnosticOptions
{
    /// <summary>An identifier for this server's diagnostics.</summary>
    public string? Identifier { get; init; }

    /// <summary>Whether a change in one document can change another's diagnostics.</summary>
    public required bool InterFileDependencies { get; init; }

    /// <summary>Whether the server supports <c>workspace/diagnostic</c>.</summary>
    public required bool WorkspaceDiagnostics { get; init; }
}

/// <summary>The params of <c>textDocument/diagnostic</c>.</summary>
public sealed record DocumentDiagnosticParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The identifier from <see cref="DiagnosticOptions"/>.</summary>
    public string? Identifier { get; init; }

    /// <summary>The result id of the previous report the client holds.</summary>
    public string? PreviousResultId { get; init; }
}

/// <summary>The kinds of <see cref="DocumentDiagnosticReport"/>.</summary>
public static class DocumentDiagnosticReportKind
{
    /// <summary>A full report.</summary>
    public const string Full = "full";

    /// <summary>Nothing changed since the previous report.</summary>
    public const string Unchanged = "unchanged";
}

/// <summary>
/// The result of <c>textDocument/diagnostic</c>: a full or an unchanged report, told apart by <c>kind</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FullDocumentDiagnosticReport), DocumentDiagnosticReportKind.Full)]
[JsonDerivedType(typeof(UnchangedDocumentDiagnosticReport), DocumentDiagnosticReportKind.Unchanged)]
public abstract record DocumentDiagnosticReport
{
    /// <summary>An id the client sends back as <c>previousResultId</c>.</summary>
    public string? ResultId { get; init; }
}

/// <summary>A report with every diagnostic of the document.</summary>
public sealed record FullDocumentDiagnosticReport : DocumentDiagnosticReport
{
    /// <summary>The diagnostics.</summary>
    public required Diagnostic[] Items { get; init; }
}

/// <summary>A report saying the previous one still holds.</summary>
public sealed record UnchangedDocumentDiagnosticReport : DocumentDiagnosticReport;

/// <summary>A result id the client holds for a document, sent with <c>workspace/diagnostic</c>.</summary>
public sealed record PreviousResultId
{
    /// <summary>The document.</summary>
    public required string Uri { get; init; }

    /// <summary>The result id of the report the client holds for it.</summary>
    public required string Value { get; init; }
}

/// <summary>The params of <c>workspace/diagnostic</c>.</summary>
public sealed record WorkspaceDiagnosticParams : WorkDoneProgressParams
{
    /// <summary>The identifier from <see cref="DiagnosticOptions"/>.</summary>
    public string? Identifier { get; init; }

    /// <summary>The result ids of the reports the client holds.</summary>
    public required PreviousResultId[] PreviousResultIds { get; init; }

    /// <summary>A token to report partial results with (not used: the server answers in one response).</summary>
    public IntegerOrString? PartialResultToken { get; init; }
}

/// <summary>One document's report in a <see cref="WorkspaceDiagnosticReport"/>, full or unchanged, told apart by <c>kind</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WorkspaceFullDocumentDiagnosticReport), DocumentDiagnosticReportKind.Full)]
[JsonDerivedType(typeof(WorkspaceUnchangedDocumentDiagnosticReport), DocumentDiagnosticReportKind.Unchanged)]
public abstract record WorkspaceDocumentDiagnosticReport
{
    /// <summary>The document.</summary>
    public required string Uri { get; init; }

    /// <summary>The version of the open document the report was computed on; null for a file read from disk.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? Version { get; init; }

    /// <summary>An id the client sends back in <c>previousResultIds</c>.</summary>
    public string? ResultId { get; init; }
}

/// <summary>A document's report with every diagnostic.</summary>
public sealed record WorkspaceFullDocumentDiagnosticReport : WorkspaceDocumentDiagnosticReport
{
    /// <summary>The diagnostics.</summary>
    public required Diagnostic[] Items { get; init; }
}

/// <summary>A document's report saying the previous one still holds.</summary>
public sealed record WorkspaceUnchangedDocumentDiagnosticReport : WorkspaceDocumentDiagnosticReport;

/// <summary>The result of <c>workspace/diagnostic</c>.</summary>
public sealed record WorkspaceDiagnosticReport
{
    /// <summary>The reports, one per document.</summary>
    public required WorkspaceDocumentDiagnosticReport[] Items { get; init; }
}
