using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Http;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Tests.Fakes;
using BriefingBot.Fuzzing;
using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace BriefingBot.Discord.Tests;

/// <summary>
/// Thousands of INTERACTION_CREATE payloads with hostile option values, names and nicks, written as Discord's JSON
/// (escapes such as <c>"\ud800"</c> included), read by the door's own <see cref="InteractionReader"/> and answered by
/// its <see cref="InteractionHandler"/> over the real core and a real SQLite file. Only Discord is faked: the answer is
/// taken as HTTP mode takes it, and REST calls (deferred edits, posted briefings) go to an in-memory stand-in.
/// </summary>
public sealed class HostileInteractionTests(ITestOutputHelper output) : IDisposable
{
    public const int Interactions = 3000, GatewayInteractions = 200;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-discord-fuzz", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Hostile_interactions_are_all_answered_politely_and_safely()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        var rest = new RestStandIn();
        await using var services = Services(time, logs, rest);
        services.GetRequiredService<KnowledgeStartup>().Start();
        // The guard vets moderators once it has started; with Discord:GuildIds set it trusts them at once.
        await services.GetRequiredService<PublicBotGuard>().StartAsync(CancellationToken.None);
        var handler = services.GetRequiredService<InteractionHandler>();

        var input = new HostileInput(seed: 8_303);
        var random = new Random(8_303);
        var counts = new Dictionary<int, int>();
        for (var n = 0; n < Interactions; n++)
        {
            var autocomplete = random.Next(4) == 0;
            var json = HostileJson.Interaction(input, random, Payloads.NewId(time.GetUtcNow()), autocomplete);
            var interaction = InteractionReader.Read(Encoding.UTF8.GetBytes(json));
            var callback = new HttpInteractionCallback();
            // Bounded, so a command that never finishes fails the test instead of stalling the suite.
            await handler.HandleAsync(interaction, callback, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(callback.Response.IsCompleted, $"Interaction {n} got no answer: {json}");
            var response = await callback.Response;
            counts[response.Type] = counts.GetValueOrDefault(response.Type) + 1;
            AssertSafe(JsonSerializer.Serialize(response, DiscordRestClient.Json), $"interaction {n}: {json}");
        }

        foreach (var body in rest.JsonBodies) AssertSafe(body, "a REST call");
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.Equal(Interactions, counts.Values.Sum());
        output.WriteLine($"{Interactions} interactions: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} of type {c.Key}"))
                         + $"; {rest.JsonBodies.Count} REST calls with JSON");
    }

    [Fact]
    public async Task Hostile_interactions_through_the_gateway_are_all_answered_politely_and_safely()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await DoorHost.StartAsync(discord, new() { ["Discord:GuildIds:0"] = Payloads.GuildId });
        var connection = await DoorHost.ConnectAsync(discord);
        var input = new HostileInput(seed: 8_304);
        var random = new Random(8_304);
        var sent = new List<(string Id, string Json)>();
        // Fewer than the queue holds, all sent at once: the gateway frame, the queue, the workers and REST, as in production.
        for (var n = 0; n < GatewayInteractions; n++)
        {
            var id = Payloads.NewId();
            var json = HostileJson.Interaction(input, random, id, autocomplete: random.Next(4) == 0);
            sent.Add((id, json));
            await connection.InteractionAsync(json);
        }
        foreach (var (id, json) in sent)
        {
            var callback = await discord.WaitForCallbackAsync(id, TimeSpan.FromSeconds(30));
            AssertSafe(callback.Body, $"gateway interaction {id}: {json}");
        }
        Assert.All(sent, s => Assert.Single(discord.CallbacksFor(s.Id)));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.StartsWith("Skipped an INTERACTION_CREATE", StringComparison.Ordinal));
        output.WriteLine($"{GatewayInteractions} interactions through the fake gateway, each answered once");
    }

    /// <summary>The answer as Discord would receive it: no internal error, and every string in it readable and free of controls.</summary>
    private static void AssertSafe(string json, string what)
    {
        Assert.DoesNotContain("Something went wrong", json);
        using var document = JsonDocument.Parse(json);
        foreach (var text in Strings(document.RootElement))
            Assert.True(HostileInput.Unsafe(text) is null, $"The answer to {what} holds {HostileInput.Unsafe(text)}: {text}");
    }

    /// <summary>Every string in a JSON value; GetString throws on a lone surrogate, which fails the test as it should.</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private ServiceProvider Services(TimeProvider time, CapturedLogs logs, RestStandIn rest)
    {
        Directory.CreateDirectory(_folder);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:GuildIds:0"] = Payloads.GuildId,
            ["Storage:Path"] = Path.Combine(_folder, "knowledge.db"),
            ["Storage:SeedPath"] = Path.Combine(AppContext.BaseDirectory, "config", "seed"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(time);
        services.AddBriefingCore(config);
        services.AddDiscordDoor(config);
        services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => rest);
        return services.BuildServiceProvider();
    }

    /// <summary>Discord's REST API reduced to "200, here is an id", keeping the JSON bodies the door sent.</summary>
    private sealed class RestStandIn : HttpMessageHandler
    {
        public ConcurrentQueue<string> JsonBodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content?.Headers.ContentType?.MediaType == "application/json")
                JsonBodies.Enqueue(await request.Content.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"1"}""", Encoding.UTF8, "application/json") };
        }
    }
}
