using BriefingBot.Replies;

namespace BriefingBot.Slack.Rendering;

/// <summary>The exact JSON the Slack door sends for a reply, for <c>ask --format slack</c> and Block Kit Builder.</summary>
public static class SlackPayloadWriter
{
    public static string Write(Reply reply, TimeProvider time) =>
        new BlockKitRenderer(time).Render(reply).ResponsePayload().ToJsonString(SlackMessage.IndentedJson) + "\n";
}
