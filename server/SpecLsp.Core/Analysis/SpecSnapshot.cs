using System.Collections.Concurrent;
using System.Collections.Immutable;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Analysis;

/// <summary>
/// One parsed version of a document with everything derived from it, each fact computed at most once, when first
/// asked for: the non-prose mask, the labelled lines, the outline, the file index entry, the template choice and the
/// match against that template. Facts that also depend on something that can change without a new version (the
/// workspace roots, the template environment) keep the last input they were computed for and are computed again
/// only for another one. Immutable to its readers and safe to share between threads: a race computes a fact twice
/// and keeps one answer.
/// </summary>
public sealed class SpecSnapshot
{
    private readonly Lazy<string?> _path;
    private TextMask? _nonProse;
    private StrongBoxOf<ImmutableArray<LabeledLine>>? _labeledLines;
    private StrongBoxOf<ImmutableArray<SymbolNode>>? _outline;
    private IndexMemo? _index;
    private ChoiceEntry? _choice;
    private MatchEntry? _match;
    private ConcurrentDictionary<Type, object>? _derived;

    /// <summary>Wraps <paramref name="document"/>, the version at <paramref name="uri"/> (a URI, a path, or null for a buffer with no file).</summary>
    public SpecSnapshot(SpecDocument document, string? uri = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        Uri = uri;
        _path = new Lazy<string?>(() => WorkspacePaths.FromUriOrPath(uri));
    }

    /// <summary>The parsed document.</summary>
    public SpecDocument Document { get; }

    /// <summary>Its text.</summary>
    public SourceText Text => Document.Source;

    /// <summary>The URI or path it was opened or read at; null for a buffer with no file.</summary>
    public string? Uri { get; }

    /// <summary>Its normalised absolute path, or null when it has none (<c>untitled:</c>).</summary>
    public string? Path => _path.Value;

    /// <summary>The parts that are not prose (code, comments, HTML, front matter).</summary>
    public TextMask NonProse => Once(ref _nonProse, static s => TextMask.NonProse(s.Document));

    /// <summary>Every labelled line (<c>**Key:** value</c>) outside code, comments and front matter.</summary>
    public ImmutableArray<LabeledLine> LabeledLines => Once(ref _labeledLines, static s => new StrongBoxOf<ImmutableArray<LabeledLine>>(LabeledLine.FindAll(s.Document, s.NonProse))).Value;

    /// <summary>The outline: the section tree with each defined ID under its section.</summary>
    public ImmutableArray<SymbolNode> Outline => Once(ref _outline, static s => new StrongBoxOf<ImmutableArray<SymbolNode>>(DocumentSymbols.Compute(s.Document))).Value;

    /// <summary>The index entry of this version at <see cref="Path"/> (empty for none), links resolved against <paramref name="roots"/>.</summary>
    public FileIndex IndexEntry(ImmutableArray<string> roots)
    {
        var seen = Volatile.Read(ref _index);
        if (seen is not null && seen.Roots == roots)
        {
            return seen.Entry;
        }

        var built = new IndexMemo(roots, FileIndex.Create(Path ?? string.Empty, Document, Path is null ? [] : roots));
        var won = Interlocked.CompareExchange(ref _index, built, seen);
        return won != seen && won is not null && won.Roots == roots ? won.Entry : built.Entry;
    }

    /// <summary>The template this version follows in <paramref name="environment"/> (see <see cref="TemplateEnvironment.Choose"/>).</summary>
    public TemplateChoice Choice(TemplateEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var seen = Volatile.Read(ref _choice);
        if (seen is not null && ReferenceEquals(seen.Environment, environment))
        {
            return seen.Choice;
        }

        var built = new ChoiceEntry(environment, environment.Choose(Document, Uri));
        Interlocked.CompareExchange(ref _choice, built, seen);
        return built.Choice;
    }

    /// <summary>This version laid over the template it follows in <paramref name="environment"/>; null when it follows none.</summary>
    public TemplateMatch? Match(TemplateEnvironment environment) => Choice(environment).Template is { } template ? Match(template) : null;

    /// <summary>This version laid over <paramref name="template"/>.</summary>
    public TemplateMatch Match(SpecTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var seen = Volatile.Read(ref _match);
        if (seen is not null && ReferenceEquals(seen.Match.Template, template))
        {
            return seen.Match;
        }

        var built = new MatchEntry(TemplateMatch.Create(Document, template));
        Interlocked.CompareExchange(ref _match, built, seen);
        return built.Match;
    }

    /// <summary>What the placeholder and metadata features know of the template this version follows; null when it follows none.</summary>
    public TemplateFacts? TemplateFacts(TemplateEnvironment environment) => Choice(environment).Template?.Facts;

    /// <summary>
    /// A fact a layer above Core derives from this version (the server's outline answer in LSP types), built at most
    /// once per version and type: <typeparamref name="T"/> is the key, so each consumer uses a type of its own.
    /// </summary>
    public T Derived<T>(Func<SpecSnapshot, T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var derived = Once(ref _derived, static _ => new ConcurrentDictionary<Type, object>());
        return (T)derived.GetOrAdd(typeof(T), static (_, state) => state.build(state.self), (build, self: this));
    }

    private T Once<T>(ref T? field, Func<SpecSnapshot, T> build)
        where T : class =>
        Volatile.Read(ref field) ?? Interlocked.CompareExchange(ref field, build(this), null) ?? field!;

    private sealed class StrongBoxOf<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed record IndexMemo(ImmutableArray<string> Roots, FileIndex Entry);

    private sealed record ChoiceEntry(TemplateEnvironment Environment, TemplateChoice Choice);

    private sealed record MatchEntry(TemplateMatch Match);
}
