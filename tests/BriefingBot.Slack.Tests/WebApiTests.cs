using System.Text.Json;
using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using BriefingBot.Slack.Tests.FakeSlack;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Slack.Tests;

/// <summary>The Web API client and publisher against the fake Slack: auth, errors, 429s, the upload flow, the spec.</summary>
public sealed class WebApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(SlackTestBot.Start);
    private readonly CapturedLogs _logs = new();
    private FakeSlackServer _slack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(_time, SlackTestBot.BotToken, SlackTestBot.AppToken);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestBot.BotToken,
            ["Slack:AppToken"] = SlackTestBot.AppToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs))
            .AddSingleton<TimeProvider>(_time);
        services.AddSlackDoor(config);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private SlackPublisher Publisher => _services.GetRequiredService<SlackPublisher>();

    private const string Sentinel = "CSENTINEL";

    /// <summary>
    /// Posts once more to the same method, after the fake clock has passed any back-off, and waits for it: a resend of
    /// the failed post, at once or after a pause, would show up beside this one rather than after the test has looked.
    /// </summary>
    private async Task SentinelAsync()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        await Publisher.PostAsync(Sentinel, Answer(), CancellationToken.None);
    }
    private SlackWebApi Api => _services.GetRequiredService<SlackWebApi>();

    private static Reply Answer(int lines = 3) => new("Aid", [new ReplySection("Streams", Enumerable.Range(1, lines).Select(i =>
        new ReplyLine($"Military aid {i} <!channel>", new LineProvenance(new FactCode(FactKind.Aid, i), new SourceRef("Reuters"), Confidence.Confirmed,
            SlackTestBot.Start, false))).ToList())]);

    [Fact]
    public async Task A_post_carries_the_bot_token_as_Bearer_and_only_arguments_the_spec_allows()
    {
        var posted = await Publisher.PostAsync("C0BRIEF", Answer(), CancellationToken.None);
        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer " + SlackTestBot.BotToken, call.Authorization);
        Assert.Equal("C0BRIEF", call.Form["channel"]);
        Assert.Equal("false", call.Form["link_names"]);
        Assert.Equal("Aid", call.Form["text"]);
        Assert.DoesNotContain("<!channel>", call.Form["blocks"]);
        Assert.True(SlackWebSpec.Describes("chat.postMessage"));
        Assert.Empty(_slack.SpecViolations);
        Assert.Single(posted);
        Assert.DoesNotContain("token", call.Form.Keys);
    }

    [Fact]
    public async Task A_429_is_honoured_for_Retry_After_and_the_request_is_sent_again_exactly_once()
    {
        _slack.Answer429("chat.postMessage", retryAfterSeconds: 3);
        var first = Publisher.PostAsync("C1", Answer(), CancellationToken.None);
        // Once the client has read the 429 (it logs it as it starts waiting), a second message sent during the pause
        // waits for it too, rather than hitting the limit again.
        await Wait.Until(() => _logs.Contains("Slack rate-limited chat.postMessage"), "the client to read the 429");
        var second = Publisher.PostAsync("C2", Answer(), CancellationToken.None);
        await Wait.Until(() => first.IsCompleted && second.IsCompleted, "both posts", _time, TimeSpan.FromMilliseconds(200));
        await first;
        await second;

        var calls = _slack.CallsTo("chat.postMessage");
        Assert.Equal([429, 200, 200], calls.Select(c => c.Status));
        Assert.Equal(1, calls.Count(c => c.Status == 200 && c.Form["channel"] == "C1"));
        Assert.Equal(1, calls.Count(c => c.Status == 200 && c.Form["channel"] == "C2"));
        Assert.All(calls.Skip(1), c => Assert.True(c.At - calls[0].At >= TimeSpan.FromSeconds(3), $"sent {(c.At - calls[0].At).TotalSeconds} s after the 429"));
        Assert.True(_logs.Contains("Slack rate-limited chat.postMessage; waiting 3 s", LogLevel.Warning));
    }

    [Fact]
    public async Task Ok_false_is_surfaced_in_the_log_with_the_method_and_not_sent_again()
    {
        var error = "channel_not_found";
        Assert.Contains(error, SlackWebSpec.Errors("chat.postMessage"));
        _slack.AnswerError("chat.postMessage", error);
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Publisher.PostAsync("C404", Answer(), CancellationToken.None));
        Assert.Equal(("chat.postMessage", error), (e.Method, e.Error));
        Assert.True(_logs.Contains("Slack chat.postMessage failed: channel_not_found", LogLevel.Warning));
        await SentinelAsync();
        Assert.Equal(["C404", Sentinel], _slack.CallsTo("chat.postMessage").Select(c => c.Form["channel"]));
    }

    [Fact]
    public async Task A_server_error_is_reported_not_repeated_because_Slack_may_have_posted_it()
    {
        _slack.AnswerStatus("chat.postMessage", 503);
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Publisher.PostAsync("C1", Answer(), CancellationToken.None));
        Assert.Equal("http_503", e.Error);
        await SentinelAsync();
        Assert.Equal(["C1", Sentinel], _slack.CallsTo("chat.postMessage").Select(c => c.Form["channel"]));
    }

    [Fact]
    public async Task Attachments_go_through_the_external_upload_flow()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4 };
        var reply = Answer() with { Attachments = [new ReplyAttachment("contacts.png", "image/png", png, "Who spoke to whom")] };
        await Publisher.PostAsync("C0BRIEF", reply, CancellationToken.None);

        Assert.Equal(["chat.postMessage", "files.getUploadURLExternal", "files.completeUploadExternal"], _slack.Calls.Select(c => c.Method));
        var ticket = _slack.CallsTo("files.getUploadURLExternal").Single();
        Assert.Equal(("contacts.png", "8"), (ticket.Form["filename"], ticket.Form["length"]));
        var upload = Assert.Single(_slack.Uploads);
        Assert.Equal(png, upload.Bytes);
        var complete = _slack.CallsTo("files.completeUploadExternal").Single();
        Assert.Equal("C0BRIEF", complete.Form["channel_id"]);
        var file = JsonDocument.Parse(complete.Form["files"]).RootElement[0];
        Assert.Equal(upload.Id, file.GetProperty("id").GetString());
        Assert.Equal("Who spoke to whom", file.GetProperty("title").GetString());
        Assert.Empty(_slack.SpecViolations);
    }

    [Fact]
    public async Task A_long_reply_is_posted_as_several_messages_with_nothing_left_out()
    {
        var posted = await Publisher.PostAsync("C1", Answer(lines: 400), CancellationToken.None);
        var calls = _slack.CallsTo("chat.postMessage");
        Assert.True(calls.Count > 1);
        Assert.Equal(calls.Count, posted.Count);
        var all = string.Join("\n", calls.Select(c => c.Form["blocks"]));
        for (var i = 1; i <= 400; i++) Assert.Contains($"`A{i}` Military aid {i} ", all);
        Assert.Empty(_slack.SpecViolations);
    }

    [Fact]
    public async Task A_wrong_token_is_an_auth_error()
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Api.CallAsync("auth.test", [], "xoxb-wrong", CancellationToken.None));
        Assert.True(e.IsAuthError);
        Assert.Equal("invalid_auth", e.Error);
    }

    [Fact]
    public async Task A_refused_bot_token_stops_the_program_with_exit_code_3_but_a_missing_scope_does_not()
    {
        var shutdown = _services.GetRequiredService<DoorShutdown>();
        _slack.AnswerError("files.getUploadURLExternal", "missing_scope");
        var picture = new ReplyAttachment("contacts.png", "image/png", [0x89, 0x50, 0x4E, 0x47]);
        await Assert.ThrowsAsync<SlackApiException>(() => Publisher.UploadAsync("C1", picture, CancellationToken.None));
        Assert.Equal(0, shutdown.ExitCode); // only pictures are lost; the door still answers

        _slack.AnswerError("chat.postMessage", "token_revoked");
        await Assert.ThrowsAsync<SlackApiException>(() => Publisher.PostAsync("C1", Answer(), CancellationToken.None));
        Assert.Equal(DoorShutdown.RefusedExitCode, shutdown.ExitCode);
        Assert.True(shutdown.Stopped.IsCancellationRequested);
        Assert.Contains("BRIEFINGBOT_Slack__BotToken", shutdown.Reason);
        Assert.Single(_logs.Lines, l => l.Level == LogLevel.Critical);
        Assert.Contains("Slack refused the bot token (token_revoked) on chat.postMessage", _logs.Lines.Single(l => l.Level == LogLevel.Critical).Text);
        Assert.DoesNotContain(SlackTestBot.BotToken, _logs.All);
    }
}
