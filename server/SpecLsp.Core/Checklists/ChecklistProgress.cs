using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Checklists;

/// <summary>How many task items of a section (its subsections included) are checked.</summary>
/// <param name="Section">The section.</param>
/// <param name="Done">Checked items.</param>
/// <param name="Total">All items.</param>
public sealed record ChecklistProgress(Section Section, int Done, int Total)
{
    /// <summary>The text shown on the heading, such as <c>3/7 done</c>.</summary>
    public string Label => $"{Done}/{Total} done";

    /// <summary>Where the progress is shown: the heading line.</summary>
    public TextRange HeadingRange => Section.HeadingRange;

    /// <summary>The progress of every section that holds task items, in document order.</summary>
    public static ImmutableArray<ChecklistProgress> Compute(SpecDocument document)
    {
        if (document.TaskItems.IsEmpty)
        {
            return [];
        }

        var starts = document.TaskItems.Select(t => t.Range.Start).OrderBy(p => p).ToArray();
        var doneBefore = new int[starts.Length + 1];
        var checkedByStart = document.TaskItems.OrderBy(t => t.Range.Start).Select(t => t.IsChecked).ToArray();
        for (int i = 0; i < checkedByStart.Length; i++)
        {
            doneBefore[i + 1] = doneBefore[i] + (checkedByStart[i] ? 1 : 0);
        }

        var result = ImmutableArray.CreateBuilder<ChecklistProgress>();
        foreach (var section in document.AllSections)
        {
            int from = LowerBound(starts, section.Range.Start);
            int to = LowerBound(starts, section.Range.End);
            if (section.Range.End == document.Source.FullRange.End)
            {
                to = starts.Length;
            }

            if (to > from)
            {
                result.Add(new ChecklistProgress(section, doneBefore[to] - doneBefore[from], to - from));
            }
        }

        return result.ToImmutable();
    }

    private static int LowerBound(Position[] positions, Position value)
    {
        int lo = 0, hi = positions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
