using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriefingBot.Slack.Rendering;

/// <summary>One Slack message ready to send: the notification text, the Block Kit blocks, and who should see it.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks, bool Ephemeral, int LeftOut = 0)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        // The text is already entity-escaped for mrkdwn; the relaxed encoder keeps “quotes” and accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };

    /// <summary>The body of a slash-command answer, inline or through response_url.</summary>
    public JsonObject ResponsePayload() => new()
    {
        ["response_type"] = Ephemeral ? "ephemeral" : "in_channel",
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };

    /// <summary>The chat.postMessage arguments, as the Web API's form fields.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PostMessageForm(string channelId) =>
    [
        new("channel", channelId),
        new("text", Text),
        new("blocks", Blocks.ToJsonString(Json)),
        // Stored text must never notify anyone: no @group linking, no unfurled previews of cited links.
        new("link_names", "false"),
        new("unfurl_links", "false"),
        new("unfurl_media", "false"),
    ];
}
