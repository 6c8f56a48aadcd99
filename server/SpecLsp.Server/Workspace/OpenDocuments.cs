using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Server.Workspace;

/// <summary>
/// Opens, changes and closes documents in the <see cref="ServerStateStore"/>. Only mutating handlers call it, one at
/// a time in arrival order. A new version goes into the state at once with its parse scheduled; when the parse lane
/// finishes and the version is still current, its index entry replaces the previous one in a second state change.
/// </summary>
internal sealed class OpenDocuments(ServerStateStore store, DocumentParser parser)
{
    public ImmutableDictionary<string, DocumentSnapshot> Documents => store.Current.Documents;

    public DocumentSnapshot? Get(string uri) => store.Current.GetDocument(uri);

    public DocumentSnapshot Update(string uri, int version, SourceText text)
    {
        var snapshot = new DocumentSnapshot(uri, version, text, parser.Schedule(uri, text));
        string? path = WorkspacePaths.FromUriOrPath(uri);
        store.Update(state => state.WithDocument(path, snapshot));
        if (path is not null)
        {
            _ = IndexWhenParsedAsync(snapshot);
        }

        return snapshot;
    }

    public void Close(string uri)
    {
        store.Update(state => state.WithoutDocument(WorkspacePaths.FromUriOrPath(uri), uri));
        parser.Forget(uri);
    }

    private async Task IndexWhenParsedAsync(DocumentSnapshot snapshot)
    {
        SpecSnapshot spec;
        try
        {
            spec = await snapshot.Spec.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Overtaken by a newer version (whose own parse updates the entry) or failed (the request that needs it reports it).
            return;
        }

        // Built outside the store's lock (the snapshot keeps it for these roots).
        _ = spec.IndexEntry(store.Current.Index.Roots);
        store.Update(state => state.WithParsed(snapshot, spec.IndexEntry(state.Index.Roots)));
    }
}
