using System.Text.Json;

namespace BriefingBot.Slack.Commands;

/// <summary>A slash command as Slack sends it, over HTTP as a form or over Socket Mode as JSON; only the ids we rely on.</summary>
public sealed record SlashCommand(
    string Command, string Text, string UserId, string UserName, string? TeamId, string? EnterpriseId, string ChannelId, string? ResponseUrl)
{
    public static SlashCommand FromFields(Func<string, string?> field) => new(
        field("command") ?? "",
        field("text") ?? "",
        field("user_id") ?? "",
        field("user_name") ?? "",
        field("team_id"),
        field("enterprise_id"),
        field("channel_id") ?? "",
        field("response_url"));

    public static SlashCommand FromJson(JsonElement payload) =>
        FromFields(name => payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null);
}
