using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Registration;
using BriefingBot.Discord.Tests.Fakes;

namespace BriefingBot.Discord.Tests;

/// <summary>The command registration derived from the catalogue, and when it is sent.</summary>
public sealed class RegistrationTests
{
    private static JsonElement Commands(bool global) => JsonDocument.Parse(CommandRegistration.Json(global)).RootElement;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_command_validates_against_the_OpenAPI_spec(bool global)
    {
        var commands = Commands(global);
        Assert.Equal(CommandCatalogue.Commands.Count, commands.GetArrayLength());
        foreach (var command in commands.EnumerateArray())
        {
            DiscordSpec.Shared.AssertValid(command.GetRawText(), "ApplicationCommandCreateRequest");
            Assert.Equal(global, command.TryGetProperty("contexts", out _));
            // Discord's 8000-character budget per command: the names, descriptions and values of the command, its
            // subcommands, options and choices added up (not the JSON around them, which /update outgrew with /update role).
            Assert.True(Budget(command) <= 8000, $"{command.GetProperty("name")} uses {Budget(command)} of Discord's 8000 characters.");
        }
    }

    private static int Budget(JsonElement element) =>
        (element.TryGetProperty("name", out var name) ? name.GetString()!.Length : 0)
        + (element.TryGetProperty("description", out var description) ? description.GetString()!.Length : 0)
        + (element.TryGetProperty("value", out var value) ? value.ToString().Length : 0)
        + (element.TryGetProperty("options", out var options) ? options.EnumerateArray().Sum(Budget) : 0)
        + (element.TryGetProperty("choices", out var choices) ? choices.EnumerateArray().Sum(Budget) : 0);

    [Fact]
    public void Options_map_to_Discord_types_with_required_first_autocomplete_for_names_and_choices_for_lists()
    {
        var commands = Commands(global: true).EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var contacts = commands["contacts"].GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        Assert.Equal(3, contacts["person"].GetProperty("type").GetInt32());
        Assert.True(contacts["person"].GetProperty("autocomplete").GetBoolean());
        Assert.Contains("meeting", contacts["kind"].GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.False(contacts["kind"].TryGetProperty("autocomplete", out _));
        Assert.True(commands["terms"].GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());

        var update = commands["update"];
        Assert.Equal("32", update.GetProperty("default_member_permissions").GetString());
        Assert.False(commands["terms"].TryGetProperty("default_member_permissions", out _));
        foreach (var sub in update.GetProperty("options").EnumerateArray())
        {
            Assert.Equal(1, sub.GetProperty("type").GetInt32());
            var required = sub.TryGetProperty("options", out var o)
                ? o.EnumerateArray().Select(x => x.TryGetProperty("required", out var r) && r.GetBoolean()).ToList()
                : [];
            Assert.Equal(required.OrderByDescending(r => r), required);
        }
        var planned = update.GetProperty("options").EnumerateArray().First(s => s.GetProperty("name").GetString() == "contact")
            .GetProperty("options").EnumerateArray().First(o => o.GetProperty("name").GetString() == "planned");
        Assert.Equal(5, planned.GetProperty("type").GetInt32());
        Assert.False(planned.TryGetProperty("max_length", out _));
    }

    [Fact]
    public async Task Registers_globally_once_and_not_again_while_the_catalogue_is_unchanged()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-discord-tests", Guid.NewGuid().ToString("n"));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                await using var bot = await DoorHost.StartAsync(discord, folder: folder);
                await DoorHost.ConnectAsync(discord);
                var registrar = bot.Get<CommandRegistrar>();
                await registrar.Completion.WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(run == 0 ? 1 : 0, registrar.Overwrites);
            }
            var puts = discord.Requests.Where(r => r.Method == "PUT").ToList();
            Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/commands", Assert.Single(puts).Path);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_GuildIds_registers_per_guild_and_clears_global_commands()
    {
        await using var discord = await FakeDiscord.StartAsync();
        const string guild = "290926798626357999";
        discord.Intercept = r => r.Method == "GET" && r.Path.EndsWith($"/applications/{FakeDiscord.ApplicationId}/commands", StringComparison.Ordinal)
            && !discord.Requests.Any(x => x.Method == "PUT" && x.Body == "[]")
            ? new FakeResponse(200, """[{"id":"1","name":"terms","description":"old","type":1}]""")
            : null;
        await using var bot = await DoorHost.StartAsync(discord, new() { ["Discord:GuildIds:0"] = guild });
        await DoorHost.ConnectAsync(discord);
        await bot.Get<CommandRegistrar>().Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var puts = discord.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/guilds/{guild}/commands", puts[0].Path);
        Assert.False(puts[0].Json[0].TryGetProperty("contexts", out _));
        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/commands", puts[1].Path);
        Assert.Equal("[]", puts[1].Body);
    }
}
