using BriefingBot.Doors;
using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.Commands;

/// <summary>
/// Answers queued slash commands, a few at a time, off the receive loop. A late answer goes through response_url
/// (in channel for members' answers, ephemeral for errors and confirmations); attachments are uploaded to the channel.
/// </summary>
public sealed class SlashCommandWorkers(
    SlashCommandQueue queue, SlashCommandAnswerer answerer, SlashCommandResponder responder, SlackPublisher publisher, BlockKitRenderer renderer,
    IOptions<SlackOptions> options, DoorShutdown shutdown, ILogger<SlashCommandWorkers> logger) : DoorWorkers<SlashCommandJob>(queue, shutdown, logger)
{
    protected override int Count => options.Value.Workers;

    protected override string Describe(SlashCommandJob job) => $"Slack {job.Command.Command} from {job.Command.UserId}";

    protected override async Task AnswerAsync(SlashCommandJob job, CancellationToken cancellationToken)
    {
        var command = job.Command;
        Reply? reply = null;
        SlackMessage message;
        try
        {
            (reply, message) = await answerer.AnswerAsync(command, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The router already turns handler failures into answers; this is the renderer or something below it.
            logger.LogError(e, "Answering Slack {Command} from {User} failed", command.Command, command.UserId);
            message = renderer.Render(Fallback.Failed(command.Command));
        }
        if (!job.TryAnswerInline(message)) await responder.DeliverLateAsync(command, message, cancellationToken);
        if (reply is { Attachments.Count: > 0, Visibility: Visibility.Public })
            foreach (var attachment in reply.Attachments)
                try
                {
                    await publisher.UploadAsync(command.ChannelId, attachment, cancellationToken);
                }
                catch (SlackApiException)
                {
                    // Logged by the client with the method and Slack's error; the text answer has gone out already.
                }
    }
}
