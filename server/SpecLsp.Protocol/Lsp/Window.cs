namespace SpecLsp.Protocol.Lsp;

/// <summary>Message types of <c>window/logMessage</c> and <c>window/showMessage</c>.</summary>
public enum MessageType
{
    /// <summary>An error.</summary>
    Error = 1,

    /// <summary>A warning.</summary>
    Warning = 2,

    /// <summary>Information.</summary>
    Info = 3,

    /// <summary>A log line.</summary>
    Log = 4,

    /// <summary>A debug line (3.18, accepted by 3.17 clients as a log).</summary>
    Debug = 5,
}

/// <summary>The params of <c>window/logMessage</c>.</summary>
public sealed record LogMessageParams
{
    /// <summary>The type.</summary>
    public required MessageType Type { get; init; }

    /// <summary>The message.</summary>
    public required string Message { get; init; }
}

/// <summary>The params of <c>window/showMessage</c>.</summary>
public sealed record ShowMessageParams
{
    /// <summary>The type.</summary>
    public required MessageType Type { get; init; }

    /// <summary>The message.</summary>
    public required string Message { get; init; }
}

/// <summary>The params of <c>window/showDocument</c>.</summary>
public sealed record ShowDocumentParams
{
    /// <summary>The document to show.</summary>
    public required string Uri { get; init; }

    /// <summary>True to show it in an external program, such as a browser.</summary>
    public bool? External { get; init; }

    /// <summary>True to give the editor focus.</summary>
    public bool? TakeFocus { get; init; }

    /// <summary>The range to select, if any.</summary>
    public Range? Selection { get; init; }
}

/// <summary>The result of <c>window/showDocument</c>.</summary>
public sealed record ShowDocumentResult
{
    /// <summary>True when the document was shown.</summary>
    public required bool Success { get; init; }
}

/// <summary>The params of <c>window/workDoneProgress/create</c>.</summary>
public sealed record WorkDoneProgressCreateParams
{
    /// <summary>The token the progress will be reported with.</summary>
    public required IntegerOrString Token { get; init; }
}

/// <summary>The params of <c>$/progress</c>.</summary>
/// <typeparam name="T">The value's type (<see cref="WorkDoneProgressBegin"/>, …).</typeparam>
public sealed record ProgressParams<T>
{
    /// <summary>The progress token.</summary>
    public required IntegerOrString Token { get; init; }

    /// <summary>The progress value.</summary>
    public required T Value { get; init; }
}

/// <summary>Starts a work-done progress.</summary>
public sealed record WorkDoneProgressBegin
{
    /// <summary>Always <c>begin</c>.</summary>
    public string Kind => "begin";

    /// <summary>The title shown.</summary>
    public required string Title { get; init; }

    /// <summary>Whether a cancel button is shown.</summary>
    public bool? Cancellable { get; init; }

    /// <summary>More detail.</summary>
    public string? Message { get; init; }

    /// <summary>Percentage from 0 to 100.</summary>
    public int? Percentage { get; init; }
}

/// <summary>Reports work-done progress.</summary>
public sealed record WorkDoneProgressReport
{
    /// <summary>Always <c>report</c>.</summary>
    public string Kind => "report";

    /// <summary>Whether a cancel button is shown.</summary>
    public bool? Cancellable { get; init; }

    /// <summary>More detail.</summary>
    public string? Message { get; init; }

    /// <summary>Percentage from 0 to 100.</summary>
    public int? Percentage { get; init; }
}

/// <summary>Ends a work-done progress.</summary>
public sealed record WorkDoneProgressEnd
{
    /// <summary>Always <c>end</c>.</summary>
    public string Kind => "end";

    /// <summary>A final message.</summary>
    public string? Message { get; init; }
}
