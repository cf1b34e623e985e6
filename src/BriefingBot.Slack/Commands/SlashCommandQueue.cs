using BriefingBot.Doors;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.Commands;

/// <summary>The bounded queue between the listeners that receive slash commands (socket or HTTP) and the workers that answer them.</summary>
public sealed class SlashCommandQueue(IOptions<SlackOptions> options) : DoorQueue<SlashCommandJob>(() => options.Value.QueueCapacity);
