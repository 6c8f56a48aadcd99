using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Tests;

public sealed class DocumentParserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Schedule_EditsQueuedBehindRunningParse_OnlyLatestIsParsed()
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var parsed = new List<string>();
        var parser = new DocumentParser((text, _) =>
        {
            lock (parsed)
            {
                parsed.Add(text.Text);
            }

            if (text.Text == "v1")
            {
                started.Set();
                release.Wait(Timeout);
            }

            return new SpecDocument { Source = text };
        });

        var v1 = parser.Schedule("a", SourceText.From("v1"));
        Assert.True(started.Wait(Timeout));
        var v2 = parser.Schedule("a", SourceText.From("v2"));
        var v3 = parser.Schedule("a", SourceText.From("v3"));
        var v4 = parser.Schedule("a", SourceText.From("v4"));
        release.Set();

        Assert.Equal("v4", (await v4.WaitAsync(Timeout)).Source.Text);
        Assert.Equal("v1", (await v1.WaitAsync(Timeout)).Source.Text);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => v2.WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => v3.WaitAsync(Timeout));
        Assert.Equal(["v1", "v4"], parsed);
    }

    [Fact]
    public async Task Schedule_SlowDocument_DoesNotDelayAnother()
    {
        using var release = new ManualResetEventSlim();
        var parser = new DocumentParser((text, _) =>
        {
            if (text.Text == "slow")
            {
                release.Wait(Timeout);
            }

            return new SpecDocument { Source = text };
        });

        var slow = parser.Schedule("slow.md", SourceText.From("slow"));
        var fast = await parser.Schedule("fast.md", SourceText.From("fast")).WaitAsync(Timeout);

        Assert.Equal("fast", fast.Source.Text);
        Assert.False(slow.IsCompleted);
        release.Set();
        await slow.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Schedule_ParserThrows_TaskFaultsAndLaneKeepsWorking()
    {
        var parser = new DocumentParser((text, _) => text.Text == "bad" ? throw new InvalidOperationException("boom") : new SpecDocument { Source = text });

        await Assert.ThrowsAsync<InvalidOperationException>(() => parser.Schedule("a", SourceText.From("bad")).WaitAsync(Timeout));
        Assert.Equal("good", (await parser.Schedule("a", SourceText.From("good")).WaitAsync(Timeout)).Source.Text);
    }

    [Fact]
    public async Task Schedule_NextVersion_IsParsedFromTheModelParsedLast()
    {
        var previousTexts = new List<string?>();
        var parser = new DocumentParser((text, previous) =>
        {
            lock (previousTexts)
            {
                previousTexts.Add(previous?.Source.Text);
            }

            return new SpecDocument { Source = text };
        });

        await parser.Schedule("a", SourceText.From("v1")).WaitAsync(Timeout);
        await parser.Schedule("a", SourceText.From("v2")).WaitAsync(Timeout);
        await parser.Schedule("b", SourceText.From("other")).WaitAsync(Timeout);
        parser.Forget("a");
        await parser.Schedule("a", SourceText.From("reopened")).WaitAsync(Timeout);

        Assert.Equal([null, "v1", null, null], previousTexts);
    }
}
