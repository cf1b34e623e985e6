using System.Text.Json;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Replies;

namespace BriefingBot.Discord;

/// <summary>The exact JSON the door sends, for the command line (<c>ask --format discord</c>).</summary>
public static class DiscordJson
{
    public static string Response(Reply reply, TimeProvider time) =>
        JsonSerializer.Serialize(InteractionResponse.Message(new EmbedRenderer(time).Render(reply)), DiscordRestClient.Json) + "\n";
}
