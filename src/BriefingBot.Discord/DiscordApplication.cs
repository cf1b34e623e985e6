using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>The application id: from Discord:ApplicationId, or else from READY; never guessed from the token.</summary>
public sealed class DiscordApplication(IOptions<DiscordOptions> options)
{
    private readonly TaskCompletionSource<Snowflake> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Snowflake> Id => Known().Task;

    public bool TryGet(out Snowflake id)
    {
        var known = Known().Task;
        id = known.IsCompletedSuccessfully ? known.Result : default;
        return id.Value != 0;
    }

    public void Learned(Snowflake id)
    {
        if (id.Value != 0) _known.TrySetResult(id);
    }

    // Settings are read on first use, not in the constructor: the host builds its services before it validates
    // the settings, and a bad setting must surface as the validator's message, not as a failed constructor.
    private TaskCompletionSource<Snowflake> Known()
    {
        if (!_known.Task.IsCompleted && Snowflake.TryParse(options.Value.ApplicationId, out var id)) _known.TrySetResult(id);
        return _known;
    }
}
