using System.Text.Json;

namespace SpecLsp.Protocol.JsonRpc;

/// <summary>The <c>error</c> member of a JSON-RPC response.</summary>
/// <param name="Code">One of <see cref="ErrorCodes"/> or an application code.</param>
/// <param name="Message">A short description.</param>
/// <param name="Data">Optional extra information.</param>
public sealed record ResponseError(int Code, string Message, JsonElement? Data = null);

/// <summary>Thrown by a handler to answer with a specific error instead of InternalError.</summary>
public sealed class JsonRpcException : Exception
{
    /// <summary>Creates an exception that becomes the error <paramref name="code"/> with <paramref name="message"/>.</summary>
    public JsonRpcException(int code, string message)
        : base(message) => Code = code;

    /// <summary>The error code sent to the peer.</summary>
    public int Code { get; }
}
