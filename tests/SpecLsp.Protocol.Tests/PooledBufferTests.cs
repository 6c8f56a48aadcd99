using SpecLsp.Protocol.JsonRpc;

namespace SpecLsp.Protocol.Tests;

public sealed class PooledBufferTests
{
    [Fact]
    public void Write_PastEveryGrowth_KeepsAllBytesInOrder()
    {
        var buffer = new PooledBuffer(16);
        var expected = new List<byte>();
        for (int chunk = 1; chunk < 400; chunk++)
        {
            var span = buffer.GetSpan(chunk);
            for (int i = 0; i < chunk; i++)
            {
                span[i] = (byte)(chunk + i);
                expected.Add((byte)(chunk + i));
            }

            buffer.Advance(chunk);
        }

        Assert.Equal(expected, buffer.WrittenMemory.ToArray());
        buffer.Return();
        Assert.Equal(0, buffer.WrittenMemory.Length);
    }

    [Fact]
    public void Advance_BeyondWhatWasAskedFor_Throws()
    {
        var buffer = new PooledBuffer(16);
        int available = buffer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(available + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
        buffer.Return();
    }
}
