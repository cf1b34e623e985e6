using System.Reflection;

namespace BriefingBot.Discord;

/// <summary>How the bot introduces itself: one user agent on REST and on the gateway, and its invite link.</summary>
public static class DiscordIdentity
{
    /// <summary>The platform's name wherever the core records one: callers, schedules, briefing publishers.</summary>
    public const string Platform = "discord";

    public const string ProjectUrl = "https://github.com/briefingbot/briefingbot";

    /// <summary><c>DiscordBot (url, version)</c>, the form Discord asks for; requests without it may be blocked.</summary>
    public static readonly string UserAgent =
        $"DiscordBot ({ProjectUrl}, {typeof(DiscordIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"})";

    /// <summary>
    /// View Channels (1&lt;&lt;10), Send Messages (1&lt;&lt;11) and Embed Links (1&lt;&lt;14): interaction replies need none
    /// of them, but the team's daily briefing posts embeds to a channel, and nothing else is ever asked for.
    /// </summary>
    public const ulong Permissions = (1UL << 10) | (1UL << 11) | (1UL << 14);

    /// <summary>Manage Server, the permission that makes a member a moderator when no moderator roles are set.</summary>
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>The OAuth2 link a server admin opens to add the bot: the bot user plus its slash commands.</summary>
    public static string InviteLink(string applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={Uri.EscapeDataString(applicationId)}&scope=bot+applications.commands&permissions={Permissions}";
}
