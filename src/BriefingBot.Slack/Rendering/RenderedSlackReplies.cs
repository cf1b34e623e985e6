using System.Text.Json;
using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Slack.Rendering;

/// <summary>Slack messages, laid out as Block Kit and serialised once a day per reply (the door kit's <see cref="KeptLayouts{T}"/>).</summary>
public sealed class RenderedSlackReplies(BlockKitRenderer renderer, TimeProvider time, DeskZone? desk = null)
{
    private readonly KeptLayouts<SlackMessage> _kept = new(
        renderer.Render, message => JsonSerializer.SerializeToUtf8Bytes(message.ResponsePayload(), SlackMessage.Json), time, keepWithFiles: true, desk);

    /// <summary>The reply as one Slack message, the same object while the reply and the day are.</summary>
    public SlackMessage Render(Reply reply) => _kept.Layout(reply);

    /// <summary>The slash-command response body (<see cref="SlackMessage.ResponsePayload"/>) as UTF-8 JSON: kept bytes for a message made here.</summary>
    public byte[] ResponseJson(SlackMessage message) => _kept.Json(message);
}
