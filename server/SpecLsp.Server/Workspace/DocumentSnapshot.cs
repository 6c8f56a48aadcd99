using SpecLsp.Core.Analysis;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Server.Workspace;

/// <summary>One version of an open document: its text now, its model once the parser gets to it.</summary>
internal sealed class DocumentSnapshot(string uri, int version, SourceText text, Task<SpecDocument> parsed)
{
    public string Uri { get; } = uri;

    public int Version { get; } = version;

    public SourceText Text { get; } = text;

    public Task<SpecDocument> Parsed { get; } = parsed;

    /// <summary>The version with its derived facts, made once when its parse lands: every feature shares its lazily computed facts.</summary>
    public Task<SpecSnapshot> Spec { get; } = WithFacts(uri, parsed);

    /// <summary>The snapshot of this version; ContentModified when a newer edit overtook it before it was parsed.</summary>
    public async Task<SpecSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Spec.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JsonRpcException(ErrorCodes.ContentModified, $"{Uri} changed after version {Version}.");
        }
    }

    /// <summary>The model of this version; ContentModified when a newer edit overtook it before it was parsed.</summary>
    public async Task<SpecDocument> GetModelAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Parsed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JsonRpcException(ErrorCodes.ContentModified, $"{Uri} changed after version {Version}.");
        }
    }

    private static async Task<SpecSnapshot> WithFacts(string uri, Task<SpecDocument> parsed) => new(await parsed.ConfigureAwait(false), uri);
}
