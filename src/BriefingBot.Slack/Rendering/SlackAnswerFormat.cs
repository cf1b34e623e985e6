using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Slack.Rendering;

/// <summary>The exact Block Kit payload the door sends for a reply, for <c>ask --format slack</c> and Block Kit Builder.</summary>
public sealed class SlackAnswerFormat(TimeProvider time, DeskZone? desk = null) : IAnswerFormat
{
    public string Name => SlackDoor.Platform;

    public string Write(Reply reply) => new BlockKitRenderer(time, desk).Render(reply).ResponsePayload().ToJsonString(SlackMessage.IndentedJson) + "\n";
}
