using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Answers;
using BriefingBot.Slack.HttpCommands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Slack.Tests;

/// <summary>HTTP mode: POST /slack/commands on the door's own Kestrel, signed like Slack signs, answered inline or later.</summary>
public sealed class HttpModeTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private static Task<SlackTestBot> Start(Action<IServiceCollection>? services = null, int? workers = null) =>
        SlackTestBot.StartAsync(s =>
        {
            s["Slack:Mode"] = "Http";
            if (workers is { } n) s["Slack:Workers"] = n.ToString(CultureInfo.InvariantCulture);
        }, services);

    /// <summary>
    /// Sends /terms after the request under test and waits for its answer. With one worker the queue answers in order,
    /// so whatever the earlier request still had coming (a handler call, a second delivery) has happened by then.
    /// </summary>
    private static async Task SentinelAsync(SlackTestBot bot) =>
        Assert.Contains("Ground combat", (await Json(await Post(bot, Form(bot.Command("/terms", "", responseId: "sentinel"))))).ToJsonString());

    private static string Form(JsonObject fields) =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, (string)f.Value!))).ReadAsStringAsync().Result;

    internal static async Task<HttpResponseMessage> Post(SlackTestBot bot, string body, Action<HttpRequestMessage>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, bot.HttpBase + SlashCommandEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (headers is null)
        {
            var ts = bot.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
            request.Headers.Add("X-Slack-Signature", new SlackSignature(SlackTestBot.SigningSecret, bot.Time).Sign(ts, Encoding.UTF8.GetBytes(body)));
        }
        else headers(request);
        return await Http.SendAsync(request);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_signed_command_is_answered_inline_in_channel_and_help_only_to_the_asker()
    {
        await using var bot = await Start();
        var aid = await Json(await Post(bot, Form(bot.Command("/aid", "donor:\"United States\""))));
        Assert.Equal("in_channel", (string?)aid["response_type"]);
        Assert.Contains("`A1` Military aid from the United States to Ukraine", aid["blocks"]!.ToJsonString(Rendering.SlackMessage.Json));
        var help = await Json(await Post(bot, Form(bot.Command("/help", ""))));
        Assert.Equal("ephemeral", (string?)help["response_type"]);
        Assert.Contains("name:value", help.ToJsonString());
        Assert.Empty(bot.Slack.Responses);
    }

    [Fact]
    public async Task A_moderator_change_is_confirmed_only_to_the_moderator()
    {
        await using var bot = await Start();
        var body = await Json(await Post(bot, Form(bot.Command("/update", "retract id:T4 reason:\"wrong & misquoted\"", SlackTestBot.Moderator))));
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("T4", (string?)body["text"]);
    }

    public static TheoryData<string, Action<HttpRequestMessage, string>> BadSignatures => new()
    {
        { "missing", (_, _) => { } },
        { "forged", (r, ts) => { r.Headers.Add("X-Slack-Request-Timestamp", ts); r.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64)); } },
        { "signed with another secret", (r, ts) => { r.Headers.Add("X-Slack-Request-Timestamp", ts); r.Headers.Add("X-Slack-Signature", new SlackSignature("other", TimeProvider.System).Sign(ts, "x"u8)); } },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task A_bad_signature_gets_401_and_reaches_no_handler(string what, Action<HttpRequestMessage, string> sign)
    {
        GatedHandler? spy = null;
        await using var bot = await Start(SlackTestBot.Replace<HelpAnswer>(inner => spy = new GatedHandler(inner)), workers: 1);
        var ts = bot.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var response = await Post(bot, Form(bot.Command("/help", "")), r => sign(r, ts));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await SentinelAsync(bot);
        Assert.Equal(0, spy!.Calls);
        Assert.Empty(bot.Slack.Responses);
        Assert.True(bot.Logs.Contains("Refused a request to /slack/commands", LogLevel.Warning), what);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_request_signed_more_than_five_minutes_away_gets_401(int offsetSeconds)
    {
        GatedHandler? spy = null;
        await using var bot = await Start(SlackTestBot.Replace<HelpAnswer>(inner => spy = new GatedHandler(inner)));
        var body = Form(bot.Command("/help", ""));
        var ts = (bot.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        var response = await Post(bot, body, r =>
        {
            r.Headers.Add("X-Slack-Request-Timestamp", ts);
            r.Headers.Add("X-Slack-Signature", new SlackSignature(SlackTestBot.SigningSecret, bot.Time).Sign(ts, Encoding.UTF8.GetBytes(body)));
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, spy!.Calls);
        Assert.True(bot.Logs.Contains("stale signature"));
    }

    [Fact]
    public async Task Ssl_check_is_answered_with_an_empty_200()
    {
        GatedHandler? spy = null;
        await using var bot = await Start(SlackTestBot.Replace<HelpAnswer>(inner => spy = new GatedHandler(inner)));
        var response = await Post(bot, "ssl_check=1&token=deprecated");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, spy!.Calls);
    }

    [Fact]
    public async Task A_slow_command_is_acknowledged_in_time_and_delivered_once_through_response_url()
    {
        GatedHandler? gate = null;
        await using var bot = await Start(SlackTestBot.Replace<TermsAnswer>(inner => gate = new GatedHandler(inner)), workers: 1);
        var started = bot.Time.GetUtcNow();
        var pending = Post(bot, Form(bot.Command("/terms", "", responseId: "slow")));
        await Wait.Until(() => gate!.Calls == 1, "the command to start");
        await Wait.Until(() => pending.IsCompleted, "the acknowledgement", bot.Time, TimeSpan.FromMilliseconds(100));
        var ack = await pending;
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        Assert.True(bot.Time.GetUtcNow() - started < TimeSpan.FromSeconds(3), "acknowledged within Slack's 3 seconds");
        Assert.Empty(bot.Slack.Responses);

        gate!.Gate.SetResult();
        await Wait.Until(() => bot.Slack.Responses.Count == 1, "the late answer");
        var late = bot.Slack.Responses.Single();
        Assert.Equal("slow", late.Id);
        Assert.Equal("in_channel", (string?)late.Body["response_type"]);
        Assert.Contains("Ground combat", late.Body.ToJsonString());
        await SentinelAsync(bot);
        Assert.Single(bot.Slack.Responses);
    }

    [Fact]
    public async Task A_workspace_outside_TeamIds_is_refused_politely()
    {
        await using var bot = await Start();
        var body = await Json(await Post(bot, Form(bot.Command("/terms", "", team: "T0THER"))));
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("only answers in the workspaces", (string?)body["text"]);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        await using var bot = await Start();
        var response = await Post(bot, "text=" + new string('a', SlashCommandEndpoint.MaxBodyBytes + 10));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_hundred_signed_commands_are_each_answered_inline_well_within_Slacks_three_seconds()
    {
        await using var bot = await Start();
        var times = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var body = await Json(await Post(bot, Form(bot.Command(i % 2 == 0 ? "/aid" : "/contacts", i % 2 == 0 ? "" : "person:Macron"))));
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal("in_channel", (string?)body["response_type"]);
        }
        times.Sort();
        Assert.True(times[98] < 2500, $"p99 {times[98]:F1} ms");
        Console.WriteLine($"Slack HTTP mode: 100 signed commands answered inline, median {times[50]:F1} ms, p99 {times[98]:F1} ms, max {times[^1]:F1} ms");
    }
}
