using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>Checks the Discord settings at start, naming the environment variable to fix; never echoes the token.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions o)
    {
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
            if (!Uri.TryCreate(o.HttpListenUrl, UriKind.Absolute, out _))
                errors.Add("Discord:HttpListenUrl (BRIEFINGBOT_Discord__HttpListenUrl) must be a URL such as http://0.0.0.0:8080.");
        }
        else if (o.PublicKey.Length > 0 && (o.PublicKey.Length != 64 || !o.PublicKey.All(Uri.IsHexDigit)))
            errors.Add("Discord:PublicKey (BRIEFINGBOT_Discord__PublicKey) must be 64 hex characters, or empty in gateway mode.");
        for (var i = 0; i < o.GuildIds.Count; i++)
            if (!Snowflake.TryParse(o.GuildIds[i].Trim(), out _))
                errors.Add($"Discord:GuildIds:{i} (BRIEFINGBOT_Discord__GuildIds__{i}) must be a numeric server id; \"{Clip(o.GuildIds[i])}\" is not.");
        for (var i = 0; i < o.ModeratorRoleIds.Count; i++)
            if (!Snowflake.TryParse(o.ModeratorRoleIds[i].Trim(), out _))
                errors.Add($"Discord:ModeratorRoleIds:{i} (BRIEFINGBOT_Discord__ModeratorRoleIds__{i}) must be a numeric role id; \"{Clip(o.ModeratorRoleIds[i])}\" is not.");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            errors.Add("Discord:ApiBaseUrl (BRIEFINGBOT_Discord__ApiBaseUrl) must be an http(s) URL such as https://discord.com/api/v10.");
        if (o.GatewayUrl.Length > 0 && (!Uri.TryCreate(o.GatewayUrl, UriKind.Absolute, out var gw) || gw.Scheme is not ("ws" or "wss")))
            errors.Add("Discord:GatewayUrl (BRIEFINGBOT_Discord__GatewayUrl) must be a ws:// or wss:// URL, or empty to ask Discord.");
        if (o.DeferAfter < TimeSpan.Zero || o.DeferAfter > TimeSpan.FromSeconds(2.5))
            errors.Add("Discord:DeferAfter (BRIEFINGBOT_Discord__DeferAfter) must be between 00:00:00 and 00:00:02.5 so every interaction is answered within Discord's 3 seconds.");
        if (o.QueueCapacity is < 1 or > 100_000)
            errors.Add("Discord:QueueCapacity (BRIEFINGBOT_Discord__QueueCapacity) must be between 1 and 100000.");
        if (o.Workers is < 1 or > 64)
            errors.Add("Discord:Workers (BRIEFINGBOT_Discord__Workers) must be between 1 and 64.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Clip(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
