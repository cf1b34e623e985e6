using System.Text.Json;
using BriefingBot.Discord.Rest;
using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Discord.Rendering;

/// <summary>Discord's type-4 answers, laid out and serialised once a day per reply (the door kit's <see cref="KeptLayouts{T}"/>).</summary>
public sealed class RenderedReplies(EmbedRenderer renderer, TimeProvider time, DeskZone? desk = null)
{
    // Files ride in a multipart body, never in this JSON: such replies are laid out afresh each time.
    private readonly KeptLayouts<InteractionResponse> _kept = new(
        reply => InteractionResponse.Message(renderer.Render(reply)),
        response => JsonSerializer.SerializeToUtf8Bytes(response, DiscordRestClient.Json), time, keepWithFiles: false, desk);

    /// <summary>The type-4 answer with <paramref name="reply"/> laid out, the same object while the reply and day are.</summary>
    public InteractionResponse Message(Reply reply) => _kept.Layout(reply);

    /// <summary>The response as JSON (<see cref="DiscordRestClient.Json"/>): kept bytes for a response made here, else serialised now.</summary>
    public byte[] Json(InteractionResponse response) => _kept.Json(response);
}
