using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Server.Workspace;

/// <summary>
/// Parses documents off the message loop, one lane per document. While a parse runs, newer versions queue
/// in a single slot: each replaces (and cancels) the one waiting, so a burst of edits costs one parse of
/// the latest text, and a slow document never holds up another. Each lane keeps the model it parsed last,
/// from which the next version is reparsed (only the part the edit touched, where that gives the same model).
/// </summary>
internal sealed class DocumentParser(Func<SourceText, SpecDocument?, SpecDocument> parse)
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DocumentParser()
        : this(static (text, previous) => SpecParser.Parse(text, previous))
    {
    }

    public Task<SpecDocument> Schedule(string uri, SourceText text)
    {
        var pending = new Pending(text, new TaskCompletionSource<SpecDocument>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (!_lanes.TryGetValue(uri, out var lane))
            {
                lane = new Lane();
                _lanes.Add(uri, lane);
            }

            lane.Next?.Completion.TrySetCanceled();
            lane.Next = pending;
            if (!lane.Running)
            {
                lane.Running = true;
                _ = Task.Run(() => Drain(lane));
            }
        }

        return pending.Completion.Task;
    }

    public void Forget(string uri)
    {
        lock (_lock)
        {
            if (_lanes.Remove(uri, out var lane))
            {
                lane.Next?.Completion.TrySetCanceled();
                lane.Next = null;
            }
        }
    }

    private void Drain(Lane lane)
    {
        while (true)
        {
            Pending? next;
            lock (_lock)
            {
                next = lane.Next;
                lane.Next = null;
                if (next is null)
                {
                    lane.Running = false;
                    return;
                }
            }

            try
            {
                // Only this drain touches Last: a lane has one drain at a time.
                var model = parse(next.Text, lane.Last);
                lane.Last = model;
                next.Completion.TrySetResult(model);
            }
            catch (Exception ex)
            {
                next.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class Lane
    {
        public Pending? Next { get; set; }

        public bool Running { get; set; }

        public SpecDocument? Last { get; set; }
    }

    private sealed record Pending(SourceText Text, TaskCompletionSource<SpecDocument> Completion);
}
