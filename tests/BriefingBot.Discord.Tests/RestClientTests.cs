using System.Text;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Tests.Fakes;
using BriefingBot.Doors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// The REST client against the fake answering 429 (bucket and global) and 500. The waiting is ours, so it runs on a
/// fake clock: the fake server stamps each request with that clock, and the gaps must match what Discord asked for.
/// </summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private FakeDiscord _discord = null!;
    private ServiceProvider _services = null!;

    private DiscordRestClient Rest => _services.GetRequiredService<DiscordRestClient>();

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync(_clock);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiUrl,
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(_clock)
            .AddDiscordDoor(config)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Sends_the_bot_token_and_the_user_agent()
    {
        await Rest.SendAsync(HttpMethod.Get, "gateway/bot", (byte[]?)null, CancellationToken.None);
        var request = Assert.Single(_discord.Requests);
        Assert.Equal("Bot " + FakeDiscord.Token, request.Authorization);
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, \d+\.\d+\.\d+\)$", request.UserAgent);
    }

    [Fact]
    public async Task A_bucket_429_waits_exactly_retry_after_and_sends_once_more()
    {
        var first = true;
        _discord.Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && Take(ref first)
            ? RateLimited(2.5, global: false)
            : null;
        await Pump(Rest.SendAsync(HttpMethod.Post, "channels/123456789012345678/messages", Body("one"), CancellationToken.None));

        var sent = _discord.Requests.Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        AssertGap(sent[0].At, sent[1].At, 2.5);
    }

    [Fact]
    public async Task A_global_429_pauses_every_request()
    {
        var first = true;
        _discord.Intercept = r => r.Path.Contains("/111111111111111111/") && Take(ref first) ? RateLimited(1.0, global: true) : null;
        var a = Rest.SendAsync(HttpMethod.Post, "channels/111111111111111111/messages", Body("a"), CancellationToken.None);
        await WaitForLogAsync("rate limited globally");
        // Another route, another bucket: it must still wait for the global pause.
        var b = Rest.SendAsync(HttpMethod.Post, "channels/222222222222222222/messages", Body("b"), CancellationToken.None);
        await Pump(Task.WhenAll(a, b));

        var limited = _discord.Requests[0];
        var delivered = _discord.Requests.Skip(1).ToList();
        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, r => AssertGap(limited.At, r.At, 1.0));
        Assert.Equal(["a", "b"], delivered.Select(r => r.Json.GetProperty("content").GetString()).Order());
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_but_other_channels_do_not()
    {
        _discord.Intercept = r => r.Path.Contains("/333333333333333333/") && r.Json.GetProperty("content").GetString() == "first"
            ? new FakeResponse(200, "{}", new Dictionary<string, string>
            {
                ["X-RateLimit-Bucket"] = "abcd",
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "1.5",
            })
            : null;
        await Pump(Rest.SendAsync(HttpMethod.Post, "channels/333333333333333333/messages", Body("first"), CancellationToken.None));
        var start = _clock.GetUtcNow();
        await Pump(Rest.SendAsync(HttpMethod.Post, "channels/444444444444444444/messages", Body("elsewhere"), CancellationToken.None));
        Assert.True(_discord.Requests[1].At - start < TimeSpan.FromSeconds(1.0), "another channel waited for this channel's bucket");
        await Pump(Rest.SendAsync(HttpMethod.Post, "channels/333333333333333333/messages", Body("second"), CancellationToken.None));
        AssertGap(_discord.Requests[0].At, _discord.Requests[2].At, 1.5);
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_the_request_arrives_once()
    {
        var failures = 2;
        _discord.Intercept = _ => failures-- > 0 ? new FakeResponse(500, """{"message":"oops"}""") : null;
        await Pump(Rest.SendAsync(HttpMethod.Post, "channels/123456789012345678/messages", Body("x"), CancellationToken.None));
        var sent = _discord.Requests;
        Assert.Equal(3, sent.Count);
        AssertGap(sent[0].At, sent[1].At, DiscordRestClient.Backoff(1).TotalSeconds);
        AssertGap(sent[1].At, sent[2].At, DiscordRestClient.Backoff(2).TotalSeconds);
    }

    [Fact]
    public async Task Gives_up_after_a_bounded_number_of_tries()
    {
        _discord.Intercept = _ => new FakeResponse(503, """{"message":"down"}""");
        var e = await Assert.ThrowsAsync<DiscordRestException>(() => Pump(Rest.SendAsync(HttpMethod.Post, "channels/1234567890123/messages", Body("x"), CancellationToken.None), stepMs: 100));
        Assert.Equal(503, (int)e.Status);
        Assert.Equal(DiscordRestClient.MaxAttempts, _discord.Requests.Count);
    }

    [Fact]
    public async Task A_401_stops_the_door_with_a_clear_message_and_sends_nothing_more()
    {
        _discord.Intercept = _ => new FakeResponse(401, """{"message":"401: Unauthorized","code":0}""");
        await Assert.ThrowsAsync<DiscordRestException>(() => Rest.SendAsync(HttpMethod.Get, "gateway/bot", (byte[]?)null, CancellationToken.None));
        var shutdown = _services.GetRequiredService<DoorShutdown>();
        Assert.Contains("BRIEFINGBOT_Discord__Token", shutdown.Reason);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Critical && l.Text.Contains("401"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Rest.SendAsync(HttpMethod.Get, "gateway/bot", (byte[]?)null, CancellationToken.None));
        Assert.Single(_discord.Requests);
        Assert.Equal(DoorShutdown.RefusedExitCode, shutdown.ExitCode);
    }

    [Fact]
    public async Task Under_429s_and_500s_no_request_is_lost_or_delivered_twice()
    {
        var count = 0;
        // Every third request is refused, alternating bucket 429s, global 429s and 500s; the fake does nothing for those.
        _discord.Intercept = _ => (Interlocked.Increment(ref count) % 3) switch
        {
            0 => (count / 3 % 3) switch
            {
                0 => RateLimited(0.3, global: false),
                1 => RateLimited(0.2, global: true),
                _ => new FakeResponse(502, "<html>bad gateway</html>"),
            },
            _ => null,
        };
        var bodies = Enumerable.Range(0, 20).Select(i => $"message {i}").ToList();
        var sends = bodies.Select((b, i) => Rest.SendAsync(HttpMethod.Post, $"channels/{100000000000000000 + i % 3}/messages", Body(b), CancellationToken.None));
        await Pump(Task.WhenAll(sends));

        var delivered = _discord.Requests.Where(r => !IsRefused(r)).Select(r => r.Json.GetProperty("content").GetString()).ToList();
        Assert.Equal(bodies.Order(), delivered.Order());
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Contains(_discord.Requests, r => r.Status == 429);
        Assert.Contains(_discord.Requests, r => r.Status == 502);
    }

    private static bool IsRefused(RecordedRequest r) => r.Status >= 300;

    private static bool Take(ref bool flag)
    {
        var was = flag;
        flag = false;
        return was;
    }

    private static FakeResponse RateLimited(double seconds, bool global)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(seconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        };
        if (global) headers["X-RateLimit-Global"] = "true";
        else headers["X-RateLimit-Bucket"] = "bucket-1";
        return new FakeResponse(429, $$"""{"message":"You are being rate limited.","retry_after":{{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""", headers);
    }

    private static byte[] Body(string content) => Encoding.UTF8.GetBytes($$$"""{"content":"{{{content}}}","allowed_mentions":{"parse":[]}}""");

    /// <summary>
    /// Never sooner than asked; and not much later, allowing for the fake clock moving on while a request is in
    /// flight on a busy machine (the pump cannot tell waiting from sending).
    /// </summary>
    private static void AssertGap(DateTimeOffset from, DateTimeOffset to, double seconds)
    {
        var gap = (to - from).TotalSeconds;
        Assert.True(gap >= seconds && gap < seconds + 1.0, $"waited {gap:F3} s, expected {seconds} s");
    }

    /// <summary>Moves the fake clock in small steps until the work is done, so waits on it elapse; bounded in real time.</summary>
    private Task Pump(Task task, int stepMs = 10) => Wait.For(task, "the REST client to finish", _clock, TimeSpan.FromMilliseconds(stepMs));

    private Task WaitForLogAsync(string text) => Wait.Until(() => _logs.Contains(text), $"a log line with “{text}”", pause: TimeSpan.FromMilliseconds(2));
}
