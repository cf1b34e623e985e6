using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>The application id: from Discord:ApplicationId, or else from READY; never guessed from the token.</summary>
public sealed class DiscordApplication
{
    private readonly TaskCompletionSource<Snowflake> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscordApplication(IOptions<DiscordOptions> options)
    {
        if (Snowflake.TryParse(options.Value.ApplicationId, out var id)) _known.TrySetResult(id);
    }

    public Task<Snowflake> Id => _known.Task;

    public bool TryGet(out Snowflake id)
    {
        id = _known.Task.IsCompletedSuccessfully ? _known.Task.Result : default;
        return id.Value != 0;
    }

    public void Learned(Snowflake id)
    {
        if (id.Value != 0) _known.TrySetResult(id);
    }
}
