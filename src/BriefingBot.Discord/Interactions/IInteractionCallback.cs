using BriefingBot.Discord.Rendering;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Where the first answer to an interaction goes: over REST for gateway interactions, or as the HTTP response in
/// HTTP mode. Later edits of <c>@original</c> always go over REST.
/// </summary>
public interface IInteractionCallback
{
    Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken);
}
