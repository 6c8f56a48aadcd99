using SpecLsp.Core.References;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Workspace;
using LspRange = SpecLsp.Protocol.Lsp.Range;

namespace SpecLsp.Server.Conversions;

/// <summary>
/// Core reference results (paths, UTF-16 ranges, changes) to LSP locations and edits, against the server state the
/// request took: other files' URIs, texts (for non-UTF-16 positions) and versions as the request saw them, so an edit
/// arriving meanwhile never mixes into the answer.
/// </summary>
internal sealed class ReferenceConversions(ClientSession session)
{
    public Location ToLocation(ServerState state, SourceLocation location) => new() { Uri = state.ToUri(location.Path), Range = ToRange(state, location.Path, location.Range) };

    /// <summary>Converts many locations, reading each closed file at most once.</summary>
    public Location[] ToLocations(ServerState state, IEnumerable<SourceLocation> locations)
    {
        var encoder = session.Encoder;
        var texts = new Dictionary<string, SourceText?>(Core.Workspace.WorkspacePaths.Comparer);
        return [.. locations.Select(location =>
        {
            if (encoder == PositionEncoder.Utf16)
            {
                return new Location { Uri = state.ToUri(location.Path), Range = Raw(location.Range) };
            }

            if (!texts.TryGetValue(location.Path, out var text))
            {
                texts[location.Path] = text = state.GetText(location.Path);
            }

            return new Location { Uri = state.ToUri(location.Path), Range = text is null ? Raw(location.Range) : encoder.ToLsp(text, location.Range) };
        })];
    }

    public LspRange ToRange(ServerState state, string path, TextRange range)
    {
        // UTF-16 positions need no text; other encodings need the target's lines, open or on disk.
        var encoder = session.Encoder;
        var text = encoder == PositionEncoder.Utf16 ? null : state.GetText(path);
        return text is null ? Raw(range) : encoder.ToLsp(text, range);
    }

    public WorkspaceEdit ToWorkspaceEdit(ServerState state, WorkspaceChanges changes)
    {
        bool documentChanges = session.Capabilities.Workspace?.WorkspaceEdit?.DocumentChanges == true;
        if (!documentChanges)
        {
            return new WorkspaceEdit { Changes = changes.Edits.ToDictionary(e => state.ToUri(e.Path), e => ToEdits(state, e)) };
        }

        var operations = new List<DocumentChange>();
        foreach (var creation in changes.Creations)
        {
            var uri = state.ToUri(creation.Path);
            operations.Add(new CreateFile { Uri = uri });
            operations.Add(new TextDocumentEdit
            {
                TextDocument = Identify(state, uri),
                Edits = [new TextEdit { Range = Raw(default), NewText = creation.Text }],
            });
        }

        operations.AddRange(changes.Edits.Select(e => (DocumentChange)new TextDocumentEdit
        {
            TextDocument = Identify(state, state.ToUri(e.Path)),
            Edits = ToEdits(state, e),
        }));
        return new WorkspaceEdit { DocumentChanges = [.. operations] };
    }

    /// <summary>True when the client applies a <c>CreateFile</c> in a workspace edit: it must declare both <c>documentChanges</c> and the <c>create</c> resource operation.</summary>
    public bool CanCreateFiles => session.Capabilities.Workspace?.WorkspaceEdit is { DocumentChanges: true, ResourceOperations: { } operations }
        && operations.Contains("create", StringComparer.Ordinal);

    /// <summary>Definitions as links from <paramref name="origin"/> (what the client underlines), for clients with <c>linkSupport</c>.</summary>
    public LocationLink[] ToLocationLinks(ServerState state, IEnumerable<SourceLocation> locations, string originPath, TextRange origin)
    {
        var originRange = ToRange(state, originPath, origin);
        return [.. ToLocations(state, locations).Select(l => new LocationLink
        {
            OriginSelectionRange = originRange,
            TargetUri = l.Uri,
            TargetRange = l.Range,
            TargetSelectionRange = l.Range,
        })];
    }

    // The version the edits were computed on, so the client refuses them if the document changed since; null for a file not open.
    private static OptionalVersionedTextDocumentIdentifier Identify(ServerState state, string uri) => new() { Uri = uri, Version = state.GetDocument(uri)?.Version };

    private TextEdit[] ToEdits(ServerState state, FileEdits edits) =>
        [.. edits.Edits.Select(e => new TextEdit { Range = ToRange(state, edits.Path, e.Range), NewText = e.NewText })];

    private static LspRange Raw(TextRange range) => new()
    {
        Start = new Protocol.Lsp.Position { Line = range.Start.Line, Character = range.Start.Character },
        End = new Protocol.Lsp.Position { Line = range.End.Line, Character = range.End.Character },
    };
}
