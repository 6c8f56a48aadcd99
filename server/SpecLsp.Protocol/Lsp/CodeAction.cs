using System.Text.Json;

namespace SpecLsp.Protocol.Lsp;

/// <summary>The predefined code action kinds.</summary>
public static class CodeActionKind
{
    /// <summary>Empty kind.</summary>
    public const string Empty = "";

    /// <summary>Quick fix.</summary>
    public const string QuickFix = "quickfix";

    /// <summary>Refactoring.</summary>
    public const string Refactor = "refactor";

    /// <summary>Rewrite refactoring.</summary>
    public const string RefactorRewrite = "refactor.rewrite";

    /// <summary>Source action.</summary>
    public const string Source = "source";

    /// <summary>Fix all.</summary>
    public const string SourceFixAll = "source.fixAll";
}

/// <summary>How a code action request was triggered.</summary>
public enum CodeActionTriggerKind
{
    /// <summary>Explicitly by the user.</summary>
    Invoked = 1,

    /// <summary>Automatically.</summary>
    Automatic = 2,
}

/// <summary>The context of a code action request.</summary>
public sealed record CodeActionContext
{
    /// <summary>The diagnostics overlapping the range.</summary>
    public required Diagnostic[] Diagnostics { get; init; }

    /// <summary>The kinds wanted.</summary>
    public string[]? Only { get; init; }

    /// <summary>How it was triggered.</summary>
    public CodeActionTriggerKind? TriggerKind { get; init; }
}

/// <summary>The params of <c>textDocument/codeAction</c>.</summary>
public sealed record CodeActionParams : WorkDoneProgressParams
{
    /// <summary>The document.</summary>
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The range.</summary>
    public required Range Range { get; init; }

    /// <summary>The context.</summary>
    public required CodeActionContext Context { get; init; }
}

/// <summary>Why a code action is disabled.</summary>
public sealed record CodeActionDisabled
{
    /// <summary>The reason shown.</summary>
    public required string Reason { get; init; }
}

/// <summary>A code action.</summary>
public sealed record CodeAction
{
    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>One of <see cref="CodeActionKind"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>The diagnostics it resolves.</summary>
    public Diagnostic[]? Diagnostics { get; init; }

    /// <summary>Whether it is the preferred fix.</summary>
    public bool? IsPreferred { get; init; }

    /// <summary>Why it is disabled.</summary>
    public CodeActionDisabled? Disabled { get; init; }

    /// <summary>The edit it makes.</summary>
    public WorkspaceEdit? Edit { get; init; }

    /// <summary>A command it runs.</summary>
    public Command? Command { get; init; }

    /// <summary>Kept between the request and <c>codeAction/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

/// <summary>Code action options.</summary>
public sealed record CodeActionOptions
{
    /// <summary>The kinds the server may return.</summary>
    public string[]? CodeActionKinds { get; init; }

    /// <summary>Whether actions are resolved lazily.</summary>
    public bool? ResolveProvider { get; init; }
}
