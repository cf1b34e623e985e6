using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;

namespace BriefingBot.Discord.Interactions;

/// <summary>Answers a gateway interaction with <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed class RestInteractionCallback(DiscordRestClient rest, RenderedReplies rendered) : IInteractionCallback
{
    public Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, $"interactions/{interaction.Id}/{interaction.Token}/callback", rendered.Json(response), cancellationToken);
}
