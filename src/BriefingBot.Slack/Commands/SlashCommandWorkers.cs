using BriefingBot.Replies;
using BriefingBot.Slack.Rendering;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack.Commands;

/// <summary>
/// Answers queued slash commands, a few at a time, off the receive loop. A late answer goes through response_url
/// (in channel for members' answers, ephemeral for errors and confirmations); attachments are uploaded to the channel.
/// </summary>
public sealed class SlashCommandWorkers(
    SlashCommandQueue queue, SlashCommandAnswerer answerer, SlashCommandResponder responder, SlackPublisher publisher, BlockKitRenderer renderer,
    IOptions<SlackOptions> options, ILogger<SlashCommandWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
                try
                {
                    await AnswerAsync(job, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad command must not take a worker, or with it the host, down.
                    logger.LogError(e, "Delivering the answer to Slack {Command} from {User} failed", job.Command.Command, job.Command.UserId);
                }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task AnswerAsync(SlashCommandJob job, CancellationToken cancellationToken)
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
            message = renderer.Render(Reply.Error($"Something went wrong answering {command.Command}; nothing was changed. Please try again."));
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
