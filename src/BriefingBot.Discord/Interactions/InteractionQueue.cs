using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The bounded hand-off between the gateway's receive loop and the workers: the loop only parses and queues, so a
/// slow command can never delay a heartbeat; when the queue is full the loop drops rather than waits.
/// </summary>
public sealed class InteractionQueue(IOptions<DiscordOptions> options)
{
    // Made on first use: the host builds services before it validates settings.
    private readonly Lazy<Channel<Interaction>> _channel = new(() => Channel.CreateBounded<Interaction>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true }));

    /// <summary>Queues without waiting; false when the workers are this far behind.</summary>
    public bool TryEnqueue(Interaction interaction) => _channel.Value.Writer.TryWrite(interaction);

    public ChannelReader<Interaction> Reader => _channel.Value.Reader;
}
