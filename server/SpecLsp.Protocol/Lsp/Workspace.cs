using System.Text.Json;

namespace SpecLsp.Protocol.Lsp;

/// <summary>A dynamic registration (<c>client/registerCapability</c>).</summary>
public sealed record Registration
{
    /// <summary>An id to unregister with.</summary>
    public required string Id { get; init; }

    /// <summary>The method registered.</summary>
    public required string Method { get; init; }

    /// <summary>The method's registration options.</summary>
    public JsonElement? RegisterOptions { get; init; }
}

/// <summary>The params of <c>client/registerCapability</c>.</summary>
public sealed record RegistrationParams
{
    /// <summary>The registrations.</summary>
    public required Registration[] Registrations { get; init; }
}

/// <summary>Removes a dynamic registration.</summary>
public sealed record Unregistration
{
    /// <summary>The registration's id.</summary>
    public required string Id { get; init; }

    /// <summary>The method.</summary>
    public required string Method { get; init; }
}

/// <summary>The params of <c>client/unregisterCapability</c>.</summary>
public sealed record UnregistrationParams
{
    /// <summary>The unregistrations; the spec spells the member <c>unregisterations</c>.</summary>
    public required Unregistration[] Unregisterations { get; init; }
}

/// <summary>The params of <c>workspace/configuration</c>.</summary>
public sealed record ConfigurationParams
{
    /// <summary>The sections asked for.</summary>
    public required ConfigurationItem[] Items { get; init; }
}

/// <summary>A configuration section asked for.</summary>
public sealed record ConfigurationItem
{
    /// <summary>The scope (a document or folder URI).</summary>
    public string? ScopeUri { get; init; }

    /// <summary>The section (<c>speclsp</c>).</summary>
    public string? Section { get; init; }
}

/// <summary>The params of <c>workspace/didChangeConfiguration</c>.</summary>
public sealed record DidChangeConfigurationParams
{
    /// <summary>The settings (clients often send null and expect a pull).</summary>
    public JsonElement? Settings { get; init; }
}

/// <summary>File change types.</summary>
public enum FileChangeType
{
    /// <summary>Created.</summary>
    Created = 1,

    /// <summary>Changed.</summary>
    Changed = 2,

    /// <summary>Deleted.</summary>
    Deleted = 3,
}

/// <summary>A file event.</summary>
public sealed record FileEvent
{
    /// <summary>The file.</summary>
    public required string Uri { get; init; }

    /// <summary>What happened.</summary>
    public required FileChangeType Type { get; init; }
}

/// <summary>The params of <c>workspace/didChangeWatchedFiles</c>.</summary>
public sealed record DidChangeWatchedFilesParams
{
    /// <summary>The changes.</summary>
    public required FileEvent[] Changes { get; init; }
}

/// <summary>The params of <c>workspace/didChangeWorkspaceFolders</c>.</summary>
public sealed record DidChangeWorkspaceFoldersParams
{
    /// <summary>The folders added and removed.</summary>
    public required WorkspaceFoldersChangeEvent Event { get; init; }
}

/// <summary>A change of the workspace folders.</summary>
public sealed record WorkspaceFoldersChangeEvent
{
    /// <summary>The folders added.</summary>
    public required WorkspaceFolder[] Added { get; init; }

    /// <summary>The folders removed.</summary>
    public required WorkspaceFolder[] Removed { get; init; }
}

/// <summary>A file watcher to register.</summary>
public sealed record FileSystemWatcher
{
    /// <summary>The glob pattern.</summary>
    public required string GlobPattern { get; init; }

    /// <summary>Which events (1 create, 2 change, 4 delete; 7 by default).</summary>
    public int? Kind { get; init; }
}

/// <summary>Registration options of <c>workspace/didChangeWatchedFiles</c>.</summary>
public sealed record DidChangeWatchedFilesRegistrationOptions
{
    /// <summary>The watchers.</summary>
    public required FileSystemWatcher[] Watchers { get; init; }
}

/// <summary>The params of <c>workspace/executeCommand</c>.</summary>
public sealed record ExecuteCommandParams : WorkDoneProgressParams
{
    /// <summary>The command.</summary>
    public required string Command { get; init; }

    /// <summary>Its arguments.</summary>
    public JsonElement[]? Arguments { get; init; }
}

/// <summary>Commands the server executes.</summary>
public sealed record ExecuteCommandOptions
{
    /// <summary>The command identifiers.</summary>
    public required string[] Commands { get; init; }
}

/// <summary>Edits to one version of a document.</summary>
public sealed record TextDocumentEdit
{
    /// <summary>The document and version.</summary>
    public required OptionalVersionedTextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The edits.</summary>
    public required TextEdit[] Edits { get; init; }
}

/// <summary>Changes to many documents.</summary>
public sealed record WorkspaceEdit
{
    /// <summary>Edits by document URI.</summary>
    public Dictionary<string, TextEdit[]>? Changes { get; init; }

    /// <summary>Versioned edits and resource operations (file creation), when the client supports them.</summary>
    public DocumentChange[]? DocumentChanges { get; init; }
}

/// <summary>The params of <c>workspace/applyEdit</c>.</summary>
public sealed record ApplyWorkspaceEditParams
{
    /// <summary>A label for undo.</summary>
    public string? Label { get; init; }

    /// <summary>The edit.</summary>
    public required WorkspaceEdit Edit { get; init; }
}

/// <summary>The result of <c>workspace/applyEdit</c>.</summary>
public sealed record ApplyWorkspaceEditResult
{
    /// <summary>Whether the edit was applied.</summary>
    public required bool Applied { get; init; }

    /// <summary>Why not.</summary>
    public string? FailureReason { get; init; }
}
