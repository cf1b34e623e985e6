using BriefingBot.Doors;
using BriefingBot.Slack.Rendering;

namespace BriefingBot.Slack.Commands;

/// <summary>
/// One slash command on its way through the worker queue. In HTTP mode the request waits a moment for the answer;
/// whichever of the request (timing out) and the worker (finishing) moves first decides whether the answer goes back
/// in the HTTP response or later through response_url, so it is delivered exactly once.
/// </summary>
public sealed class SlashCommandJob(SlashCommand command, bool waitsInline) : InlineAnswer<SlackMessage>(waitsInline)
{
    public SlashCommand Command { get; } = command;
}
