using System.Globalization;
using System.Net;
using System.Text.Json;
using BriefingBot.Briefing;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Replies;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Briefing;

/// <summary>
/// Posts the daily briefing to a Discord channel: split across as many messages as Discord's limits need, the
/// contact picture uploaded with the first, every message with <c>allowed_mentions: {"parse": []}</c> and a nonce
/// with <c>enforce_nonce</c>, so a retry after a crash returns the message Discord already has instead of a second one.
/// </summary>
public sealed class DiscordBriefingPublisher(DiscordRestClient rest, EmbedRenderer renderer, ILogger<DiscordBriefingPublisher> logger)
    : IBriefingPublisher
{
    public string Platform => DiscordIdentity.Platform;

    public async Task<string?> PublishAsync(BriefingDelivery delivery, CancellationToken cancellationToken)
    {
        if (!Snowflake.TryParse(delivery.Channel.ChannelId, out var channel))
            throw new BriefingDeliveryException($"“{delivery.Channel.ChannelId}” is not a Discord channel id");
        var pages = BriefingPages.Split(delivery.Briefing with { Visibility = Visibility.Public });
        string? first = null;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var files = page.Attachments;
            var message = new ChannelMessage
            {
                Embeds = renderer.Render(page).Embeds,
                Nonce = PartNonce(delivery.Nonce, i),
                Attachments = files.Count == 0 ? null : files.Select((f, n) => new MessageAttachment(n.ToString(System.Globalization.CultureInfo.InvariantCulture), f.FileName, f.Description)).ToList(),
            };
            var path = $"channels/{channel}/messages";
            byte[] answer;
            try
            {
                answer = files.Count == 0
                    ? await rest.SendAsync(HttpMethod.Post, path, message, cancellationToken)
                    : await rest.SendMultipartAsync(HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(message, DiscordRestClient.Json),
                        files.Select(f => (f.FileName, f.ContentType, f.Content)).ToList(), cancellationToken);
            }
            catch (DiscordRestException e) when (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                throw new BriefingDeliveryException(e.Code switch
                {
                    10003 => $"Discord says channel {channel} does not exist (10003); remove its schedule or set one in another channel",
                    50001 or 50013 => $"the bot may no longer post in channel {channel} ({e.Code}); give it View Channel, Send Messages, Embed Links and Attach Files there",
                    _ => e.Message,
                }, e);
            }
            using var json = JsonDocument.Parse(answer);
            first ??= json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        logger.LogInformation("Briefing posted to Discord channel {Channel} in {Count} message(s)", channel, pages.Count);
        return first;
    }

    /// <summary>Each part of one briefing gets its own nonce (Discord allows 25 characters), stable across retries.</summary>
    public static string PartNonce(string nonce, int part) => part == 0 ? nonce : nonce[..Math.Min(nonce.Length, 22)] + "-" + part.ToString("x2", CultureInfo.InvariantCulture);
}

/// <summary>A message posted to a channel: embeds, no pings, and the nonce that makes a repeated send harmless.</summary>
public sealed record ChannelMessage
{
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;
    public required string Nonce { get; init; }
    public bool EnforceNonce { get; init; } = true;
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }
}
