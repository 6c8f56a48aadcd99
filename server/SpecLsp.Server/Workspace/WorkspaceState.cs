using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Server.Workspace;

/// <summary>
/// The open documents as an immutable map, replaced whole on every change. Only mutating handlers change
/// it, and they run one at a time in arrival order, so there is a single writer; readers take
/// <see cref="Documents"/> once and keep that snapshot.
/// </summary>
internal sealed class WorkspaceState(DocumentParser parser)
{
    private ImmutableDictionary<string, DocumentSnapshot> _documents = ImmutableDictionary.Create<string, DocumentSnapshot>(StringComparer.Ordinal);

    public event Action<DocumentSnapshot>? DocumentChanged;

    public event Action<string>? DocumentClosed;

    public ImmutableDictionary<string, DocumentSnapshot> Documents => Volatile.Read(ref _documents);

    public DocumentSnapshot? Get(string uri) => Documents.GetValueOrDefault(uri);

    public DocumentSnapshot Update(string uri, int version, SourceText text)
    {
        var snapshot = new DocumentSnapshot(uri, version, text, parser.Schedule(uri, text));
        Volatile.Write(ref _documents, _documents.SetItem(uri, snapshot));
        DocumentChanged?.Invoke(snapshot);
        return snapshot;
    }

    public void Close(string uri)
    {
        Volatile.Write(ref _documents, _documents.Remove(uri));
        parser.Forget(uri);
        DocumentClosed?.Invoke(uri);
    }
}
