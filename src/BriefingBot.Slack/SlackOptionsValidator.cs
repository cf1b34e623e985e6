using BriefingBot.Doors;
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
        var check = new DoorSettingsCheck("Slack");
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
        check.Url("ApiBaseUrl", o.ApiBaseUrl, ["https", "http"], "https://slack.com/api/");
        check.Url("SocketModeUrl", o.SocketModeUrl, ["wss", "ws"], "wss://wss-primary.slack.com/link", emptyMeans: "use the one Slack hands out");
        if (o.Mode == SlackMode.Http) check.Url("HttpListenUrl", o.HttpListenUrl, ["http", "https"], "http://0.0.0.0:3000");
        foreach (var team in o.TeamIds.Where(t => !LooksLikeId(t, 'T', 'E')))
            failures.Add($"Slack:TeamIds holds “{DoorSettingsCheck.Clip(team)}”, which is not a workspace id (T… or E…); find it in the workspace URL or About this workspace.");
        foreach (var user in o.ModeratorUserIds.Where(u => !LooksLikeId(u, 'U', 'W')))
            failures.Add($"Slack:ModeratorUserIds holds “{DoorSettingsCheck.Clip(user)}”, which is not a Slack member id (U… or W…); use the member's profile → ⋮ → Copy member ID.");
        // Slack gives up on a slash command unanswered after 3 seconds.
        check.Pipeline(o.QueueCapacity, o.Workers, "InlineReplyBudget", o.InlineReplyBudget, TimeSpan.FromSeconds(3));
        if (o.PingInterval <= TimeSpan.Zero || o.PingTimeout <= TimeSpan.Zero)
            failures.Add("Set Slack:PingInterval and Slack:PingTimeout to positive times such as 00:00:10.");
        if (o.HelloTimeout <= TimeSpan.Zero || o.MaxReconnectDelay < TimeSpan.FromSeconds(1))
            failures.Add("Set Slack:HelloTimeout to a positive time and Slack:MaxReconnectDelay to at least 00:00:01.");
        foreach (var failure in failures) check.Fail(failure);
        return check.Result;
    }

    private static bool LooksLikeId(string id, char first, char second) =>
        id.Length is >= 3 and <= 20 && (id[0] == first || id[0] == second) && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
