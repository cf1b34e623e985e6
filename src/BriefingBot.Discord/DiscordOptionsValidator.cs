using BriefingBot.Doors;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>Checks the Discord settings at start, naming the environment variable to fix; never echoes the token.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions o)
    {
        var check = new DoorSettingsCheck("Discord");
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Token))
            errors.Add("Set Discord:Token (BRIEFINGBOT_Discord__Token) to the bot token from the Developer Portal, Bot page.");
        else if (o.Token.Any(char.IsWhiteSpace) || o.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
            errors.Add("Discord:Token (BRIEFINGBOT_Discord__Token) must be the bare token, without spaces or a \"Bot \" prefix.");
        if (o.ApplicationId.Length > 0 && !Snowflake.TryParse(o.ApplicationId, out _))
            errors.Add("Discord:ApplicationId (BRIEFINGBOT_Discord__ApplicationId) must be the numeric Application ID from the Developer Portal.");
        if (o.Mode == DiscordMode.Http)
        {
            if (o.ApplicationId.Length == 0)
                errors.Add("Discord:Mode is Http, so set Discord:ApplicationId (BRIEFINGBOT_Discord__ApplicationId); there is no READY to learn it from.");
            if (o.PublicKey.Length != 64 || !o.PublicKey.All(Uri.IsHexDigit))
                errors.Add("Discord:Mode is Http, so set Discord:PublicKey (BRIEFINGBOT_Discord__PublicKey) to the 64-hex-character Public Key from the Developer Portal.");
            check.Url("HttpListenUrl", o.HttpListenUrl, ["http", "https"], "http://0.0.0.0:8080");
        }
        else if (o.PublicKey.Length > 0 && (o.PublicKey.Length != 64 || !o.PublicKey.All(Uri.IsHexDigit)))
            errors.Add("Discord:PublicKey (BRIEFINGBOT_Discord__PublicKey) must be 64 hex characters, or empty in gateway mode.");
        for (var i = 0; i < o.GuildIds.Count; i++)
            if (!Snowflake.TryParse(o.GuildIds[i].Trim(), out _))
                errors.Add($"Discord:GuildIds:{i} (BRIEFINGBOT_Discord__GuildIds__{i}) must be a numeric server id; \"{DoorSettingsCheck.Clip(o.GuildIds[i])}\" is not.");
        for (var i = 0; i < o.ModeratorRoleIds.Count; i++)
            if (!Snowflake.TryParse(o.ModeratorRoleIds[i].Trim(), out _))
                errors.Add($"Discord:ModeratorRoleIds:{i} (BRIEFINGBOT_Discord__ModeratorRoleIds__{i}) must be a numeric role id; \"{DoorSettingsCheck.Clip(o.ModeratorRoleIds[i])}\" is not.");
        check.Url("ApiBaseUrl", o.ApiBaseUrl, ["https", "http"], "https://discord.com/api/v10");
        check.Url("GatewayUrl", o.GatewayUrl, ["wss", "ws"], "wss://gateway.discord.gg", emptyMeans: "ask Discord");
        // Discord gives up on an interaction unanswered after 3 seconds.
        check.Pipeline(o.QueueCapacity, o.Workers, "DeferAfter", o.DeferAfter, TimeSpan.FromSeconds(3));
        foreach (var error in errors) check.Fail(error);
        return check.Result;
    }
}
