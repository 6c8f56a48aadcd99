namespace SpecLsp.Protocol.JsonRpc;

/// <summary>The JSON-RPC 2.0 error codes, and the ones LSP reserves in the implementation-defined range.</summary>
public static class ErrorCodes
{
    /// <summary>The body is not valid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid request object (or the request is not allowed in the current state).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No handler for the method.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The params could not be read as the method expects.</summary>
    public const int InvalidParams = -32602;

    /// <summary>The handler failed.</summary>
    public const int InternalError = -32603;

    /// <summary>LSP: a request arrived before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>LSP: the error code for failures without a better one.</summary>
    public const int UnknownErrorCode = -32001;

    /// <summary>LSP: the request failed but was syntactically correct.</summary>
    public const int RequestFailed = -32803;

    /// <summary>LSP: the server cancelled the request.</summary>
    public const int ServerCancelled = -32802;

    /// <summary>LSP: the document changed, so the result would be stale.</summary>
    public const int ContentModified = -32801;

    /// <summary>LSP: the client cancelled the request (<c>$/cancelRequest</c>).</summary>
    public const int RequestCancelled = -32800;
}
