using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Server.Workspace;

/// <summary>One version of an open document: its text now, its model once the parser gets to it.</summary>
internal sealed class DocumentSnapshot(string uri, int version, SourceText text, Task<SpecDocument> parsed)
{
    private Task<SpecDocument>? _parsedAlone;

    public string Uri { get; } = uri;

    public int Version { get; } = version;

    public SourceText Text { get; } = text;

    public Task<SpecDocument> Parsed { get; } = parsed;

    /// <summary>The model when it is parsed already (by the parse lane or on its own), else null.</summary>
    public SpecDocument? ModelIfKnown =>
        Parsed.IsCompletedSuccessfully ? Parsed.Result
        : Volatile.Read(ref _parsedAlone) is { IsCompletedSuccessfully: true } alone ? alone.Result
        : null;

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
    /// The model of this version for a view of the whole workspace taken while it was current: when a newer edit
    /// overtook it before the parse lane got to it, it is parsed on its own (once), so that view still holds it.
    /// </summary>
    public async Task<SpecDocument> GetModelForViewAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Parsed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && Parsed.IsCanceled)
        {
            var alone = Volatile.Read(ref _parsedAlone);
            if (alone is null)
            {
                var parse = new Task<SpecDocument>(() => SpecParser.Parse(Text));
                alone = Interlocked.CompareExchange(ref _parsedAlone, parse, null) ?? parse;
                if (ReferenceEquals(alone, parse))
                {
                    parse.Start(TaskScheduler.Default);
                }
            }

            return await alone.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
