using System.Text;
using SpecLsp.Core.Checklists;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Checklists;

public class ChecklistProgressTests
{
    private static string Dump(string text)
    {
        var sb = new StringBuilder();
        foreach (var progress in ChecklistProgress.Compute(SpecParser.Parse(SourceText.From(text))))
        {
            sb.Append($"{progress.Section.Title} (line {progress.HeadingRange.Start.Line + 1}): {progress.Label}\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void Compute_SectionsWithTasks_CountsIncludingSubsections()
    {
        var text = """
            # Plan

            ## Implementation Plan

            ### Phase 1
            - [x] Partition the store
            - [x] Compaction job
            - [ ] Cold bucket

            ### Phase 2
            - [ ] Query service

            ## Notes
            Nothing to do here.

            ## Review
            - [X] Reviewed
            * [ ] Approved
            """;
        Assert.Equal("""
            Plan (line 1): 3/6 done
            Implementation Plan (line 3): 2/4 done
            Phase 1 (line 5): 2/3 done
            Phase 2 (line 10): 0/1 done
            Review (line 16): 1/2 done

            """, Dump(text));
    }

    [Fact]
    public void Compute_TasksInCode_NotCounted()
    {
        Assert.Equal("", Dump("# T\n\n```\n- [ ] not a task\n```\n\n- not a task either\n"));
    }
}
