using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rendering;

namespace BriefingBot.Discord.Http;

/// <summary>In HTTP mode the first answer is the response to Discord's POST itself: one round trip, no callback call.</summary>
internal sealed class HttpInteractionCallback : IInteractionCallback
{
    private readonly TaskCompletionSource<InteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<InteractionResponse> Response => _response.Task;

    public Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken) =>
        _response.TrySetResult(response)
            ? Task.CompletedTask
            : throw new InvalidOperationException($"Interaction {interaction.Id} was already answered.");
}
