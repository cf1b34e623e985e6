using System.Globalization;
using System.Net;
using BriefingBot.Replies;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.Tests;

/// <summary>A full run in each mode, logged at Trace with every category, must never show a secret.</summary>
public sealed class SecretsTests
{
    private static void AssertNoSecrets(SlackTestBot bot)
    {
        var log = bot.Logs.All;
        Assert.True(bot.Logs.Lines.Count > 10, "the run was logged");
        foreach (var secret in new[] { SlackTestBot.BotToken, SlackTestBot.AppToken, SlackTestBot.SigningSecret, "BOTSECRET", "APPSECRET", "SIGNINGSECRET" })
            Assert.DoesNotContain(secret, log);
        // The socket URL's one-time ticket and the response_url are credentials too.
        Assert.NotEmpty(bot.Slack.Tickets.Concat(bot.Slack.Responses.Select(r => r.Id)));
        foreach (var ticket in bot.Slack.Tickets) Assert.DoesNotContain(ticket, log);
        Assert.DoesNotContain("/respond/", log);
        Assert.DoesNotContain("ticket=", log);
    }

    [Fact]
    public async Task A_socket_mode_run_with_failures_logs_no_token()
    {
        await using var bot = await SlackTestBot.StartAsync();
        await Wait.Until(() => bot.Logs.Contains("Connected to Slack Socket Mode"), "hello", bot.Time);
        var socket = bot.Slack.Sockets[^1];
        await socket.SendCommandAsync("e1", bot.Command("/terms", ""));
        await socket.SendCommandAsync("e2", bot.Command("/update", "undo", SlackTestBot.Member, responseId: "r2"));
        await socket.SendCommandAsync("e3", bot.Command("/contacts", "since:soon", responseId: "r3"));
        await Wait.Until(() => bot.Slack.Responses.Count == 3, "three answers");
        bot.Slack.Answer429("chat.postMessage", 1);
        bot.Slack.AnswerError("chat.postMessage", "not_in_channel");
        var publisher = bot.Get<SlackPublisher>();
        var post = publisher.PostAsync("C1", new Reply("Briefing", []), CancellationToken.None);
        await Wait.Until(() => post.IsCompleted, "the post", bot.Time);
        await Assert.ThrowsAsync<SlackApiException>(() => post);
        bot.Slack.AnswerError("apps.connections.open", "invalid_auth");
        await socket.DisconnectAsync("refresh_requested");
        await Wait.Until(() => bot.Logs.Contains("Slack refused the app token", LogLevel.Critical), "the refusal", bot.Time);
        AssertNoSecrets(bot);
    }

    [Fact]
    public async Task An_http_mode_run_with_forged_and_good_requests_logs_no_secret()
    {
        await using var bot = await SlackTestBot.StartAsync(s => s["Slack:Mode"] = "Http");
        var good = await HttpModeTests.Post(bot, "command=%2Faid&text=&user_id=UMEM0001&team_id=T0001&channel_id=C1&response_url=" +
                                                 Uri.EscapeDataString(bot.Slack.ResponseUrl("r1")));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var forged = await HttpModeTests.Post(bot, "command=%2Faid", r =>
        {
            r.Headers.Add("X-Slack-Request-Timestamp", bot.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            r.Headers.Add("X-Slack-Signature", "v0=" + SlackTestBot.SigningSecret);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await bot.Get<SlackPublisher>().PostAsync("C1", new Reply("Aid", []), CancellationToken.None);
        Assert.Contains(bot.Logs.Lines, l => l.Text.Contains("Posted “Aid” to Slack channel C1"));
        Assert.DoesNotContain(SlackTestBot.SigningSecret, bot.Logs.All);
        foreach (var secret in new[] { SlackTestBot.BotToken, SlackTestBot.AppToken, "BOTSECRET", "APPSECRET" })
            Assert.DoesNotContain(secret, bot.Logs.All);
    }
}
