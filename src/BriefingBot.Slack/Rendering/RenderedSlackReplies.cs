using System.Runtime.CompilerServices;
using System.Text.Json;
using BriefingBot.Replies;

namespace BriefingBot.Slack.Rendering;

/// <summary>
/// Each reply laid out as Block Kit and serialised once a day: a kept answer (the core's answer cache) is the same
/// <see cref="Reply"/> until the knowledge or the day changes. Entries live exactly as long as their reply does.
/// </summary>
public sealed class RenderedSlackReplies(BlockKitRenderer renderer, TimeProvider time)
{
    // The layout depends on the reply and on the day alone ("3 days ago" in each line's provenance), so the day is kept with it.
    private sealed record Rendered(DateOnly Day, SlackMessage Message);

    private readonly ConditionalWeakTable<Reply, Rendered> _rendered = new();
    private readonly ConditionalWeakTable<SlackMessage, byte[]> _json = new();

    /// <summary>The reply as one Slack message, the same object while the reply and the day are.</summary>
    public SlackMessage Render(Reply reply)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (_rendered.TryGetValue(reply, out var kept) && kept.Day == day) return kept.Message;
        var message = renderer.Render(reply);
        _json.AddOrUpdate(message, Serialise(message));
        _rendered.AddOrUpdate(reply, new Rendered(day, message));
        return message;
    }

    /// <summary>The slash-command response body (<see cref="SlackMessage.ResponsePayload"/>) as UTF-8 JSON: kept bytes for a message made here.</summary>
    public byte[] ResponseJson(SlackMessage message) => _json.TryGetValue(message, out var json) ? json : Serialise(message);

    private static byte[] Serialise(SlackMessage message) => JsonSerializer.SerializeToUtf8Bytes(message.ResponsePayload(), SlackMessage.Json);
}
