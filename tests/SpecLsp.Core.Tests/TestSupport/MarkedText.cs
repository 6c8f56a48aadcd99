using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.TestSupport;

/// <summary>
/// Fixture text with markers: <c>$$</c> is the caret, <c>[|…|]</c> an expected range (they may nest).
/// The markers are removed; positions refer to the clean text.
/// </summary>
public sealed record MarkedText(string Text, Position? Caret, IReadOnlyList<TextRange> Ranges)
{
    /// <summary>The caret, or an exception when the fixture has none.</summary>
    public Position CaretPosition => Caret ?? throw new InvalidOperationException("The fixture has no $$ caret.");

    /// <summary>The single range of the fixture.</summary>
    public TextRange Range => Ranges.Count == 1 ? Ranges[0] : throw new InvalidOperationException($"The fixture has {Ranges.Count} ranges, not one.");

    public static MarkedText Parse(string marked)
    {
        var clean = new System.Text.StringBuilder(marked.Length);
        int? caret = null;
        var open = new Stack<int>();
        var ranges = new List<(int Start, int End)>();
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "$$", 0, 2) == 0)
            {
                if (caret is not null)
                {
                    throw new ArgumentException("Two $$ carets in one fixture.", nameof(marked));
                }

                caret = clean.Length;
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                open.Push(clean.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0 && open.Count > 0)
            {
                ranges.Add((open.Pop(), clean.Length));
                i++;
            }
            else
            {
                clean.Append(marked[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Unclosed [| in fixture.", nameof(marked));
        }

        var source = SourceText.From(clean.ToString());
        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new MarkedText(
            source.Text,
            caret is { } c ? source.GetPosition(c) : null,
            ranges.Select(r => source.GetRange(r.Start, r.End)).ToList());
    }
}
