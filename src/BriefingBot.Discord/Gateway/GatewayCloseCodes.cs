namespace BriefingBot.Discord.Gateway;

/// <summary>What to do after the gateway closed the connection.</summary>
public enum GatewayNext { Resume, NewSession, Stop }

/// <summary>Discord's gateway close codes and what each means for us, per the brief's table.</summary>
public static class GatewayCloseCodes
{
    /// <summary>The code we close with when we mean to resume: anything but 1000/1001 keeps the session alive.</summary>
    public const int Reconnecting = 4900;

    public static GatewayNext Next(int? code) => code switch
    {
        // Retrying these cannot help and burns the 1000 identifies a day: bad token, shards, version or intents.
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayNext.Stop,
        // The session is gone (not authenticated, already authenticated, bad seq, rate limited, timed out).
        4003 or 4005 or 4007 or 4008 or 4009 => GatewayNext.NewSession,
        _ => GatewayNext.Resume,
    };

    /// <summary>The line an operator reads when the bot stops; it says what to fix.</summary>
    public static string Explain(int code) => code switch
    {
        4004 => "Discord closed the gateway with 4004 (authentication failed): the bot token is wrong or was reset. Set BRIEFINGBOT_Discord__Token to the current token from the Developer Portal.",
        4010 => "Discord closed the gateway with 4010 (invalid shard).",
        4011 => "Discord closed the gateway with 4011 (sharding required): the bot is in too many servers for one connection.",
        4012 => "Discord closed the gateway with 4012 (invalid API version).",
        4013 => "Discord closed the gateway with 4013 (invalid intents).",
        4014 => "Discord closed the gateway with 4014 (disallowed intents): the bot asked for a privileged intent that is not enabled in the Developer Portal.",
        _ => $"Discord closed the gateway with {code}.",
    } + " The Discord door has stopped and will not retry.";
}
