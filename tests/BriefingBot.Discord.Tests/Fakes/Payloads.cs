using System.Text.Json;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>Interaction payloads as Discord sends them, with ids minted now so the door treats them as fresh.</summary>
public static class Payloads
{
    public const string GuildId = "290926798626357999";
    public const string OtherGuildId = "290926798626357000";
    public const string ModeratorRoleId = "539082325061836999";
    private static long _counter;

    public static string NewId(DateTimeOffset? at = null) =>
        Snowflake.At(at ?? DateTimeOffset.UtcNow, (ulong)Interlocked.Increment(ref _counter)).ToString();

    /// <summary>A slash command; <paramref name="options"/> is the JSON array of Discord's options, already nested.</summary>
    public static string Command(string id, string name, string options = "[]", string guildId = GuildId, string permissions = "1024",
        string roles = "[]", int type = 2, string token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpJbnRlcmFjdGlvblRva2VuU2VjcmV0") =>
        $$"""
        {"id":"{{id}}","application_id":"{{FakeDiscord.ApplicationId}}","type":{{type}},"token":"{{token}}-{{id}}","version":1,
         "guild_id":"{{guildId}}","channel_id":"645027906669510667","locale":"en-GB","app_permissions":"442368",
         "member":{"user":{"id":"53908232506183680","username":"mason","global_name":"Mason","avatar":null,"discriminator":"0","public_flags":0},
                   "roles":{{roles}},"permissions":"{{permissions}}","nick":null,"joined_at":"2017-03-13T19:19:14.040000+00:00","deaf":false,"mute":false},
         "data":{"id":"771825006014889984","name":"{{name}}","type":1,"options":{{options}}},
         "entitlements":[],"authorizing_integration_owners":{"0":"{{GuildId}}"},"context":0,"attachment_size_limit":10485760}
        """;

    public static string Option(string name, string value, int type = 3, bool focused = false) =>
        $$"""{"name":"{{name}}","type":{{type}},"value":{{JsonSerializer.Serialize(value)}}{{(focused ? ",\"focused\":true" : "")}}}""";

    public static string Sub(string name, params string[] options) => $$"""{"name":"{{name}}","type":1,"options":[{{string.Join(",", options)}}]}""";
}
