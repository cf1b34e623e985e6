using System.Threading.Channels;

namespace BriefingBot.Doors;

/// <summary>
/// The bounded hand-off between a door's receive loop and its workers: the loop only reads and queues, so a slow
/// command never delays the connection; when the queue is full the loop is told so at once and never waits.
/// </summary>
public class DoorQueue<T>(Func<int> capacity, bool singleWriter = false)
{
    // Made on first use: the host builds services before it validates the settings the capacity comes from.
    private readonly Lazy<Channel<T>> _channel = new(() => Channel.CreateBounded<T>(
        new BoundedChannelOptions(capacity()) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = singleWriter }));

    /// <summary>Queues without waiting; false when the workers are this far behind.</summary>
    public bool TryEnqueue(T item) => _channel.Value.Writer.TryWrite(item);

    public ChannelReader<T> Reader => _channel.Value.Reader;
}
