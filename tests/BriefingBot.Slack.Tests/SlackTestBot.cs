using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Slack.Tests.FakeSlack;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Slack.Tests;

/// <summary>
/// The real core on a temp SQLite file with the real Slack door, pointed at a <see cref="FakeSlackServer"/>, on a
/// fake clock, with every log line captured. Settings go in as the host would read them from configuration.
/// </summary>
public sealed class SlackTestBot : IAsyncDisposable
{
    public const string BotToken = "xoxb-1111-2222-BOTSECRETvalue9f8e7d";
    public const string AppToken = "xapp-1-A0FAKE-3333-APPSECRETvalue1a2b3c";
    public const string SigningSecret = "SIGNINGSECRETvalue0c9d8e7f6a5b4c3d";
    public const string Team = "T0001";
    public const string Moderator = "UMOD0001";
    public const string Member = "UMEM0001";
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private SlackTestBot(FakeTimeProvider time, FakeSlackServer slack, IHost host, CapturedLogs logs, string folder)
    {
        Time = time;
        Slack = slack;
        Host = host;
        Logs = logs;
        Folder = folder;
    }

    public FakeTimeProvider Time { get; }
    public FakeSlackServer Slack { get; }
    public IHost Host { get; }
    public CapturedLogs Logs { get; }
    public string Folder { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>The address HTTP mode listens on, once started.</summary>
    public string HttpBase => Get<BriefingBot.Doors.Http.DoorWebHost>().Addresses[0].TrimEnd('/');

    public static async Task<SlackTestBot> StartAsync(
        Action<Dictionary<string, string?>>? settings = null, Action<IServiceCollection>? services = null, Action<FakeSlackServer>? fake = null)
    {
        var time = new FakeTimeProvider(Start);
        var slack = await FakeSlackServer.StartAsync(time, BotToken, AppToken);
        fake?.Invoke(slack);
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-slack-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder, "knowledge.db"),
            ["Storage:SeedPath"] = Path.Combine(AppContext.BaseDirectory, "config", "seed"),
            ["Slack:BotToken"] = BotToken,
            ["Slack:AppToken"] = AppToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:TeamIds:0"] = Team,
            ["Slack:ModeratorUserIds:0"] = Moderator,
            ["Slack:HttpListenUrl"] = "http://127.0.0.1:0",
            // Long enough that the clock pump never trips it by accident; the hello test sets its own.
            ["Slack:HelloTimeout"] = "01:00:00",
        };
        settings?.Invoke(config);
        var logs = new CapturedLogs();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddBriefingCore(builder.Configuration);
        if (!builder.Services.AddSlackDoor(builder.Configuration)) throw new InvalidOperationException("The Slack door was not added.");
        services?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.GetRequiredService<KnowledgeStartup>().Start();
        await host.StartAsync();
        return new SlackTestBot(time, slack, host, logs, folder);
    }

    /// <summary>A slash command payload as Slack sends it over Socket Mode.</summary>
    public System.Text.Json.Nodes.JsonObject Command(string command, string text, string user = Member, string team = Team, string responseId = "r1") =>
        new CommandPayload(Slack).Build(command, text, user, team, responseId);

    /// <summary>Builds slash command payloads whose response_url points at the given fake.</summary>
    public sealed class CommandPayload(FakeSlackServer slack)
    {
        public System.Text.Json.Nodes.JsonObject Build(string command, string text, string user = Member, string team = Team, string responseId = "r1") => new()
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = team,
            ["team_domain"] = "example",
            ["channel_id"] = "C2147483705",
            ["channel_name"] = "briefing",
            ["user_id"] = user,
            ["user_name"] = user == Moderator ? "mo" : "alice",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0FAKE",
            ["response_url"] = slack.ResponseUrl(responseId),
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        };
    }

    /// <summary>Replaces one command's handler with a test double; the router still does everything around it.</summary>
    public static Action<IServiceCollection> Replace<THandler>(Func<ICommandHandler, ICommandHandler> wrap) where THandler : ICommandHandler => services =>
    {
        var original = services.Single(d => d.ServiceType == typeof(ICommandHandler) && d.ImplementationType == typeof(THandler));
        services.Remove(original);
        services.AddSingleton<ICommandHandler>(sp => wrap(ActivatorUtilities.CreateInstance<THandler>(sp)));
    };

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        Host.Dispose();
        await Slack.DisposeAsync();
        // For debugging a failing run: BRIEFINGBOT_TEST_LOGS=/tmp/dir keeps every test's log.
        if (Environment.GetEnvironmentVariable("BRIEFINGBOT_TEST_LOGS") is { Length: > 0 } dir)
            await File.WriteAllTextAsync(Path.Combine(dir, $"slack-{Guid.NewGuid():n}.log"), Logs.All);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A command handler that waits for the test to let it answer, to make a command slow on purpose.</summary>
public sealed class GatedHandler(ICommandHandler inner) : ICommandHandler
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Calls;

    public string Path => inner.Path;

    public async ValueTask<Replies.Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        await Gate.Task.WaitAsync(Wait.Limit, cancellationToken);
        return await inner.HandleAsync(request, cancellationToken);
    }
}
