using Microsoft.Extensions.Options;

namespace BriefingBot.Slack;

/// <summary>
/// Checks the Slack section at start-up. Each message names the setting and its environment variable, and never
/// repeats a token's value: validation messages reach logs and terminals.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions o)
    {
        var failures = new List<string>();
        if (!o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            failures.Add("Set Slack:BotToken (BRIEFINGBOT_Slack__BotToken) to the app's Bot User OAuth Token, which starts with xoxb- (OAuth & Permissions page).");
        if (o.Mode == SlackMode.SocketMode && !o.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            failures.Add("Set Slack:AppToken (BRIEFINGBOT_Slack__AppToken) to an app-level token starting with xapp- with the scope connections:write (Basic Information → App-Level Tokens), or set Slack:Mode to Http.");
        if (o.Mode == SlackMode.Http && string.IsNullOrWhiteSpace(o.SigningSecret))
            failures.Add("Set Slack:SigningSecret (BRIEFINGBOT_Slack__SigningSecret) to the app's Signing Secret (Basic Information → App Credentials); HTTP mode refuses every request without it.");
        // A stray space or line break would make the Authorization header invalid, and the runtime's error for that
        // quotes the header's value; refuse it here, where the message names only the setting.
        foreach (var (setting, value) in new[] { ("BotToken", o.BotToken), ("AppToken", o.AppToken), ("SigningSecret", o.SigningSecret) })
            if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                failures.Add($"Slack:{setting} (BRIEFINGBOT_Slack__{setting}) contains spaces or line breaks; set it to the value alone.");
        if (!Enum.IsDefined(o.Mode))
            failures.Add("Set Slack:Mode (BRIEFINGBOT_Slack__Mode) to SocketMode or Http.");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            failures.Add("Set Slack:ApiBaseUrl (BRIEFINGBOT_Slack__ApiBaseUrl) to an absolute http(s) URL such as https://slack.com/api/.");
        if (o.SocketModeUrl.Length > 0 && (!Uri.TryCreate(o.SocketModeUrl, UriKind.Absolute, out var ws) || ws.Scheme is not ("wss" or "ws")))
            failures.Add("Set Slack:SocketModeUrl (BRIEFINGBOT_Slack__SocketModeUrl) to an absolute ws(s):// URL, or leave it empty to use the one Slack hands out.");
        if (o.Mode == SlackMode.Http && (!Uri.TryCreate(o.HttpListenUrl, UriKind.Absolute, out var listen) || listen.Scheme is not ("http" or "https")))
            failures.Add("Set Slack:HttpListenUrl (BRIEFINGBOT_Slack__HttpListenUrl) to the address to listen on, such as http://0.0.0.0:3000.");
        foreach (var team in o.TeamIds.Where(t => !LooksLikeId(t, 'T', 'E')))
            failures.Add($"Slack:TeamIds holds “{Clip(team)}”, which is not a workspace id (T… or E…); find it in the workspace URL or About this workspace.");
        foreach (var user in o.ModeratorUserIds.Where(u => !LooksLikeId(u, 'U', 'W')))
            failures.Add($"Slack:ModeratorUserIds holds “{Clip(user)}”, which is not a Slack member id (U… or W…); use the member's profile → ⋮ → Copy member ID.");
        if (o.InlineReplyBudget < TimeSpan.Zero || o.InlineReplyBudget > TimeSpan.FromMilliseconds(2500))
            failures.Add("Set Slack:InlineReplyBudget to between 00:00:00 and 00:00:02.5; Slack gives up on a slash command after 3 seconds.");
        if (o.Workers is < 1 or > 64)
            failures.Add("Set Slack:Workers to a number between 1 and 64.");
        if (o.QueueCapacity is < 1 or > 100_000)
            failures.Add("Set Slack:QueueCapacity to a number between 1 and 100000.");
        if (o.PingInterval <= TimeSpan.Zero || o.PingTimeout <= TimeSpan.Zero)
            failures.Add("Set Slack:PingInterval and Slack:PingTimeout to positive times such as 00:00:10.");
        if (o.HelloTimeout <= TimeSpan.Zero || o.MaxReconnectDelay < TimeSpan.FromSeconds(1))
            failures.Add("Set Slack:HelloTimeout to a positive time and Slack:MaxReconnectDelay to at least 00:00:01.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool LooksLikeId(string id, char first, char second) =>
        id.Length is >= 3 and <= 20 && (id[0] == first || id[0] == second) && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static string Clip(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
