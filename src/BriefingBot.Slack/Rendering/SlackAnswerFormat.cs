using BriefingBot.Doors;
using BriefingBot.Replies;

namespace BriefingBot.Slack.Rendering;

/// <summary>The exact Block Kit payload the door sends for a reply, for <c>ask --format slack</c> and Block Kit Builder.</summary>
public sealed class SlackAnswerFormat(TimeProvider time) : IAnswerFormat
{
    public string Name => SlackDoor.Platform;

    public string Write(Reply reply) => new BlockKitRenderer(time).Render(reply).ResponsePayload().ToJsonString(SlackMessage.IndentedJson) + "\n";
}
