using BriefingBot.Discord.Gateway;
using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Fakes;

/// <summary>
/// The real core (seeded SQLite in a temp folder) and the real Discord door in a generic host, pointed at a
/// <see cref="FakeDiscord"/>, with fast reconnect timings and every log line captured.
/// </summary>
public sealed class DoorHost : IAsyncDisposable
{
    public static readonly GatewayTimings FastTimings = new()
    {
        ReconnectMin = TimeSpan.FromMilliseconds(20),
        ReconnectMax = TimeSpan.FromMilliseconds(200),
        IdentifyInterval = TimeSpan.FromMilliseconds(250),
        InvalidSessionDelay = TimeSpan.FromMilliseconds(50),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        HelloTimeout = TimeSpan.FromMilliseconds(1500),
    };

    private readonly bool _ownsFolder;

    private DoorHost(IHost host, CapturedLogs logs, string folder, bool ownsFolder)
    {
        Host = host;
        Logs = logs;
        Folder = folder;
        _ownsFolder = ownsFolder;
    }

    public IHost Host { get; }
    public CapturedLogs Logs { get; }
    public string Folder { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Connects the fake gateway's next connection through Hello, Identify and READY.</summary>
    public static async Task<FakeGatewayConnection> ConnectAsync(FakeDiscord discord)
    {
        var connection = await discord.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.IdentifiedAsync("session-" + Guid.NewGuid().ToString("n")[..8]);
        return connection;
    }

    public static async Task<DoorHost> StartAsync(FakeDiscord? fake, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "briefingbot-discord-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = fake?.ApiUrl ?? "http://127.0.0.1:9/api/v10",
            ["Storage:Path"] = Path.Combine(folder, "knowledge.db"),
            ["Storage:SeedPath"] = Path.Combine(AppContext.BaseDirectory, "config", "seed"),
        };
        foreach (var (key, value) in settings ?? []) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(FastTimings);
        builder.Services.AddBriefingCore(builder.Configuration);
        builder.Services.AddDiscordDoor(builder.Configuration);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.GetRequiredService<KnowledgeStartup>().Start();
        await host.StartAsync();
        return new DoorHost(host, logs, folder, ownsFolder);
    }

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await Host.StopAsync(cts.Token);
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
