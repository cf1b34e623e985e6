using BriefingBot.Doors;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The gateway's hand-off to the workers: the receive loop only parses and queues, so a slow command can never
/// delay a heartbeat; when the queue is full the loop drops rather than waits. One writer: the receive loop.
/// </summary>
public sealed class InteractionQueue(IOptions<DiscordOptions> options)
    : DoorQueue<Interaction>(() => options.Value.QueueCapacity, singleWriter: true);
