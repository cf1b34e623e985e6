using BriefingBot.Slack.Rendering;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.Commands;

/// <summary>Delivers answers that did not go back with the acknowledgement, through the command's response_url.</summary>
public sealed class SlashCommandResponder(SlackWebApi api, ILogger<SlashCommandResponder> logger)
{
    /// <summary>Posts an answer to the command's response_url; failures are logged with Slack's answer, never the URL.</summary>
    public async Task DeliverLateAsync(SlashCommand command, SlackMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.ResponseUrl))
        {
            logger.LogWarning("Slack {Command} from {User} came without a response_url; the answer cannot be delivered", command.Command, command.UserId);
            return;
        }
        try
        {
            await api.PostToResponseUrlAsync(command.ResponseUrl, message.ResponsePayload(), cancellationToken);
            logger.LogInformation("Answered Slack {Command} from {User} in {Channel}", command.Command, command.UserId, command.ChannelId);
        }
        catch (SlackApiException)
        {
            // Already logged by the client with Slack's answer (an expired or used response_url, a 5xx); nothing else to do.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: the message of a bad-URL exception could quote the URL, which is a credential.
            logger.LogError("Answering Slack {Command} from {User} through response_url failed: {Error}", command.Command, command.UserId, e.GetType().Name);
        }
    }
}
