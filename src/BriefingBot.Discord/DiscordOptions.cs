namespace BriefingBot.Discord;

/// <summary>How the Discord door receives interactions: a gateway WebSocket, or Discord POSTing to our endpoint.</summary>
public enum DiscordMode { Gateway, Http }

/// <summary>Settings of the <c>Discord</c> section; validated at start by <see cref="DiscordOptionsValidator"/>.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Developer Portal (Bot → Reset Token). Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>The application id; taken from READY when empty in gateway mode, required in HTTP mode.</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>The application's public key (64 hex characters); HTTP mode checks every request against it.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>
    /// Servers the bot serves; commands are registered there, and other servers reach nothing. Empty: global commands,
    /// every server, and moderators only while the application is private (see <see cref="PublicBotGuard"/>).
    /// </summary>
    public List<string> GuildIds { get; set; } = [];

    /// <summary>Roles whose holders are moderators; empty: members with the Manage Server permission are.</summary>
    public List<string> ModeratorRoleIds { get; set; } = [];

    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>The REST base URL; point it at a Discord-compatible server for testing.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The gateway URL; empty asks <c>GET /gateway/bot</c> for it.</summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>HTTP mode: where Kestrel listens for <c>POST /discord/interactions</c>.</summary>
    public string HttpListenUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>How long an answer may take before the interaction is deferred; must stay well under Discord's 3 s.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How many interactions may wait for a worker before new ones are refused.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How many interactions are answered at once.</summary>
    public int Workers { get; set; } = 4;
}
