using BriefingBot.Fuzzing;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>INTERACTION_CREATE payloads shaped as Discord sends them, filled with <see cref="HostileInput"/>'s text.</summary>
public static class HostileJson
{
    /// <summary>A slash command, or an autocomplete request with one focused option, from a member or a moderator.</summary>
    public static string Interaction(HostileInput input, Random random, string id, bool autocomplete)
    {
        var command = input.Command();
        var focused = autocomplete && command.Options.Count > 0 ? random.Next(command.Options.Count) : -1;
        var options = command.Options.Select((o, i) => Option(input, random, o.Name, o.Value, i == focused)).ToList();
        var leaf = "[" + string.Join(",", options) + "]";
        // A subcommand carries its options inside itself, as Discord nests them.
        var top = command.Path.Count > 1 ? $$"""[{"name":{{input.Json(command.Path[1])}},"type":1,"options":{{leaf}}}]""" : leaf;
        var nick = random.Next(3) == 0 ? input.Json(input.Value()) : "null";
        var permissions = random.Next(2) == 0 ? "32" : "1024"; // Manage Server makes a moderator when no roles are set
        return $$"""
            {"id":"{{id}}","application_id":"{{FakeDiscord.ApplicationId}}","type":{{(autocomplete ? 4 : 2)}},"token":"tok-{{id}}","version":1,
             "guild_id":"{{Payloads.GuildId}}","channel_id":"645027906669510667","locale":{{input.Json(random.Next(10) == 0 ? input.Value() : "en-GB")}},
             "member":{"user":{"id":"53908232506183680","username":{{input.Json(input.Value())}},"global_name":{{input.Json(input.Value())}}},
                       "roles":[],"permissions":"{{permissions}}","nick":{{nick}} },
             "data":{"id":"771825006014889984","name":{{input.Json(command.Path[0])}},"type":1,"options":{{top}} } }
            """;
    }

    /// <summary>One option; now and then a value of another JSON kind than Discord would send, which the reader must survive.</summary>
    private static string Option(HostileInput input, Random random, string name, string value, bool focused)
    {
        var json = random.Next(20) switch
        {
            0 => "true",
            1 => "12345678901234567890",
            2 => "null",
            3 => """{"name":"x","value":"y"}""",
            4 => "[1,2]",
            _ => input.Json(value),
        };
        return $$"""{"name":{{input.Json(name)}},"type":3,"value":{{json}}{{(focused ? ",\"focused\":true" : "")}}}""";
    }
}
