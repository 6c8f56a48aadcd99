namespace SpecLsp.Protocol.JsonRpc;

/// <summary>Limits of a <see cref="JsonRpcConnection"/>.</summary>
public sealed class JsonRpcOptions
{
    /// <summary>The default <see cref="MaxContentLength"/>: 64 MiB.</summary>
    public const long DefaultMaxContentLength = 64L * 1024 * 1024;

    /// <summary>Frames with a longer body are skipped without being buffered.</summary>
    public long MaxContentLength { get; init; } = DefaultMaxContentLength;

    /// <summary>A header block longer than this without its terminating blank line is garbage.</summary>
    public int MaxHeaderLength { get; init; } = 8 * 1024;
}
