namespace BriefingBot.Discord.Gateway;

/// <summary>How long the gateway client waits between attempts; tests shorten these, production keeps the defaults.</summary>
public sealed record GatewayTimings
{
    /// <summary>The first wait after a failed connection; it doubles per failure up to <see cref="ReconnectMax"/>.</summary>
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most one Identify per this long, so a broken session can never identify in a loop.</summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5.5);

    /// <summary>After op 9 with d=false, a random wait up to this before identifying again.</summary>
    public TimeSpan InvalidSessionDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection that says no Hello within this long is given up, so a silent server cannot hang the bot.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
