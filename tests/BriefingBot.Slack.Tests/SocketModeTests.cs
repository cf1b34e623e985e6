using BriefingBot.Answers;
using BriefingBot.Doors;
using BriefingBot.Slack.SocketMode;
using BriefingBot.Slack.Tests.FakeSlack;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.Tests;

/// <summary>Socket Mode against the fake Slack: connect, acknowledge, answer, and every way a connection can end.</summary>
public class SocketModeTests
{
    private static async Task<FakeSocket> Connected(SlackTestBot bot, int count = 1)
    {
        await Wait.Until(() => bot.Logs.Lines.Count(l => l.Text.StartsWith("Connected to Slack Socket Mode", StringComparison.Ordinal)) >= count,
            $"hello number {count}", bot.Time, TimeSpan.FromMilliseconds(100));
        return bot.Slack.Sockets[^1];
    }

    /// <summary>One worker, so the queue answers commands in the order the socket delivered them.</summary>
    private static Task<SlackTestBot> StartOneWorker() => SlackTestBot.StartAsync(s => s["Slack:Workers"] = "1");

    /// <summary>
    /// Sends a command after the ones under test and waits for its answer. A socket's envelopes are read in order and,
    /// with one worker, answered in order, so whatever the earlier ones still had coming (a duplicate answer, a command
    /// that should never have run) has arrived by then: no real-time pause, and no late arrival passes unseen.
    /// </summary>
    private static async Task SentinelAsync(SlackTestBot bot, FakeSocket socket)
    {
        await socket.SendCommandAsync("env-sentinel", bot.Command("/help", "", responseId: "sentinel"));
        await Wait.Until(() => bot.Slack.Responses.Any(r => r.Id == "sentinel"), "the sentinel's answer");
    }

    /// <summary>Waits until the Socket Mode loop has ended: after that nothing can reconnect, however long one waits.</summary>
    private static Task Stopped(SlackTestBot bot) =>
        Wait.Until(() => bot.Get<SocketModeClient>().ExecuteTask is { IsCompleted: true }, "the Socket Mode loop to end");

    [Fact]
    public async Task Connects_with_the_app_token_and_answers_a_command_in_channel_through_response_url()
    {
        await using var bot = await SlackTestBot.StartAsync();
        var socket = await Connected(bot);
        Assert.Equal("Bearer " + SlackTestBot.AppToken, bot.Slack.CallsTo("apps.connections.open").Single().Authorization);

        await socket.SendCommandAsync("env-1", bot.Command("/contacts", "person:Macron"));
        await Wait.Until(() => bot.Slack.Responses.Count == 1, "the answer on response_url");
        var ack = Assert.Single(socket.AcksFor("env-1"));
        Assert.Null(ack["payload"]);
        var answer = bot.Slack.Responses.Single();
        Assert.Equal("r1", answer.Id);
        Assert.Equal("in_channel", (string?)answer.Body["response_type"]);
        var blocks = answer.Body["blocks"]!.ToJsonString(Rendering.SlackMessage.Json);
        Assert.Contains("Macron", blocks);
        Assert.Contains("Reuters, 6 March 2025", blocks);
        Assert.Empty(BlockKit.Check(System.Text.Json.JsonDocument.Parse(blocks).RootElement));
        Assert.Empty(bot.Slack.SpecViolations);
    }

    [Fact]
    public async Task Every_envelope_is_acknowledged_before_its_command_runs()
    {
        GatedHandler? gate = null;
        await using var bot = await SlackTestBot.StartAsync(services: SlackTestBot.Replace<TermsAnswer>(inner => gate = new GatedHandler(inner)));
        var socket = await Connected(bot);
        await socket.SendCommandAsync("env-slow", bot.Command("/terms", ""));
        await Wait.Until(() => socket.AcksFor("env-slow").Any(), "the ack");
        await Wait.Until(() => gate!.Calls == 1, "the command to start");
        // While the command is still running, other envelopes are acknowledged and answered: the receive loop never waits.
        await socket.SendCommandAsync("env-fast", bot.Command("/aid", "", responseId: "r2"));
        await Wait.Until(() => bot.Slack.Responses.Any(r => r.Id == "r2"), "the fast answer");
        Assert.DoesNotContain(bot.Slack.Responses, r => r.Id == "r1");
        gate!.Gate.SetResult();
        await Wait.Until(() => bot.Slack.Responses.Any(r => r.Id == "r1"), "the slow answer");
        Assert.Contains("Ground combat", bot.Slack.Responses.Single(r => r.Id == "r1").Body.ToJsonString());
    }

    [Fact]
    public async Task Moderators_get_ephemeral_confirmations_members_are_refused_and_stored_mentions_stay_inert()
    {
        await using var bot = await SlackTestBot.StartAsync();
        var socket = await Connected(bot);
        // Slack sends & < > entity-encoded; the store keeps what was typed, and answers escape it again.
        await socket.SendCommandAsync("e1", bot.Command("/update", "term proposal:P1 topic:Alerts text:\"&lt;!channel&gt; &amp; &lt;!here&gt; @everyone\" source:AFP",
            SlackTestBot.Moderator, responseId: "mod"));
        await socket.SendCommandAsync("e2", bot.Command("/update", "undo", SlackTestBot.Member, responseId: "member"));
        await Wait.Until(() => bot.Slack.Responses.Count == 2, "both answers");
        var confirmation = bot.Slack.Responses.Single(r => r.Id == "mod").Body;
        Assert.Equal("ephemeral", (string?)confirmation["response_type"]);
        Assert.StartsWith("Recorded new term T8.", (string?)confirmation["text"]);
        var refusal = bot.Slack.Responses.Single(r => r.Id == "member").Body;
        Assert.Equal("ephemeral", (string?)refusal["response_type"]);
        Assert.StartsWith("Only moderators can use /update undo", (string?)refusal["text"]);

        await socket.SendCommandAsync("e3", bot.Command("/terms", "", responseId: "terms"));
        await Wait.Until(() => bot.Slack.Responses.Any(r => r.Id == "terms"), "the terms");
        var terms = bot.Slack.Responses.Single(r => r.Id == "terms").Body.ToJsonString(Rendering.SlackMessage.Json);
        Assert.Contains("`T8` Alerts: &lt;!channel&gt; &amp; &lt;!here&gt; @everyone", terms);
        Assert.DoesNotContain("<!", terms);
        Assert.Empty(bot.Slack.SpecViolations);
    }

    [Fact]
    public async Task A_workspace_outside_TeamIds_is_refused_politely_in_the_ack_and_nothing_runs()
    {
        await using var bot = await StartOneWorker();
        var socket = await Connected(bot);
        await socket.SendCommandAsync("e-other", bot.Command("/terms", "", team: "T0THER"));
        await Wait.Until(() => socket.AcksFor("e-other").Any(), "the ack");
        var payload = socket.AcksFor("e-other").Single()["payload"]!;
        Assert.Equal("ephemeral", (string?)payload["response_type"]);
        Assert.Contains("only answers in the workspaces it was set up for", (string?)payload["text"]);
        await SentinelAsync(bot, socket);
        Assert.Equal(["sentinel"], bot.Slack.Responses.Select(r => r.Id));
    }

    [Fact]
    public async Task Schedule_and_unknown_commands_are_answered_and_help_explains_the_syntax()
    {
        await using var bot = await SlackTestBot.StartAsync();
        var socket = await Connected(bot);
        await socket.SendCommandAsync("s", bot.Command("/schedule", "show", responseId: "schedule"));
        await socket.SendCommandAsync("u", bot.Command("/weather", "", responseId: "unknown"));
        await socket.SendCommandAsync("h", bot.Command("/help", "", responseId: "help"));
        await Wait.Until(() => bot.Slack.Responses.Count == 3, "three answers");
        var schedule = bot.Slack.Responses.Single(r => r.Id == "schedule").Body;
        Assert.Equal("in_channel", (string?)schedule["response_type"]);
        Assert.Contains("This channel has no daily briefing.", schedule.ToJsonString());
        var unknown = bot.Slack.Responses.Single(r => r.Id == "unknown").Body;
        Assert.Equal("ephemeral", (string?)unknown["response_type"]);
        Assert.Contains("There is no /weather command.", (string?)unknown["text"]);
        Assert.Contains("name:value", bot.Slack.Responses.Single(r => r.Id == "help").Body.ToJsonString());
    }

    [Theory]
    [InlineData("refresh_requested", 0)]
    [InlineData("warning", 0)]
    [InlineData("too_many_websockets", 1)]
    public async Task A_disconnect_closes_the_socket_then_opens_one_new_connection(string reason, int backoffSeconds)
    {
        await using var bot = await SlackTestBot.StartAsync();
        var first = await Connected(bot);
        await first.DisconnectAsync(reason);
        var second = await Connected(bot, 2);
        Assert.True(first.IsClosed);
        Assert.Equal(1, bot.Slack.MaxOpenSockets);
        Assert.All(bot.Slack.OpenSocketsAtOpen, n => Assert.Equal(0, n));
        Assert.Equal(2, bot.Slack.CallsTo("apps.connections.open").Count);
        Assert.True(second.OpenedAt - first.OpenedAt >= TimeSpan.FromSeconds(backoffSeconds));
        Assert.True(bot.Logs.Contains($"Slack asked to disconnect: {reason}"));

        await second.SendCommandAsync("after", bot.Command("/aid", ""));
        await Wait.Until(() => bot.Slack.Responses.Count == 1, "an answer on the new socket");
    }

    [Fact]
    public async Task Link_disabled_stops_the_door_with_a_clear_log_line()
    {
        await using var bot = await SlackTestBot.StartAsync();
        var socket = await Connected(bot);
        await socket.DisconnectAsync("link_disabled");
        await Wait.Until(() => bot.Logs.Contains("link_disabled); the Slack door stops", LogLevel.Critical), "the log line");
        Assert.Equal(DoorShutdown.RefusedExitCode, bot.Get<DoorShutdown>().ExitCode);
        await Stopped(bot);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(bot.Slack.CallsTo("apps.connections.open"));
        Assert.Single(bot.Slack.Sockets);
    }

    [Fact]
    public async Task Dropped_sockets_are_replaced_with_a_doubling_backoff_one_at_a_time()
    {
        await using var bot = await SlackTestBot.StartAsync();
        var first = await Connected(bot);
        bot.Slack.DropOnConnect = 2;
        first.Drop();
        var fourth = await Connected(bot, 2);
        var sockets = bot.Slack.Sockets;
        Assert.Equal(4, sockets.Count);
        Assert.Same(fourth, sockets[3]);
        var gaps = sockets.Zip(sockets.Skip(1), (a, b) => b.OpenedAt - a.OpenedAt).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(1), $"first gap {gaps[0]}");
        Assert.True(gaps[1] >= TimeSpan.FromSeconds(2), $"second gap {gaps[1]}");
        Assert.True(gaps[2] >= TimeSpan.FromSeconds(4), $"third gap {gaps[2]}");
        Assert.Equal(1, bot.Slack.MaxOpenSockets);
    }

    [Fact]
    public async Task A_silent_socket_is_caught_by_unanswered_pings_and_replaced()
    {
        await using var bot = await SlackTestBot.StartAsync(s =>
        {
            s["Slack:PingInterval"] = "00:00:00.2";
            s["Slack:PingTimeout"] = "00:00:00.3";
        });
        var first = await Connected(bot);
        first.GoSilent();
        var second = await Connected(bot, 2);
        // The bot aborts the silent socket before opening the next; the fake notices the abort a moment later.
        await first.Closed.WaitAsync(Wait.Limit);
        Assert.True(bot.Logs.Contains("dropped or stopped answering pings", LogLevel.Warning));
        await second.SendCommandAsync("alive", bot.Command("/aid", ""));
        await Wait.Until(() => bot.Slack.Responses.Count == 1, "an answer on the new socket");
    }

    [Fact]
    public async Task A_socket_that_never_says_hello_is_replaced()
    {
        await using var bot = await SlackTestBot.StartAsync(s => s["Slack:HelloTimeout"] = "00:00:10", fake: f => f.SendHello = false);
        await Wait.Until(() => bot.Slack.Sockets.Count == 1, "the first socket");
        bot.Slack.SendHello = true;
        await Connected(bot);
        Assert.Equal(2, bot.Slack.Sockets.Count);
        await bot.Slack.Sockets[0].Closed.WaitAsync(Wait.Limit);
        Assert.True(bot.Slack.Sockets[1].OpenedAt - bot.Slack.Sockets[0].OpenedAt >= TimeSpan.FromSeconds(10));
        Assert.True(bot.Logs.Contains("said no hello within 10 s", LogLevel.Warning));
    }

    [Fact]
    public async Task An_envelope_delivered_again_after_a_reconnect_is_acknowledged_again_but_answered_once()
    {
        await using var bot = await StartOneWorker();
        var first = await Connected(bot);
        await first.SendCommandAsync("env-dup", bot.Command("/aid", ""));
        await Wait.Until(() => first.AcksFor("env-dup").Any(), "the first ack");
        await first.DisconnectAsync("refresh_requested");
        var second = await Connected(bot, 2);
        await second.SendCommandAsync("env-dup", bot.Command("/aid", ""));
        await Wait.Until(() => second.AcksFor("env-dup").Any(), "the second ack");
        await SentinelAsync(bot, second);
        Assert.Equal(["r1", "sentinel"], bot.Slack.Responses.Select(r => r.Id));
        Assert.True(bot.Logs.Contains("Slack delivered envelope env-dup again"));
    }

    [Fact]
    public async Task A_refused_app_token_stops_the_door_instead_of_retrying()
    {
        await using var bot = await SlackTestBot.StartAsync(s => s["Slack:AppToken"] = "xapp-1-revoked");
        await Wait.Until(() => bot.Logs.Contains("Slack refused the app token (invalid_auth)", LogLevel.Critical), "the log line");
        Assert.Equal(DoorShutdown.RefusedExitCode, bot.Get<DoorShutdown>().ExitCode);
        await Stopped(bot);
        bot.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(bot.Slack.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task A_rate_limited_connections_open_waits_for_Retry_After()
    {
        await using var bot = await SlackTestBot.StartAsync(services: _ => { });
        var first = await Connected(bot);
        bot.Slack.Answer429("apps.connections.open", 20);
        await first.DisconnectAsync("refresh_requested");
        await Connected(bot, 2);
        var opens = bot.Slack.CallsTo("apps.connections.open");
        Assert.Equal([200, 429, 200], opens.Select(c => c.Status));
        Assert.True(opens[2].At - opens[1].At >= TimeSpan.FromSeconds(20));
        Assert.Equal(2, bot.Get<SocketModeClient>().Connections);
    }

    [Fact]
    public async Task The_socket_URL_can_be_overridden_to_point_at_a_local_fake()
    {
        string? url = null;
        await using var bot = await SlackTestBot.StartAsync(s => s["Slack:SocketModeUrl"] = url, fake: f => url = f.BaseUrl.Replace("http://", "ws://") + "link/?ticket=override");
        var socket = await Connected(bot);
        Assert.Equal("override", socket.Ticket);
        Assert.Single(bot.Slack.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task When_the_queue_is_full_the_asker_is_told_to_try_again_and_the_loop_keeps_acknowledging()
    {
        GatedHandler? gate = null;
        await using var bot = await SlackTestBot.StartAsync(s =>
        {
            s["Slack:Workers"] = "1";
            s["Slack:QueueCapacity"] = "1";
            // Every command must reach the gated handler: a kept answer would let the queued /terms skip it.
            s["Knowledge:AnswerCacheMegabytes"] = "0";
        }, SlackTestBot.Replace<TermsAnswer>(inner => gate = new GatedHandler(inner)));
        var socket = await Connected(bot);
        await socket.SendCommandAsync("running", bot.Command("/terms", "", responseId: "running"));
        await Wait.Until(() => gate!.Calls == 1, "the first command to start");
        await socket.SendCommandAsync("queued", bot.Command("/terms", "", responseId: "queued"));
        await socket.SendCommandAsync("refused", bot.Command("/terms", "", responseId: "refused"));
        await Wait.Until(() => bot.Slack.Responses.Any(r => r.Id == "refused"), "the busy answer");
        Assert.Equal(3, socket.Received.Count);
        Assert.Contains("try again in a minute", bot.Slack.Responses.Single(r => r.Id == "refused").Body.ToJsonString());
        gate!.Gate.SetResult();
        await Wait.Until(() => bot.Slack.Responses.Count == 3, "the two real answers");
        Assert.Equal(2, gate.Calls);
    }

    [Fact]
    public async Task A_burst_of_commands_is_acknowledged_and_answered_exactly_once_each()
    {
        const int count = 200;
        await using var bot = await SlackTestBot.StartAsync();
        var socket = await Connected(bot);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            await socket.SendCommandAsync($"burst-{i}", bot.Command(i % 2 == 0 ? "/aid" : "/contacts", i % 2 == 0 ? "" : "person:Macron", responseId: $"b{i}"));
        await Wait.Until(() => socket.Received.Count == count, "every ack");
        var acked = watch.Elapsed;
        await Wait.Until(() => bot.Slack.Responses.Count == count, "every answer");
        var answered = watch.Elapsed;
        Assert.Equal(count, bot.Slack.Responses.Select(r => r.Id).Distinct().Count());
        Assert.Equal(count, socket.Received.Select(a => (string?)a["envelope_id"]).Distinct().Count());
        Assert.Empty(bot.Slack.SpecViolations);
        Console.WriteLine($"Slack burst: {count} envelopes acknowledged in {acked.TotalMilliseconds:F0} ms, answered through response_url in {answered.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_socket_closed_by_Slack_without_a_disconnect_message_is_replaced_after_a_pause()
    {
        await using var bot = await SlackTestBot.StartAsync();
        var first = await Connected(bot);
        await first.CloseAsync();
        var second = await Connected(bot, 2);
        await first.Closed.WaitAsync(Wait.Limit);
        Assert.True(second.OpenedAt - first.OpenedAt >= TimeSpan.FromSeconds(1));
        Assert.True(bot.Logs.Contains("Slack closed the socket (127.0.0.1) without a disconnect message", LogLevel.Warning));
    }

    [Fact]
    public async Task A_public_answer_with_a_picture_is_answered_then_the_picture_uploaded_to_the_channel()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 9, 9 };
        await using var bot = await SlackTestBot.StartAsync(services: SlackTestBot.Replace<AidAnswer>(inner => new PictureHandler(inner, png)));
        var socket = await Connected(bot);
        await socket.SendCommandAsync("pic", bot.Command("/aid", ""));
        await Wait.Until(() => bot.Slack.CallsTo("files.completeUploadExternal").Count == 1, "the upload");
        Assert.Single(bot.Slack.Responses);
        Assert.Equal(png, bot.Slack.Uploads.Single().Bytes);
        Assert.Equal("C2147483705", bot.Slack.CallsTo("files.completeUploadExternal").Single().Form["channel_id"]);
        Assert.Empty(bot.Slack.SpecViolations);
    }

    private sealed class PictureHandler(BriefingBot.Commands.ICommandHandler inner, byte[] png) : BriefingBot.Commands.ICommandHandler
    {
        public string Path => inner.Path;

        public async ValueTask<Replies.Reply> HandleAsync(BriefingBot.Commands.CommandRequest request, CancellationToken cancellationToken) =>
            await inner.HandleAsync(request, cancellationToken) with { Attachments = [new Replies.ReplyAttachment("aid.png", "image/png", png, "Aid")] };
    }

    [Fact]
    public async Task Refreshes_asked_for_before_hello_back_off_instead_of_looping()
    {
        await using var bot = await SlackTestBot.StartAsync(fake: f => f.SendHello = false);
        for (var i = 1; i <= 3; i++)
        {
            await Wait.Until(() => bot.Slack.Sockets.Count == i, $"socket {i}", bot.Time, TimeSpan.FromMilliseconds(100));
            await bot.Slack.Sockets[i - 1].DisconnectAsync("refresh_requested");
        }
        await Wait.Until(() => bot.Slack.Sockets.Count == 4, "socket 4", bot.Time, TimeSpan.FromMilliseconds(100));
        var opened = bot.Slack.Sockets.Select(s => s.OpenedAt).ToList();
        Assert.True(opened[1] - opened[0] >= TimeSpan.FromSeconds(1));
        Assert.True(opened[2] - opened[1] >= TimeSpan.FromSeconds(2));
        Assert.True(opened[3] - opened[2] >= TimeSpan.FromSeconds(4));
    }
}
