using System.Text.Json;
using BriefingBot.Answers;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Tests.Fakes;
using BriefingBot.Replies;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// Slash commands through the whole door (fake gateway in, real core, fake REST out): answered once and in time,
/// deferred only when slow, refusals and failures answered privately, moderators recognised as configured.
/// </summary>
public sealed class InteractionTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private readonly List<DoorHost> _hosts = [];

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private async Task<FakeGatewayConnection> StartAsync(Dictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        _hosts.Add(await DoorHost.StartAsync(_discord, settings, services));
        return await DoorHost.ConnectAsync(_discord);
    }

    private async Task<JsonElement> AskAsync(FakeGatewayConnection connection, string name, string options = "[]", string permissions = "1024",
        string roles = "[]", string guild = Payloads.GuildId, int type = 2)
    {
        var id = Payloads.NewId();
        await connection.InteractionAsync(Payloads.Command(id, name, options, guild, permissions, roles, type));
        return (await _discord.WaitForCallbackAsync(id)).Json;
    }

    internal static string Text(JsonElement callback) =>
        string.Join("\n", callback.GetProperty("data").GetProperty("embeds").EnumerateArray()
            .Select(e => (e.TryGetProperty("title", out var t) ? t.GetString() : "") + "\n" + (e.TryGetProperty("description", out var d) ? d.GetString() : "")));

    [Fact]
    public async Task A_member_question_is_answered_publicly_with_provenance_in_one_round_trip()
    {
        var connection = await StartAsync();
        var answer = await AskAsync(connection, "terms");
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        var data = answer.GetProperty("data");
        Assert.False(data.TryGetProperty("flags", out _), "a member answer must be public");
        Assert.Equal("[]", data.GetProperty("allowed_mentions").GetProperty("parse").GetRawText());
        var text = Text(answer);
        Assert.Contains("`T1`", text);
        Assert.Contains("Reuters, 6 March 2025", text);
        Assert.Contains("unconfirmed", text);
        DiscordSpec.Shared.AssertValid(answer.GetRawText(), "CreateMessageInteractionCallbackRequest");
    }

    [Fact]
    public async Task The_contact_picture_is_deferred_then_edited_in_as_a_file()
    {
        var connection = await StartAsync();
        var host = _hosts[^1];
        host.Get<Knowledge.FactLog>().Record(
            new Knowledge.ContactData(Knowledge.ContactKind.Call, [host.Get<Knowledge.ActorDirectory>().Find("Macron")!.Id, host.Get<Knowledge.ActorDirectory>().Find("Trump")!.Id],
                new Knowledge.EventDate(DateOnly.FromDateTime(DateTime.UtcNow), Knowledge.DatePrecision.Day), false, null, "A call today", null),
            null, new Knowledge.Provenance(new Knowledge.SourceRef("AFP"), Knowledge.Confidence.Reported), new Knowledge.ChangeAuthor("test", "t", "Test"), null);
        var id = Payloads.NewId();
        await connection.InteractionAsync(Payloads.Command(id, "contacts", """[{"name":"graph","type":5,"value":true}]"""));

        var callback = (await _discord.WaitForCallbackAsync(id)).Json;
        Assert.Equal(5, callback.GetProperty("type").GetInt32());
        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
        Assert.Contains("name=\"files[0]\"; filename=contacts.png", edit.Body);
        Assert.Contains("image/png", edit.Body);
        var payload = JsonDocument.Parse(FakeDiscord.PayloadJson(edit.Body, "multipart/form-data")).RootElement;
        Assert.Equal("contacts.png", payload.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Contains("A call today", payload.GetRawText());
        Assert.Equal(0, payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Subcommand_options_reach_the_core_and_a_member_update_is_refused_privately()
    {
        var connection = await StartAsync();
        var answer = await AskAsync(connection, "update", $"[{Payloads.Sub("retract", Payloads.Option("id", "T1"), Payloads.Option("reason", "wrong"))}]");
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Only moderators can use /update retract", Text(answer));
    }

    [Fact]
    public async Task Manage_Server_makes_a_moderator_when_no_roles_are_configured()
    {
        var connection = await StartAsync();
        var answer = await AskAsync(connection, "update", $"[{Payloads.Sub("retract", Payloads.Option("id", "T1"), Payloads.Option("reason", "wrong"))}]",
            permissions: "32");
        Assert.DoesNotContain("Only moderators", Text(answer));
        Assert.Contains("T1", Text(answer));
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task With_moderator_roles_set_only_those_roles_count()
    {
        var connection = await StartAsync(new() { ["Discord:ModeratorRoleIds:0"] = Payloads.ModeratorRoleId });
        var undo = $"[{Payloads.Sub("undo")}]";
        var manager = await AskAsync(connection, "update", undo, permissions: "32");
        Assert.Contains("Only moderators", Text(manager));
        var holder = await AskAsync(connection, "update", undo, roles: $"[\"{Payloads.ModeratorRoleId}\"]");
        Assert.DoesNotContain("Only moderators", Text(holder));
    }

    [Fact]
    public async Task A_server_outside_GuildIds_gets_a_polite_private_refusal_and_no_knowledge()
    {
        var connection = await StartAsync(new() { ["Discord:GuildIds:0"] = Payloads.GuildId });
        var answer = await AskAsync(connection, "terms", guild: Payloads.OtherGuildId);
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        var text = Text(answer);
        Assert.Contains(InteractionHandler.OutsideGuilds, text);
        Assert.DoesNotContain("truce", text, StringComparison.OrdinalIgnoreCase);
        var suggestions = await AskAsync(connection, "contacts", $"[{Payloads.Option("person", "mac", focused: true)}]", guild: Payloads.OtherGuildId, type: 4);
        Assert.Equal(0, suggestions.GetProperty("data").GetProperty("choices").GetArrayLength());
    }

    [Fact]
    public async Task Autocomplete_offers_names_as_typed()
    {
        var connection = await StartAsync();
        var answer = await AskAsync(connection, "contacts", $"[{Payloads.Option("person", "mac", focused: true)}]", type: 4);
        Assert.Equal(8, answer.GetProperty("type").GetInt32());
        var choices = answer.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("Emmanuel Macron", choices);
        Assert.InRange(choices.Count, 1, 25);
        DiscordSpec.Shared.AssertValid(answer.GetRawText(), "ApplicationCommandAutocompleteCallbackRequest");
        var empty = await AskAsync(connection, "contacts", $"[{Payloads.Option("person", "", focused: true)}]", type: 4);
        Assert.InRange(empty.GetProperty("data").GetProperty("choices").GetArrayLength(), 1, 25);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_edited_in()
    {
        var gate = new GatedHandler("help");
        var connection = await StartAsync(new() { ["Discord:DeferAfter"] = "00:00:00.2" }, GatedHandler.Install(gate, typeof(HelpAnswer)));
        var id = Payloads.NewId();
        await connection.InteractionAsync(Payloads.Command(id, "help"));
        var defer = (await _discord.WaitForCallbackAsync(id)).Json;
        Assert.Equal(5, defer.GetProperty("type").GetInt32());
        Assert.False(defer.GetProperty("data").TryGetProperty("flags", out _), "a member answer is deferred publicly");
        DiscordSpec.Shared.AssertValid(defer.GetRawText(), "CreateMessageInteractionCallbackRequest");

        gate.Release(new Reply("Slow answer", [new ReplySection(null, [new ReplyLine("It took a while.")])]));
        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal($"/api/v10/webhooks/{FakeDiscord.ApplicationId}/{Payloads.Command(id, "help").Split("\"token\":\"")[1].Split('"')[0]}/messages/@original", edit.Path);
        Assert.Contains("Slow answer", edit.Body);
        Assert.Equal("[]", edit.Json.GetProperty("allowed_mentions").GetProperty("parse").GetRawText());
        DiscordSpec.Shared.AssertValid(edit.Body, "IncomingWebhookUpdateRequestPartial");
        Assert.Single(_discord.CallbacksFor(id));
    }

    [Fact]
    public async Task A_slow_refusal_after_a_public_defer_is_sent_privately()
    {
        var gate = new GatedHandler("help");
        var connection = await StartAsync(new() { ["Discord:DeferAfter"] = "00:00:00.1" }, GatedHandler.Install(gate, typeof(HelpAnswer)));
        var id = Payloads.NewId();
        await connection.InteractionAsync(Payloads.Command(id, "help"));
        await _discord.WaitForCallbackAsync(id);
        gate.Release(Reply.Error("That did not work."));
        var followUp = await _discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal));
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
        Assert.Contains(_discord.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
        DiscordSpec.Shared.AssertValid(followUp.Body, "IncomingWebhookRequestPartial");
    }

    [Fact]
    public async Task A_failing_command_still_answers_privately()
    {
        var gate = new GatedHandler("help");
        gate.Fail(new InvalidOperationException("boom"));
        var connection = await StartAsync(services: GatedHandler.Install(gate, typeof(HelpAnswer)));
        var answer = await AskAsync(connection, "help");
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Something went wrong", Text(answer));
    }

    [Fact]
    public async Task An_interaction_older_than_its_token_is_not_answered()
    {
        var connection = await StartAsync();
        var old = Payloads.NewId(DateTimeOffset.UtcNow.AddMinutes(-16));
        await connection.InteractionAsync(Payloads.Command(old, "help"));
        await AskAsync(connection, "help");
        Assert.Empty(_discord.CallbacksFor(old));
    }

    [Fact]
    public async Task Every_command_answers_with_a_payload_Discord_accepts_and_the_logs_hold_no_secret()
    {
        var connection = await StartAsync();
        var asks = new (string Name, string Options, string Permissions)[]
        {
            ("terms", "[]", "1024"), ("contacts", $"[{Payloads.Option("person", "Macron")}]", "1024"), ("aid", "[]", "1024"),
            ("briefing", "[]", "1024"), ("search", $"[{Payloads.Option("query", "truce")}]", "1024"), ("changes", "[]", "1024"),
            ("history", $"[{Payloads.Option("id", "T1")}]", "1024"), ("help", "[]", "1024"), ("nosuch", "[]", "1024"),
            ("contacts", $"[{Payloads.Option("person", "Nobody At All")}]", "1024"),
            ("update", $"[{Payloads.Sub("term", Payloads.Option("source", "Reuters"), Payloads.Option("id", "T1"), Payloads.Option("text", "@everyone a truce of two months"))}]", "32"),
            ("update", $"[{Payloads.Sub("undo")}]", "32"),
        };
        foreach (var (name, options, permissions) in asks)
        {
            var answer = await AskAsync(connection, name, options, permissions);
            DiscordSpec.Shared.AssertValid(answer.GetRawText(), "CreateMessageInteractionCallbackRequest");
            Assert.Equal("[]", answer.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetRawText());
        }
        foreach (var put in _discord.Requests.Where(r => r.Method == "PUT"))
            foreach (var command in put.Json.EnumerateArray())
                DiscordSpec.Shared.AssertValid(command.GetRawText(), "ApplicationCommandUpdateRequest");

        var logs = _hosts[0].Logs.All;
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(FakeDiscord.Token, logs);
        Assert.DoesNotContain("s3cr3t", logs);
        Assert.DoesNotContain("InteractionTokenSecret", logs);
    }

    [Fact]
    public async Task Commands_stuck_in_every_worker_never_stall_the_gateway()
    {
        var gate = new GatedHandler("help");
        var connection = await StartAsync(new() { ["Discord:Workers"] = "2", ["Discord:QueueCapacity"] = "2", ["Discord:DeferAfter"] = "00:00:00.1" },
            GatedHandler.Install(gate, typeof(HelpAnswer)));
        // Two stuck in the workers (deferred, waiting), then two waiting in the queue and one more than it holds.
        var stuck = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = Payloads.NewId();
            stuck.Add(id);
            await connection.InteractionAsync(Payloads.Command(id, "help"));
            if (i < 2) await _discord.WaitForCallbackAsync(id);
        }
        // The receive loop still reads: it follows op 7 at once and resumes on a new connection.
        await connection.ReconnectAsync();
        var second = await _discord.NextConnectionAsync();
        await second.HelloAsync();
        await second.ResumedAsync();
        Assert.Contains(_hosts[0].Logs.Lines, l => l.Text.Contains("queue is full"));

        gate.Release(new Reply("Done", []));
        foreach (var id in stuck.Take(2)) await _discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains($"-{id}/"));
        foreach (var id in stuck.Skip(2).Take(2)) Assert.Equal(4, (await _discord.WaitForCallbackAsync(id)).Json.GetProperty("type").GetInt32());
        Assert.Empty(_discord.CallbacksFor(stuck[4])); // dropped, and logged, rather than blocking the loop
        var answered = await AskAsync(second, "terms");
        Assert.Equal(4, answered.GetProperty("type").GetInt32());
    }
}
