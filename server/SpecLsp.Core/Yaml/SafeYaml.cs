using System.Collections.Immutable;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecLsp.Core.Yaml;

/// <summary>
/// Loads YAML that a user wrote (front matter, <c>.speclsp.yaml</c>) without letting it hurt the process.
/// YamlDotNet 16.3.0 has no depth limit and its recursive consumers overflow the stack, which no catch stops,
/// so the text is refused before YamlDotNet sees it when it is longer than <see cref="MaxBytes"/> or its
/// nesting (indentation, sequence dashes and flow brackets, measured by <see cref="EstimateDepth"/>) is deeper
/// than <see cref="MaxDepth"/>. The text is then read as an event stream, never with a recursive deserializer;
/// depth is checked again on the events, and aliases are counted as a full expansion would count them, so an
/// alias bomb is refused after <see cref="MaxAliases"/> expansions.
/// </summary>
public static class SafeYaml
{
    /// <summary>The largest text accepted, in UTF-8 bytes (64 KB).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The deepest nesting of collections accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most alias expansions accepted (an alias inside an aliased node counts once per expansion).</summary>
    public const int MaxAliases = 100;

    /// <summary>Loads the first document of <paramref name="yaml"/>. Never throws; problems come back as <see cref="SafeYamlResult.Error"/>.</summary>
    public static SafeYamlResult Load(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxBytes || Encoding.UTF8.GetByteCount(yaml) > MaxBytes)
        {
            return Fail($"YAML is larger than {MaxBytes / 1024} KB.", 0, yaml.Length);
        }

        int estimated = EstimateDepth(yaml);
        if (estimated > MaxDepth)
        {
            return Fail($"YAML is nested deeper than {MaxDepth} levels.", 0, yaml.Length);
        }

        try
        {
            return new EventReader(yaml).Read();
        }
        catch (YamlException e)
        {
            int start = Math.Clamp((int)e.Start.Index, 0, yaml.Length);
            int end = Math.Clamp((int)e.End.Index, start, yaml.Length);
            return Fail("Invalid YAML: " + FirstSentence(e.Message), start, end);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail("Invalid YAML: " + FirstSentence(e.Message), 0, yaml.Length);
        }
    }

    /// <summary>
    /// An upper estimate of the nesting depth of <paramref name="yaml"/>, without parsing it: block indentation
    /// levels, sequence dashes on one line (<c>- - -</c>) and open flow brackets, skipping quoted text, comments
    /// and block scalars. Used to refuse a text before the YAML library sees it.
    /// </summary>
    public static int EstimateDepth(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var indents = new Stack<int>();
        int max = 0;
        int flow = 0;
        char quote = '\0';
        int blockScalarParent = -1;
        int pos = 0;
        while (pos <= yaml.Length)
        {
            int lineEnd = yaml.IndexOfAny(['\r', '\n'], pos);
            if (lineEnd < 0)
            {
                lineEnd = yaml.Length;
            }

            int indent = pos;
            while (indent < lineEnd && yaml[indent] == ' ')
            {
                indent++;
            }

            int column = indent - pos;
            bool blank = indent == lineEnd || yaml[indent] == '#' || yaml[indent] == '\t';
            if (blockScalarParent >= 0 && (blank || column > blockScalarParent))
            {
                pos = NextLine(yaml, lineEnd);
                continue;
            }

            blockScalarParent = -1;
            if (!blank && quote == '\0' && flow == 0)
            {
                while (indents.Count > 0 && indents.Peek() > column)
                {
                    indents.Pop();
                }

                if (indents.Count == 0 || indents.Peek() < column)
                {
                    indents.Push(column);
                }
            }

            bool valueStart = true;
            int i = indent;
            while (i < lineEnd)
            {
                char c = yaml[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        if (quote == '\'' && i + 1 < lineEnd && yaml[i + 1] == '\'')
                        {
                            i++;
                        }
                        else
                        {
                            quote = '\0';
                        }
                    }
                    else if (c == '\\' && quote == '"')
                    {
                        i++;
                    }

                    i++;
                    continue;
                }

                if (c == '#' && (i == indent || yaml[i - 1] is ' ' or '\t'))
                {
                    break;
                }

                if (valueStart && flow == 0 && (c is '-' or '?') && (i + 1 == lineEnd || yaml[i + 1] is ' ' or '\t'))
                {
                    // "- - x": each dash opens one more level.
                    if (i > indent)
                    {
                        indents.Push(i - pos);
                    }

                    i++;
                    continue;
                }

                if ((c is '[' or '{') && (valueStart || flow > 0))
                {
                    flow++;
                    max = Math.Max(max, indents.Count + flow);
                    valueStart = true;
                    i++;
                    continue;
                }

                if (c is ']' or '}' && flow > 0)
                {
                    flow--;
                }
                else if ((c is '"' or '\'') && (valueStart || flow > 0))
                {
                    quote = c;
                }
                else if ((c is '|' or '>') && valueStart && flow == 0 && IsBlockScalarHeader(yaml, i + 1, lineEnd))
                {
                    blockScalarParent = column;
                    break;
                }

                if (c is ' ' or '\t')
                {
                    // White space keeps the state: "key: [" still opens a flow collection.
                }
                else
                {
                    valueStart = c == ',' || (c == ':' && (i + 1 == lineEnd || yaml[i + 1] is ' ' or '\t'));
                }

                i++;
            }

            max = Math.Max(max, indents.Count + flow);
            pos = NextLine(yaml, lineEnd);
        }

        return max;
    }

    private static bool IsBlockScalarHeader(string text, int start, int lineEnd)
    {
        for (int i = start; i < lineEnd; i++)
        {
            char c = text[i];
            if (c == '#' && text[i - 1] is ' ' or '\t')
            {
                return true;
            }

            if (!(c is '+' or '-' or ' ' or '\t' || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextLine(string text, int lineEnd)
    {
        if (lineEnd >= text.Length)
        {
            return text.Length + 1;
        }

        return text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        string sentence = cut > 0 ? message[..(cut + 1)] : message;
        return sentence.Length > 200 ? sentence[..200] + "…" : sentence;
    }

    private static SafeYamlResult Fail(string message, int start, int end) => new(null, new SafeYamlError(message, start, end));

    /// <summary>Builds the node tree from the event stream with an explicit stack: no recursion anywhere.</summary>
    private sealed class EventReader(string yaml)
    {
        private readonly Dictionary<string, (SafeYamlNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private long _expansions;

        public SafeYamlResult Read()
        {
            var parser = new Parser(new StringReader(yaml));
            SafeYamlNode? root = null;
            int documents = 0;
            while (parser.MoveNext())
            {
                var current = parser.Current;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            return Fail("Only one YAML document is allowed here.", Offset(current.Start), yaml.Length);
                        }

                        break;
                    case Scalar scalar:
                    {
                        var node = new SafeYamlScalar(scalar.Value, Offset(scalar.Start), Offset(scalar.End), scalar.Style == ScalarStyle.Plain);
                        Remember(scalar.Anchor, node, 0);
                        if (Add(node, 0, ref root) is { } error)
                        {
                            return error;
                        }

                        break;
                    }

                    case AnchorAlias alias:
                    {
                        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            return Fail($"Unknown alias *{alias.Value.Value}.", Offset(alias.Start), Offset(alias.End));
                        }

                        if (Add(target.Node, target.Weight + 1, ref root) is { } error)
                        {
                            return error;
                        }

                        break;
                    }

                    case MappingStart mapping:
                        if (Open(new Frame(true, Offset(mapping.Start), mapping.Anchor)) is { } mappingError)
                        {
                            return mappingError;
                        }

                        break;
                    case SequenceStart sequence:
                        if (Open(new Frame(false, Offset(sequence.Start), sequence.Anchor)) is { } sequenceError)
                        {
                            return sequenceError;
                        }

                        break;
                    case MappingEnd:
                    case SequenceEnd:
                    {
                        var frame = _stack.Pop();
                        int end = CollectionEnd(frame.Start, Offset(current.End));
                        SafeYamlNode node = frame.IsMapping
                            ? new SafeYamlMapping(frame.Entries.ToImmutable(), frame.Start, end)
                            : new SafeYamlSequence(frame.Items.ToImmutable(), frame.Start, end);
                        Remember(frame.Anchor, node, frame.Weight);
                        if (Add(node, frame.Weight, ref root) is { } error)
                        {
                            return error;
                        }

                        break;
                    }
                }
            }

            return new SafeYamlResult(root, null);
        }

        private SafeYamlResult? Open(Frame frame)
        {
            if (_stack.Count >= MaxDepth)
            {
                return Fail($"YAML is nested deeper than {MaxDepth} levels.", frame.Start, yaml.Length);
            }

            _stack.Push(frame);
            return null;
        }

        private void Remember(AnchorName anchor, SafeYamlNode node, long weight)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, weight);
            }
        }

        /// <summary>Adds a finished node to its parent; <paramref name="weight"/> is how many alias expansions it stands for.</summary>
        private SafeYamlResult? Add(SafeYamlNode node, long weight, ref SafeYamlNode? root)
        {
            if (_stack.Count == 0)
            {
                _expansions += weight;
                root ??= node;
            }
            else
            {
                var parent = _stack.Peek();
                parent.Weight += weight;
                if (parent.IsMapping)
                {
                    if (parent.PendingKey is null)
                    {
                        parent.PendingKey = node;
                    }
                    else
                    {
                        parent.Entries.Add(new KeyValuePair<SafeYamlNode, SafeYamlNode>(parent.PendingKey, node));
                        parent.PendingKey = null;
                    }
                }
                else
                {
                    parent.Items.Add(node);
                }
            }

            long total = _expansions + _stack.Sum(f => f.Weight);
            return total > MaxAliases
                ? Fail($"YAML expands more than {MaxAliases} aliases.", node.Start, yaml.Length)
                : null;
        }

        /// <summary>
        /// YamlDotNet's end mark of a flow collection points at its closing bracket and that of a block collection
        /// at whatever follows it; this is the offset just past the collection's own last character.
        /// </summary>
        private int CollectionEnd(int start, int end)
        {
            if (start < yaml.Length && yaml[start] is '[' or '{' && end < yaml.Length && yaml[end] is ']' or '}')
            {
                return end + 1;
            }

            while (end > start && char.IsWhiteSpace(yaml[end - 1]))
            {
                end--;
            }

            return end;
        }

        private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, yaml.Length);

        private sealed class Frame(bool isMapping, int start, AnchorName anchor)
        {
            public bool IsMapping { get; } = isMapping;

            public int Start { get; } = start;

            public AnchorName Anchor { get; } = anchor;

            public long Weight { get; set; }

            public SafeYamlNode? PendingKey { get; set; }

            public ImmutableArray<KeyValuePair<SafeYamlNode, SafeYamlNode>>.Builder Entries { get; } = ImmutableArray.CreateBuilder<KeyValuePair<SafeYamlNode, SafeYamlNode>>();

            public ImmutableArray<SafeYamlNode>.Builder Items { get; } = ImmutableArray.CreateBuilder<SafeYamlNode>();
        }
    }
}

/// <summary>The outcome of <see cref="SafeYaml.Load"/>: a tree, or an error (never both).</summary>
/// <param name="Root">The document's root node; null for an empty document or on error.</param>
/// <param name="Error">Why the text was refused, or null.</param>
public sealed record SafeYamlResult(SafeYamlNode? Root, SafeYamlError? Error)
{
    /// <summary>True when the text was read.</summary>
    public bool IsValid => Error is null;
}

/// <summary>Why a YAML text was refused.</summary>
/// <param name="Message">A sentence for the user.</param>
/// <param name="Start">Offset in the YAML text where the problem starts.</param>
/// <param name="End">Offset where it ends.</param>
public sealed record SafeYamlError(string Message, int Start, int End);

/// <summary>A node of a YAML tree read by <see cref="SafeYaml"/>. Offsets are into the loaded text. An alias shares its anchor's node.</summary>
/// <param name="Start">Offset of the node's first character.</param>
/// <param name="End">Offset just past its last character.</param>
public abstract record SafeYamlNode(int Start, int End);

/// <summary>A scalar.</summary>
/// <param name="Value">The value, unquoted and unescaped.</param>
/// <param name="Start">Offset of the first character (the quote, for a quoted scalar).</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="IsPlain">True for an unquoted scalar (where <c>null</c>, <c>true</c>, numbers have their YAML meaning).</param>
public sealed record SafeYamlScalar(string Value, int Start, int End, bool IsPlain) : SafeYamlNode(Start, End);

/// <summary>A sequence.</summary>
/// <param name="Items">The items in order.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
public sealed record SafeYamlSequence(ImmutableArray<SafeYamlNode> Items, int Start, int End) : SafeYamlNode(Start, End);

/// <summary>A mapping.</summary>
/// <param name="Entries">The entries in order (duplicate keys kept).</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
public sealed record SafeYamlMapping(ImmutableArray<KeyValuePair<SafeYamlNode, SafeYamlNode>> Entries, int Start, int End) : SafeYamlNode(Start, End)
{
    /// <summary>The value of the first entry whose key is the scalar <paramref name="key"/>, or null.</summary>
    public SafeYamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key is SafeYamlScalar scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }
}
