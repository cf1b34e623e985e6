using BriefingBot.Discord;
using BriefingBot.Doors;
using BriefingBot.Knowledge;
using BriefingBot.Slack;
using BriefingBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot;

/// <summary>How a run of the program is set up: which database, whether to seed, whether to chat, how loud to log.</summary>
public sealed record HostSettings(string? DatabasePath = null, bool Seed = true, bool Chat = false, bool Quiet = true)
{
    public TerminalIo? Io { get; init; }
    public Action<IServiceCollection>? Configure { get; init; }
}

/// <summary>Builds the host every verb runs in: configuration, logging, the core, and every door, each of which decides whether it is on.</summary>
public static class BotHost
{
    /// <summary>
    /// Every door, in the order they are added. A door reads its own settings and turns itself on; the terminal comes
    /// last because it is on only when no other door is. A new door is one more line here.
    /// </summary>
    private static readonly Func<IHostApplicationBuilder, IHostApplicationBuilder>[] Doors =
    [
        b => b.AddDiscordDoor(),
        b => b.AddSlackDoor(),
        b => b.AddTerminalDoor(),
    ];

    public static IHost Build(string[] args, HostSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("BRIEFINGBOT_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables("BRIEFINGBOT_");
        if (settings.DatabasePath is { } db) builder.Configuration.AddInMemoryCollection([new("Storage:Path", db)]);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddBriefingCore(builder.Configuration);
        builder.Services.AddHostedService(sp => new KnowledgeStartupService(sp.GetRequiredService<KnowledgeStartup>(), settings.Seed));
        if (settings.Io is { } io) builder.Services.AddSingleton(io);
        // The long-running mode connects the doors that are configured; verbs never connect.
        var doors = DoorSet.Of(builder);
        doors.Connect = settings.Chat;
        foreach (var add in Doors) add(builder);
        // A door that serves a platform logs as a server; verbs and the terminal chat log warnings only.
        if (settings.Quiet && doors.Quiet)
            builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:BriefingBot", "Warning")]);
        // The long-running modes post the daily briefing; one-shot verbs never do.
        if (settings.Chat) builder.Services.AddHostedService(sp => sp.GetRequiredService<Briefing.BriefingScheduler>());
        // Under systemd: readiness notification and journal-friendly logs; elsewhere it does nothing.
        builder.Services.AddSystemd();
        settings.Configure?.Invoke(builder.Services);
        var host = builder.Build();
        // Check every options class now, so a wrong setting is one clear message rather than a failed start-up.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    /// <summary>
    /// Runs the host until it stops and says with which exit code: a door's (see <see cref="DoorShutdown"/>), else 1 when
    /// any other background service failed (the briefing scheduler when the file broke: the host stops then, and a service
    /// manager must know to restart it), else 0.
    /// </summary>
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        // Taken now: RunAsync disposes the services it ran on.
        var shutdown = host.Services.GetRequiredService<DoorShutdown>();
        var background = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        await host.RunAsync(cancellationToken);
        if (shutdown.ExitCode != 0) return shutdown.ExitCode;
        // The host has logged the failure with its stack trace; this is the line an operator reads last.
        if (background.FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true }) is not { } failed) return 0;
        await Console.Error.WriteLineAsync(
            $"BriefingBot stopped because {failed.GetType().Name} failed: {failed.ExecuteTask!.Exception!.GetBaseException().Message} " +
            $"The program exits with code {DoorShutdown.FailedExitCode}; restarting may help.");
        return DoorShutdown.FailedExitCode;
    }

    /// <summary>Opens the store before any other service starts, so nothing answers from a half-ready database.</summary>
    private sealed class KnowledgeStartupService(KnowledgeStartup startup, bool seed) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            startup.Start(seed);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
