using SpecLsp.Core.Analysis;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Server.Workspace;

/// <summary>One version of an open document: its text now, its model once the parser gets to it.</summary>
internal sealed class DocumentSnapshot(string uri, int version, SourceText text, Task<SpecDocument> parsed)
{
    private Task<SpecSnapshot>? _parsedAlone;

    public string Uri { get; } = uri;

    public int Version { get; } = version;

    public SourceText Text { get; } = text;

    public Task<SpecDocument> Parsed { get; } = parsed;

    /// <summary>The version with its derived facts, made once when its parse lands: every feature shares its lazily computed facts.</summary>
    public Task<SpecSnapshot> Spec { get; } = WithFacts(uri, parsed);

    /// <summary>The snapshot when it is parsed already (by the parse lane or on its own), else null.</summary>
    public SpecSnapshot? SpecIfKnown =>
        Spec.IsCompletedSuccessfully ? Spec.Result
        : Volatile.Read(ref _parsedAlone) is { IsCompletedSuccessfully: true } alone ? alone.Result
        : null;

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

    /// <summary>
    /// The snapshot of this version for a view of the whole workspace taken while it was current: when a newer edit
    /// overtook it before the parse lane got to it, it is parsed on its own (once), so that view still holds it.
    /// </summary>
    public async Task<SpecSnapshot> GetSnapshotForViewAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Spec.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && Spec.IsCanceled)
        {
            var alone = Volatile.Read(ref _parsedAlone);
            if (alone is null)
            {
                var parse = new Task<SpecSnapshot>(() => new SpecSnapshot(SpecParser.Parse(Text), Uri));
                alone = Interlocked.CompareExchange(ref _parsedAlone, parse, null) ?? parse;
                if (ReferenceEquals(alone, parse))
                {
                    parse.Start(TaskScheduler.Default);
                }
            }

            return await alone.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<SpecSnapshot> WithFacts(string uri, Task<SpecDocument> parsed) => new(await parsed.ConfigureAwait(false), uri);
}
