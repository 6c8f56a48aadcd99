using System.Buffers;

namespace SpecLsp.Protocol.JsonRpc;

/// <summary>
/// A message body being written, in an array rented from the shared pool; the write loop gives it back once the
/// body is sent. Large answers (an outline of thousands of symbols is most of a megabyte) would otherwise leave
/// large-object-heap garbage at every request, and the collections it causes, on every keystroke.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>
{
    private byte[] _array;
    private int _written;

    public PooledBuffer(int initialSize) => _array = ArrayPool<byte>.Shared.Rent(initialSize);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Gives the array back to the pool; the buffer is empty and unusable afterwards.</summary>
    public void Return()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _written + needed));
        _array.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
