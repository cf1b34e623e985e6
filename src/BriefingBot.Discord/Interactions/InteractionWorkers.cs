using BriefingBot.Doors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>The workers that take gateway interactions off the queue and answer them, a few at a time.</summary>
public sealed class InteractionWorkers(
    InteractionQueue queue, InteractionHandler handler, RestInteractionCallback callback, IOptions<DiscordOptions> options,
    DoorShutdown shutdown, ILogger<InteractionWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Stopped);
        try
        {
            await foreach (var interaction in queue.Reader.ReadAllAsync(linked.Token))
            {
                try
                {
                    await handler.HandleAsync(interaction, callback, linked.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Interaction {Id} could not be handled", interaction.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
