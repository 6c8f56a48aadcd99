namespace SpecLsp.Protocol.Lsp;

/// <summary>One file or folder renamed.</summary>
public sealed record FileRename
{
    /// <summary>Its URI before.</summary>
    public required string OldUri { get; init; }

    /// <summary>Its URI after.</summary>
    public required string NewUri { get; init; }
}

/// <summary>The params of <c>workspace/willRenameFiles</c> and <c>workspace/didRenameFiles</c>.</summary>
public sealed record RenameFilesParams
{
    /// <summary>The renames, in the order the user made them.</summary>
    public required FileRename[] Files { get; init; }
}

/// <summary>Which files or folders a file-operation notification or request is for.</summary>
public sealed record FileOperationPattern
{
    /// <summary>A glob over the path.</summary>
    public required string Glob { get; init; }

    /// <summary><c>file</c> or <c>folder</c>; both when absent.</summary>
    public string? Matches { get; init; }
}

/// <summary>A filter of a file operation: a scheme and a pattern.</summary>
public sealed record FileOperationFilter
{
    /// <summary>The URI scheme (<c>file</c>); any when absent.</summary>
    public string? Scheme { get; init; }

    /// <summary>The pattern.</summary>
    public required FileOperationPattern Pattern { get; init; }
}

/// <summary>The files an operation is for.</summary>
public sealed record FileOperationRegistrationOptions
{
    /// <summary>The filters; an operation matching any is sent.</summary>
    public required FileOperationFilter[] Filters { get; init; }
}

/// <summary>The <c>workspace.fileOperations</c> server capability.</summary>
public sealed record FileOperationOptions
{
    /// <summary>Renames the server wants to hear about before they happen (and may answer with edits).</summary>
    public FileOperationRegistrationOptions? WillRename { get; init; }

    /// <summary>Renames the server wants to hear about after they happened.</summary>
    public FileOperationRegistrationOptions? DidRename { get; init; }
}

/// <summary>The client's <c>workspace.fileOperations</c> capability.</summary>
public sealed record FileOperationClientCapabilities
{
    /// <summary>Sends <c>workspace/willRenameFiles</c>.</summary>
    public bool? WillRename { get; init; }

    /// <summary>Sends <c>workspace/didRenameFiles</c>.</summary>
    public bool? DidRename { get; init; }
}
