using System.Runtime.CompilerServices;
using System.Text.Json;
using BriefingBot.Discord.Rest;
using BriefingBot.Replies;

namespace BriefingBot.Discord.Rendering;

/// <summary>
/// Each reply laid out and serialised once a day: a kept answer (the core's answer cache) is the same
/// <see cref="Reply"/> until the knowledge or the day changes, and laying it out again was most of what an answered
/// request allocated. Entries live exactly as long as their reply does.
/// </summary>
public sealed class RenderedReplies(EmbedRenderer renderer, TimeProvider time)
{
    // The layout depends on the reply and on the day alone ("3 days ago" in each line's provenance), so the day is kept with it.
    private sealed record Rendered(DateOnly Day, InteractionResponse Response);

    private readonly ConditionalWeakTable<Reply, Rendered> _rendered = new();
    private readonly ConditionalWeakTable<InteractionResponse, byte[]> _json = new();

    /// <summary>The type-4 answer with <paramref name="reply"/> laid out, the same object while the reply and day are.</summary>
    public InteractionResponse Message(Reply reply)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (_rendered.TryGetValue(reply, out var kept) && kept.Day == day) return kept.Response;
        var response = InteractionResponse.Message(renderer.Render(reply));
        // Files ride in a multipart body, never in this JSON: such replies are laid out afresh each time.
        if (reply.Attachments.Count > 0) return response;
        _json.AddOrUpdate(response, JsonSerializer.SerializeToUtf8Bytes(response, DiscordRestClient.Json));
        _rendered.AddOrUpdate(reply, new Rendered(day, response));
        return response;
    }

    /// <summary>The response as JSON (<see cref="DiscordRestClient.Json"/>): kept bytes for a response made here, else serialised now.</summary>
    public byte[] Json(InteractionResponse response) =>
        _json.TryGetValue(response, out var json) ? json : JsonSerializer.SerializeToUtf8Bytes(response, DiscordRestClient.Json);
}
