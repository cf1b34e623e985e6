using System.Text.Json;
using BriefingBot.Discord.Http;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// Nobody outside the team moderates its knowledge by default. A public application with no Discord:GuildIds refuses
/// moderator commands from every server, saying why, and logs one line for the owner; a private one keeps server
/// moderators; an unreadable application counts as public; with GuildIds set, other servers reach nothing. Both modes.
/// </summary>
public sealed class SafeDefaultsTests : IAsyncLifetime
{
    private const string ManageServer = "32";
    private const string Member = "1024";
    private static readonly string StrangerUpdate =
        $"[{Payloads.Sub("aid", Payloads.Option("id", "A1"), Payloads.Option("status", "ended"), Payloads.Option("source", "Stranger Gazette"))}]";

    private readonly SignedPoster _poster = new();
    private readonly List<DoorHost> _hosts = [];
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _discord.DisposeAsync();
        _poster.Dispose();
    }

    private async Task<DoorHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var host = await DoorHost.StartAsync(_discord, settings);
        _hosts.Add(host);
        return host;
    }

    private async Task<Func<string, string, string, Task<JsonElement>>> GatewayAsync(Dictionary<string, string?>? settings = null)
    {
        await StartAsync(settings);
        var connection = await DoorHost.ConnectAsync(_discord);
        return async (name, options, permissions) => await AskAsync(connection, name, options, permissions, Payloads.OtherGuildId);
    }

    private async Task<JsonElement> AskAsync(FakeGatewayConnection connection, string name, string options, string permissions, string guild)
    {
        var id = Payloads.NewId();
        await connection.InteractionAsync(Payloads.Command(id, name, options, guild, permissions));
        return (await _discord.WaitForCallbackAsync(id)).Json;
    }

    private async Task<(DoorHost Host, string Url)> HttpAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:PublicKey"] = _poster.PublicKey,
            ["Discord:HttpListenUrl"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var host = await StartAsync(all);
        return (host, host.Get<BriefingBot.Doors.Http.DoorWebHost>().Addresses.Single() + InteractionEndpoint.Path);
    }

    private async Task<JsonElement> PostAsync(string url, string name, string options, string permissions, string guild = Payloads.OtherGuildId)
    {
        var (status, body) = await _poster.PostAsync(url, Payloads.Command(Payloads.NewId(), name, options, guild, permissions));
        Assert.True(status == 200, $"answered {status}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static void AssertRefusedWithTheReason(JsonElement answer)
    {
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        var text = InteractionTests.Text(answer);
        Assert.Contains("Only moderators can use /update aid; nothing was changed.", text);
        Assert.Contains(PublicBotGuard.Withheld, text);
        Assert.DoesNotContain("Updated A1", text);
        DiscordSpec.Shared.AssertValid(answer.GetRawText(), "CreateMessageInteractionCallbackRequest");
    }

    private static void AssertAidUnchanged(JsonElement aid)
    {
        var text = InteractionTests.Text(aid);
        Assert.Contains("Military aid from the United States to Ukraine: suspended", text);
        Assert.DoesNotContain("Stranger Gazette", text);
    }

    private static int PublicWarnings(DoorHost host) =>
        host.Logs.Lines.Count(l => l.Level == LogLevel.Warning && l.Text.Contains("Turn Public Bot off", StringComparison.Ordinal));

    [Fact]
    public async Task A_public_application_without_GuildIds_refuses_a_stranger_admins_update_and_says_why()
    {
        _discord.BotPublic = true;
        var ask = await GatewayAsync();
        AssertRefusedWithTheReason(await ask("update", StrangerUpdate, ManageServer));
        AssertRefusedWithTheReason(await ask("update", StrangerUpdate, "8")); // Administrator too
        AssertAidUnchanged(await ask("aid", "[]", Member));
        Assert.Contains("Reuters", InteractionTests.Text(await ask("terms", "[]", Member))); // members are answered as ever

        var host = _hosts.Single();
        Assert.Equal(1, PublicWarnings(host));
        var warning = host.Logs.Lines.Single(l => l.Text.Contains("Turn Public Bot off", StringComparison.Ordinal)).Text;
        Assert.Contains("BRIEFINGBOT_Discord__GuildIds__0", warning);
        Assert.Contains("teamowner", warning); // who owns it, so whoever reads the log knows whom to ask
        var read = Assert.Single(_discord.Requests, r => r.Path == "/api/v10/applications/@me");
        Assert.Equal("GET", read.Method);
        Assert.Equal("Bot " + FakeDiscord.Token, read.Authorization);
    }

    [Fact]
    public async Task A_private_application_keeps_server_moderators()
    {
        var ask = await GatewayAsync();
        var update = InteractionTests.Text(await ask("update", StrangerUpdate, ManageServer));
        Assert.Contains("Updated A1", update);
        Assert.Contains("Stranger Gazette", InteractionTests.Text(await ask("aid", "[]", Member)));
        Assert.Equal(0, PublicWarnings(_hosts.Single()));
        Assert.Contains(_hosts.Single().Logs.Lines, l => l.Text.Contains("is private (Public Bot is off)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_application_that_cannot_be_read_counts_as_public()
    {
        _discord.Intercept = r => r.Path == "/api/v10/applications/@me" ? new FakeResponse(403, """{"message":"Missing Access","code":50001}""") : null;
        var ask = await GatewayAsync();
        AssertRefusedWithTheReason(await ask("update", StrangerUpdate, ManageServer));
        AssertAidUnchanged(await ask("aid", "[]", Member));
        var host = _hosts.Single();
        var warning = Assert.Single(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("Could not read the Discord application", StringComparison.Ordinal));
        Assert.Contains("treated as public", warning.Text);
        Assert.Contains("50001", warning.Text);
    }

    [Fact]
    public async Task With_GuildIds_another_server_reaches_nothing_and_the_listed_one_keeps_its_moderators()
    {
        _discord.BotPublic = true;
        await StartAsync(new() { ["Discord:GuildIds:0"] = Payloads.GuildId });
        var connection = await DoorHost.ConnectAsync(_discord);
        var outside = await AskAsync(connection, "update", StrangerUpdate, ManageServer, Payloads.OtherGuildId);
        Assert.Equal(64, outside.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains(InteractionHandler.OutsideGuilds, InteractionTests.Text(outside));
        Assert.Contains(InteractionHandler.OutsideGuilds, InteractionTests.Text(await AskAsync(connection, "aid", "[]", Member, Payloads.OtherGuildId)));
        AssertAidUnchanged(await AskAsync(connection, "aid", "[]", Member, Payloads.GuildId));

        var inside = await AskAsync(connection, "update", $"[{Payloads.Sub("aid", Payloads.Option("id", "A1"), Payloads.Option("status", "resumed"), Payloads.Option("source", "Reuters"))}]",
            ManageServer, Payloads.GuildId);
        Assert.Contains("Updated A1", InteractionTests.Text(inside));
        // Only listed servers are served, so whether the application is public does not matter and is not asked.
        Assert.DoesNotContain(_discord.Requests, r => r.Path == "/api/v10/applications/@me");
        Assert.Equal(0, PublicWarnings(_hosts.Single()));
    }

    [Fact]
    public async Task Http_mode_a_public_application_without_GuildIds_refuses_moderators_and_answers_members()
    {
        _discord.BotPublic = true;
        var (host, url) = await HttpAsync();
        AssertRefusedWithTheReason(await PostAsync(url, "update", StrangerUpdate, ManageServer));
        AssertRefusedWithTheReason(await PostAsync(url, "update", StrangerUpdate, ManageServer, Payloads.GuildId));
        AssertAidUnchanged(await PostAsync(url, "aid", "[]", Member));
        Assert.Equal(1, PublicWarnings(host));
    }

    [Fact]
    public async Task Http_mode_with_GuildIds_another_server_reaches_nothing()
    {
        var (_, url) = await HttpAsync(new() { ["Discord:GuildIds:0"] = Payloads.GuildId });
        foreach (var (name, options, permissions) in new[] { ("update", StrangerUpdate, ManageServer), ("aid", "[]", Member), ("terms", "[]", Member) })
        {
            var answer = await PostAsync(url, name, options, permissions);
            Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
            Assert.Equal(InteractionHandler.OutsideGuilds, InteractionTests.Text(answer).Trim());
        }
        AssertAidUnchanged(await PostAsync(url, "aid", "[]", Member, Payloads.GuildId));
    }

    [Fact]
    public async Task The_fake_describes_the_application_as_Discords_spec_does()
    {
        foreach (var isPublic in new[] { false, true })
        {
            _discord.BotPublic = isPublic;
            using var http = new HttpClient();
            var body = await http.GetStringAsync(_discord.ApiUrl + "/applications/@me");
            DiscordSpec.Shared.AssertValid(body, "PrivateApplicationResponse");
            Assert.Equal(isPublic, PublicBotGuard.Read(System.Text.Encoding.UTF8.GetBytes(body)).Public);
        }
        // A team-owned application names the team; one that leaves bot_public out counts as public.
        var teamOwned = """{"name":"B","owner":{"username":"someone"},"team":{"name":"Briefing Team"},"bot_public":false}"""u8.ToArray();
        Assert.Equal(("B", "team Briefing Team", false), PublicBotGuard.Read(teamOwned));
        Assert.True(PublicBotGuard.Read("""{"name":"B","team":null}"""u8.ToArray()).Public);
    }
}
