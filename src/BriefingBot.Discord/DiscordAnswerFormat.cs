using System.Text.Json;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Discord;

/// <summary>The exact interaction response the door sends for a reply (<c>ask --format discord</c>).</summary>
public sealed class DiscordAnswerFormat(TimeProvider time, DeskZone? desk = null) : IAnswerFormat
{
    public string Name => DiscordIdentity.Platform;

    public string Write(Reply reply) =>
        JsonSerializer.Serialize(InteractionResponse.Message(new EmbedRenderer(time, desk).Render(reply)), DiscordRestClient.Json) + "\n";
}
