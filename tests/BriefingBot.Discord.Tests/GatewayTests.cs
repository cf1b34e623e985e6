using System.Globalization;
using System.Net.WebSockets;
using BriefingBot.Discord.Tests.Fakes;
using BriefingBot.Doors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// The real gateway client against a fake gateway that misbehaves on purpose. After each fault the bot must be back,
/// resuming where the brief says to resume and identifying only where it must, and every interaction sent after
/// it is back must be answered exactly once.
/// </summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private DoorHost _bot = null!;
    private readonly List<string> _sent = [];

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await DoorHost.StartAsync(_discord);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        // Whatever happened on the way (reconnects, resumes, fatal codes), no log line may carry a secret.
        Assert.DoesNotContain(FakeDiscord.Token, _bot.Logs.All);
        Assert.DoesNotContain("InteractionTokenSecret", _bot.Logs.All);
    }

    [Fact]
    public async Task Connects_identifies_with_no_intents_and_answers_an_interaction()
    {
        var connection = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.StartsWith("DiscordBot (", connection.UserAgent);
        await connection.HelloAsync();
        var identify = await connection.IdentifiedAsync("session-1");
        Assert.Equal(FakeDiscord.Token, identify.GetProperty("d").GetProperty("token").GetString());
        Assert.Equal(0, identify.GetProperty("d").GetProperty("intents").GetInt32());
        await AnsweredAsync(connection);

        // Discovery went through GET /gateway/bot with the same user agent the gateway saw, and the bot token.
        var discovery = _discord.Requests.First(r => r.Path == "/api/v10/gateway/bot");
        Assert.Equal(connection.UserAgent, discovery.UserAgent);
        Assert.Equal("Bot " + FakeDiscord.Token, discovery.Authorization);
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence()
    {
        var connection = await _discord.NextConnectionAsync();
        await connection.HelloAsync(heartbeatIntervalMs: 250); // short enough to see beats, long enough that a busy machine does not look like a zombie
        await connection.IdentifiedAsync("session-1");
        await AnsweredAsync(connection);
        // A beat built after the dispatch carries its sequence; beats in flight may still carry the one before.
        var sequence = connection.Session!.Sequence;
        await WaitUntilAsync(() => Beats().Contains(sequence));
        var beats = Beats();
        Assert.Equal(beats.Order(), beats);
        Assert.All(beats, d => Assert.InRange(d, 0, sequence)); // 0: null, a beat before READY arrived
    }

    private List<int> Beats() => _discord.GatewayPayloads.Where(p => p.GetProperty("op").GetInt32() == 1)
        .Select(p => p.GetProperty("d").ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : p.GetProperty("d").GetInt32()).ToList();

    public static TheoryData<string> ResumableFaults => new() { "drop", "close 4000", "close 1001", "op 7", "op 9 true", "zombie" };

    [Theory]
    [MemberData(nameof(ResumableFaults))]
    public async Task Resumes_after(string fault)
    {
        var first = await _discord.NextConnectionAsync();
        await first.HelloAsync(heartbeatIntervalMs: fault == "zombie" ? 200 : 41250);
        await first.IdentifiedAsync("session-1");
        await AnsweredAsync(first);
        var sequence = first.Session!.Sequence;

        await FaultAsync(first, fault);
        if (fault == "zombie")
        {
            // The bot must close with a code that keeps the session (not 1000/1001), or drop the socket.
            var code = await first.ClosedByBot.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(code is null || (int)code.Value >= 4000, $"closed with {code}");
        }

        var second = await _discord.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        await second.HelloAsync();
        var resume = await second.ResumedAsync();
        Assert.Equal("session-1", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(sequence, resume.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.Equal(FakeDiscord.Token, resume.GetProperty("d").GetProperty("token").GetString());
        await AnsweredAsync(second, count: 3);
        AssertEachAnsweredOnce();
        Assert.Equal(1, Identifies());
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("close 4000")]
    [InlineData("zombie")]
    public async Task Interactions_in_flight_when_the_connection_fails_are_answered_exactly_once(string fault)
    {
        var first = await _discord.NextConnectionAsync();
        await first.HelloAsync(heartbeatIntervalMs: fault == "zombie" ? 200 : 41250);
        await first.IdentifiedAsync("session-1");
        await AnsweredAsync(first); // READY has been read: there is a session to resume
        // Commands keep flowing as the connection fails: some reach the bot, some are lost with the socket.
        for (var i = 0; i < 10; i++)
        {
            var id = Payloads.NewId();
            _sent.Add(id);
            await first.InteractionAsync(Payloads.Command(id, "help"));
        }
        await FaultAsync(first, fault);

        // The resume replays what the bot had not seen; nothing it had seen may be answered again.
        var second = await _discord.NextConnectionAsync();
        await second.HelloAsync();
        await second.ResumedAsync();
        await AnsweredAsync(second, count: 2);
        foreach (var id in _sent) await _discord.WaitForCallbackAsync(id);
        AssertEachAnsweredOnce();
    }

    public static TheoryData<string> SessionEndingFaults => new() { "close 4009", "close 4007", "op 9 false" };

    [Theory]
    [MemberData(nameof(SessionEndingFaults))]
    public async Task Starts_a_new_session_after(string fault)
    {
        var first = await _discord.NextConnectionAsync();
        await first.HelloAsync();
        await first.IdentifiedAsync("session-1");
        await AnsweredAsync(first);

        await FaultAsync(first, fault);

        var second = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", second.Path);
        await second.HelloAsync();
        await second.IdentifiedAsync("session-2");
        await AnsweredAsync(second, count: 3);
        AssertEachAnsweredOnce();
        Assert.Equal(2, Identifies());
    }

    [Fact]
    public async Task Comes_back_after_the_gateway_restarts_and_forgets_the_session()
    {
        var first = await _discord.NextConnectionAsync();
        await first.HelloAsync();
        await first.IdentifiedAsync("session-1");
        await AnsweredAsync(first);

        await _discord.RestartAsync();

        // The bot tries to resume; the restarted gateway knows no session and says so; the bot identifies afresh.
        var second = await _discord.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        await second.ExpectAsync(6);
        await second.InvalidSessionAsync(resumable: false);
        var third = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", third.Path);
        await third.HelloAsync();
        await third.IdentifiedAsync("session-2");
        await AnsweredAsync(third, count: 3);
        AssertEachAnsweredOnce();
    }

    [Fact]
    public async Task Never_identifies_in_a_loop()
    {
        // Every new session is invalidated at once; the bot keeps trying, but never faster than one Identify per interval.
        // On a fake clock that moves only when the test moves it, so the gaps are the bot's own, not the machine's load:
        // the bot decides to identify after it has seen Hello and before the fake receives the Identify, so
        // "Identify k+1 arrived" minus "Hello k was sent" is at least the gap between its two decisions.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var discord = await FakeDiscord.StartAsync(clock);
        await using var bot = await DoorHost.StartAsync(discord, services: s => s.AddSingleton<TimeProvider>(clock));
        var hellos = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++)
        {
            var connection = await Wait.Ticking(clock, discord.NextConnectionAsync(), "the next connection");
            hellos.Add(clock.GetUtcNow());
            await connection.HelloAsync();
            await Wait.Ticking(clock, connection.ExpectAsync(2), "the Identify");
            try
            {
                await connection.InvalidSessionAsync(resumable: false);
            }
            catch (WebSocketException)
            {
                // Seen once in a CI run under heavy load, cause not found: the bot had dropped this connection after its
                // Identify. It then reconnects and identifies afresh all the same, so the pacing is still what is measured.
            }
        }
        var identifies = discord.GatewayLog.Where(p => p.Payload.GetProperty("op").GetInt32() == 2).Select(p => p.At).ToList();
        Assert.Equal(4, identifies.Count);
        for (var k = 1; k < identifies.Count; k++)
        {
            var gap = identifies[k] - hellos[k - 1];
            Assert.True(gap >= DoorHost.FastTimings.IdentifyInterval, $"identified again {gap.TotalMilliseconds} ms (fake clock) after the previous Hello");
        }
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Stops_for_good_on_a_fatal_close_code(int code)
    {
        var first = await _discord.NextConnectionAsync();
        await first.HelloAsync();
        await first.IdentifiedAsync("session-1");
        await first.CloseAsync(code);

        Assert.True(await _discord.StaysDisconnectedAsync(TimeSpan.FromSeconds(1)), "the bot reconnected after a fatal close code");
        var shutdown = _bot.Get<DoorShutdown>();
        Assert.NotNull(shutdown.Reason);
        Assert.Contains($"{code}", shutdown.Reason);
        Assert.Contains("will not retry", shutdown.Reason);
        Assert.Contains(_bot.Logs.Lines, l => l.Level == LogLevel.Critical && l.Text.Contains($"{code}"));
        Assert.Equal(DoorShutdown.RefusedExitCode, shutdown.ExitCode);
    }

    [Fact]
    public async Task Keeps_reconnecting_while_the_gateway_refuses()
    {
        // Five connections in a row die before Hello; the bot never gives up, and then resumes normally.
        for (var i = 0; i < 5; i++) (await _discord.NextConnectionAsync()).Drop();
        var connection = await _discord.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.IdentifiedAsync("session-1");
        await AnsweredAsync(connection);
    }

    [Fact]
    public async Task A_gateway_that_never_says_Hello_is_left_for_a_new_connection()
    {
        var silent = await _discord.NextConnectionAsync();
        var next = await _discord.NextConnectionAsync();
        await silent.ClosedByBot.WaitAsync(TimeSpan.FromSeconds(5)); // the bot gave the silent one up
        await next.HelloAsync();
        await next.IdentifiedAsync("session-1");
        await AnsweredAsync(next);
    }

    [Fact]
    public async Task A_repeated_interaction_is_answered_once()
    {
        var connection = await _discord.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.IdentifiedAsync("session-1");
        var id = Payloads.NewId();
        var json = Payloads.Command(id, "help");
        await connection.InteractionAsync(json);
        await connection.InteractionAsync(json);
        await _discord.WaitForCallbackAsync(id);
        // A later interaction is answered, so the repeat has been through the queue by now.
        await AnsweredAsync(connection);
        Assert.Single(_discord.CallbacksFor(id));
    }

    private static async Task FaultAsync(FakeGatewayConnection connection, string fault)
    {
        switch (fault)
        {
            case "drop": connection.Drop(); break;
            case "zombie": connection.AckHeartbeats = false; break;
            case "op 7": await connection.ReconnectAsync(); break;
            case "op 9 true": await connection.InvalidSessionAsync(resumable: true); break;
            case "op 9 false": await connection.InvalidSessionAsync(resumable: false); break;
            default: await connection.CloseAsync(int.Parse(fault["close ".Length..], CultureInfo.InvariantCulture)); break;
        }
    }

    private async Task AnsweredAsync(FakeGatewayConnection connection, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Payloads.NewId();
            _sent.Add(id);
            await connection.InteractionAsync(Payloads.Command(id, "help"));
            var callback = await _discord.WaitForCallbackAsync(id);
            Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        }
    }

    private void AssertEachAnsweredOnce()
    {
        foreach (var id in _sent) Assert.Single(_discord.CallbacksFor(id));
    }

    private int Identifies() => _discord.GatewayPayloads.Count(p => p.GetProperty("op").GetInt32() == 2);

    private static Task WaitUntilAsync(Func<bool> condition) => Wait.Until(condition, "the gateway");
}
