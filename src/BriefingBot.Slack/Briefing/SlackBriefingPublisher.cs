using BriefingBot.Briefing;
using BriefingBot.Slack.WebApi;

namespace BriefingBot.Slack.Briefing;

/// <summary>
/// Posts the daily briefing to a Slack channel with chat.postMessage (split into pages within Block Kit's limits)
/// and the contact picture through the external upload flow. Slack has no nonce, so exactly-once rests on the
/// briefing ledger's claim alone.
/// </summary>
public sealed class SlackBriefingPublisher(SlackPublisher publisher) : IBriefingPublisher
{
    public string Platform => SlackDoor.Platform;

    public async Task<string?> PublishAsync(BriefingDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var posted = await publisher.PostAsync(delivery.Channel.ChannelId, delivery.Briefing with { Visibility = Replies.Visibility.Public },
                cancellationToken);
            return posted is [var first, ..] ? first : null;
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel" or "is_archived" or "restricted_action"
                                              or "cannot_find_channel")
        {
            throw new BriefingDeliveryException(e.Error switch
            {
                "not_in_channel" => $"the bot is not in Slack channel {delivery.Channel.ChannelId} (not_in_channel); invite it with /invite",
                "is_archived" => $"Slack channel {delivery.Channel.ChannelId} is archived (is_archived)",
                _ => $"Slack refused channel {delivery.Channel.ChannelId} ({e.Error})",
            }, e);
        }
    }
}
