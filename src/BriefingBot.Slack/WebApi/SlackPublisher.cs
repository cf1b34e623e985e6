using System.Globalization;
using System.Text.Json.Nodes;
using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.WebApi;

/// <summary>
/// Posts a reply to a channel as the bot: every page of it with chat.postMessage, then each attachment through the
/// external upload flow (files.upload is retired). The daily briefing publishes through this.
/// </summary>
public sealed class SlackPublisher(SlackWebApi api, BlockKitRenderer renderer, ILogger<SlackPublisher> logger)
{
    /// <summary>Posts the reply; returns the ts of each message posted, in order.</summary>
    public async Task<IReadOnlyList<string>> PostAsync(string channelId, Reply reply, CancellationToken cancellationToken)
    {
        var posted = new List<string>();
        foreach (var page in renderer.RenderPages(reply))
        {
            var result = await api.CallAsync("chat.postMessage", page.PostMessageForm(channelId), cancellationToken);
            posted.Add(result.TryGetProperty("ts", out var ts) ? ts.GetString() ?? "" : "");
        }
        foreach (var attachment in reply.Attachments)
            await UploadAsync(channelId, attachment, cancellationToken);
        logger.LogInformation("Posted “{Title}” to Slack channel {Channel} in {Count} message(s) and {Files} file(s)",
            Phrases.Clip(reply.Title, 60), channelId, posted.Count, reply.Attachments.Count);
        return posted;
    }

    /// <summary>Shares one file in a channel: get an upload URL, send the bytes there, then complete the upload into the channel.</summary>
    public async Task<string> UploadAsync(string channelId, ReplyAttachment attachment, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("filename", attachment.FileName),
            new("length", attachment.Content.Length.ToString(CultureInfo.InvariantCulture)),
        };
        // The method page names the alt-text argument alt_txt (python-slack-sdk sends that too).
        if (attachment.Description is { } description) form.Add(new("alt_txt", Phrases.Clip(description, 1000)));
        var ticket = await api.CallAsync("files.getUploadURLExternal", form, cancellationToken);
        var uploadUrl = ticket.GetProperty("upload_url").GetString() ?? throw new SlackApiException("files.getUploadURLExternal", "no_upload_url");
        var fileId = ticket.GetProperty("file_id").GetString() ?? throw new SlackApiException("files.getUploadURLExternal", "no_file_id");
        await api.UploadBytesAsync(uploadUrl, attachment.Content, attachment.ContentType, cancellationToken);
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = attachment.Description ?? attachment.FileName });
        await api.CallAsync("files.completeUploadExternal",
            [new("files", files.ToJsonString(SlackMessage.Json)), new("channel_id", channelId)], cancellationToken);
        return fileId;
    }
}
