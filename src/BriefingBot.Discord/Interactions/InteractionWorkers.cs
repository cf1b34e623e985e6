using BriefingBot.Doors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>The workers that take gateway interactions off the queue and answer them, a few at a time.</summary>
public sealed class InteractionWorkers(
    InteractionQueue queue, InteractionHandler handler, RestInteractionCallback callback, IOptions<DiscordOptions> options,
    DoorShutdown shutdown, ILogger<InteractionWorkers> logger) : DoorWorkers<Interaction>(queue, shutdown, logger)
{
    protected override int Count => options.Value.Workers;

    protected override Task AnswerAsync(Interaction interaction, CancellationToken cancellationToken) =>
        handler.HandleAsync(interaction, callback, cancellationToken);

    protected override string Describe(Interaction interaction) => $"Interaction {interaction.Id}";
}
