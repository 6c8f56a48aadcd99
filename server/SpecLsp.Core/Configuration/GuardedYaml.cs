using System.Collections.Immutable;
using SpecLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecLsp.Core.Configuration;

/// <summary>A YAML value read by <see cref="GuardedYaml"/>.</summary>
/// <param name="Range">Where the value is written (for diagnostics).</param>
public abstract record YamlValue(TextRange Range);

/// <summary>A scalar; <paramref name="Value"/> is its text as YAML reads it.</summary>
/// <param name="Value">The text.</param>
/// <param name="Range">Where it is written.</param>
/// <param name="IsPlain">True for an unquoted scalar (so <c>null</c> and <c>~</c> mean nothing).</param>
public sealed record YamlScalarValue(string Value, TextRange Range, bool IsPlain) : YamlValue(Range);

/// <summary>A sequence.</summary>
/// <param name="Items">The items in order.</param>
/// <param name="Range">Where it starts.</param>
public sealed record YamlSequenceValue(ImmutableArray<YamlValue> Items, TextRange Range) : YamlValue(Range);

/// <summary>A mapping with scalar keys, in the order written.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Range">Where it starts.</param>
public sealed record YamlMappingValue(ImmutableArray<KeyValuePair<YamlScalarValue, YamlValue>> Entries, TextRange Range) : YamlValue(Range);

/// <summary>The outcome of <see cref="GuardedYaml.Load"/>: a value, or an error with its place.</summary>
/// <param name="Value">The root value; null for an empty document or an error.</param>
/// <param name="Error">What went wrong, or null.</param>
/// <param name="ErrorRange">Where it went wrong.</param>
public sealed record YamlLoadResult(YamlValue? Value, string? Error, TextRange ErrorRange);

/// <summary>
/// Reads small YAML documents (configuration, template front matter) without trusting them. YamlDotNet 16.3.0
/// has no depth limit and its object graph readers recurse, so a few hundred nested brackets overflow the stack;
/// here the text is refused when larger than <see cref="MaxLength"/> or nested deeper than <see cref="MaxDepth"/>,
/// only YamlDotNet's event parser runs, and aliases are shared, never copied, and at most <see cref="MaxAliases"/>.
/// </summary>
public static class GuardedYaml
{
    /// <summary>The largest text read: 64 KB.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>The deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most aliases accepted.</summary>
    public const int MaxAliases = 100;

    /// <summary>Reads <paramref name="text"/>; never throws. <paramref name="lineOffset"/> shifts every range (for YAML inside a larger file).</summary>
    public static YamlLoadResult Load(string text, int lineOffset = 0)
    {
        var start = new TextRange(lineOffset, 0, lineOffset, 0);
        if (text.Length > MaxLength)
        {
            return new YamlLoadResult(null, $"The YAML is larger than {MaxLength / 1024} KB.", start);
        }

        if (FlowNestingTooDeep(text))
        {
            return new YamlLoadResult(null, $"The YAML is nested deeper than {MaxDepth} levels.", start);
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            var stack = new Stack<Frame>();
            var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
            YamlValue? root = null;
            int aliases = 0;
            bool documentSeen = false;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                YamlValue? completed = null;
                string? anchor = null;
                switch (current)
                {
                    case DocumentStart:
                        if (documentSeen)
                        {
                            return new YamlLoadResult(null, "Only one YAML document is allowed.", RangeOf(current.Start, current.End, lineOffset));
                        }

                        documentSeen = true;
                        break;
                    case MappingStart mapping:
                        if (stack.Count >= MaxDepth)
                        {
                            return new YamlLoadResult(null, $"The YAML is nested deeper than {MaxDepth} levels.", RangeOf(current.Start, current.End, lineOffset));
                        }

                        stack.Push(new Frame(true, RangeOf(current.Start, current.End, lineOffset), AnchorOf(mapping.Anchor)));
                        break;
                    case SequenceStart sequence:
                        if (stack.Count >= MaxDepth)
                        {
                            return new YamlLoadResult(null, $"The YAML is nested deeper than {MaxDepth} levels.", RangeOf(current.Start, current.End, lineOffset));
                        }

                        stack.Push(new Frame(false, RangeOf(current.Start, current.End, lineOffset), AnchorOf(sequence.Anchor)));
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        completed = frame.Build();
                        anchor = frame.Anchor;
                        break;
                    case Scalar scalar:
                        completed = new YamlScalarValue(scalar.Value, RangeOf(scalar.Start, scalar.End, lineOffset), scalar.Style == ScalarStyle.Plain);
                        anchor = AnchorOf(scalar.Anchor);
                        break;
                    case AnchorAlias alias:
                        if (++aliases > MaxAliases)
                        {
                            return new YamlLoadResult(null, $"The YAML uses more than {MaxAliases} aliases.", RangeOf(current.Start, current.End, lineOffset));
                        }

                        if (!anchors.TryGetValue(alias.Value.Value, out completed))
                        {
                            return new YamlLoadResult(null, $"Unknown alias '*{alias.Value.Value}'.", RangeOf(current.Start, current.End, lineOffset));
                        }

                        break;
                }

                if (completed is null)
                {
                    continue;
                }

                if (anchor is not null)
                {
                    anchors[anchor] = completed;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                }
                else if (!stack.Peek().Add(completed, out string? error))
                {
                    return new YamlLoadResult(null, error, completed.Range);
                }
            }

            return new YamlLoadResult(root, null, default);
        }
        catch (YamlException exception)
        {
            return new YamlLoadResult(null, exception.Message, RangeOf(exception.Start, exception.End, lineOffset));
        }
    }

    /// <summary>The text of a scalar <paramref name="value"/>, or null for a non-scalar or a YAML null.</summary>
    public static string? AsString(YamlValue? value) =>
        value is YamlScalarValue scalar && !(scalar.IsPlain && scalar.Value is "" or "~" or "null" or "Null" or "NULL") ? scalar.Value : null;

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static TextRange RangeOf(Mark start, Mark end, int lineOffset)
    {
        var from = new Position(Math.Max(0, (int)start.Line - 1) + lineOffset, Math.Max(0, (int)start.Column - 1));
        var to = new Position(Math.Max(0, (int)end.Line - 1) + lineOffset, Math.Max(0, (int)end.Column - 1));
        return to < from ? new TextRange(from, from) : new TextRange(from, to);
    }

    private static bool FlowNestingTooDeep(string text)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c is '[' or '{')
            {
                if (++depth > MaxDepth)
                {
                    return true;
                }
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return false;
    }

    private sealed class Frame(bool isMapping, TextRange range, string? anchor)
    {
        private readonly List<YamlValue> _items = [];
        private readonly List<KeyValuePair<YamlScalarValue, YamlValue>> _entries = [];
        private YamlScalarValue? _pendingKey;

        public string? Anchor => anchor;

        public bool Add(YamlValue value, out string? error)
        {
            error = null;
            if (!isMapping)
            {
                _items.Add(value);
                return true;
            }

            if (_pendingKey is null)
            {
                if (value is not YamlScalarValue key)
                {
                    error = "Only plain keys are supported here.";
                    return false;
                }

                _pendingKey = key;
                return true;
            }

            _entries.Add(new(_pendingKey, value));
            _pendingKey = null;
            return true;
        }

        public YamlValue Build() => isMapping
            ? new YamlMappingValue([.. _entries], range)
            : new YamlSequenceValue([.. _items], range);
    }
}
