using BriefingBot.Discord;
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

/// <summary>Builds the host every verb runs in: configuration, logging, options validated at start, and one Add… per feature.</summary>
public static class BotHost
{
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
        // With a Discord or Slack token the long-running mode serves those platforms instead of the terminal chat, and
        // logs as a server; both can run in one host on one store. Verbs never connect.
        var discord = settings.Chat && !string.IsNullOrWhiteSpace(builder.Configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Token)}"]);
        var slack = settings.Chat && SlackDoor.IsConfigured(builder.Configuration);
        var overrides = new Dictionary<string, string?>();
        if (settings.DatabasePath is { } db) overrides["Storage:Path"] = db;
        if (settings.Quiet && !discord && !slack)
        {
            overrides["Logging:LogLevel:Default"] = "Warning";
            overrides["Logging:LogLevel:BriefingBot"] = "Warning";
        }
        builder.Configuration.AddInMemoryCollection(overrides);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KnowledgeOptions>().Bind(builder.Configuration.GetSection(KnowledgeOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TerminalOptions>().Bind(builder.Configuration.GetSection(TerminalOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddOptions<Briefing.BriefingOptions>().Bind(builder.Configuration.GetSection(Briefing.BriefingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddBriefingCore();
        builder.Services.AddHostedService(sp => new KnowledgeStartupService(sp.GetRequiredService<KnowledgeStartup>(), settings.Seed));
        builder.Services.AddSingleton<TextRenderer>();
        builder.Services.AddSingleton<TerminalAttachments>();
        builder.Services.AddSingleton(settings.Io ?? TerminalIo.Console());
        builder.Services.AddSingleton<Briefing.IBriefingPublisher, TerminalPublisher>();
        if (discord) builder.Services.AddDiscordDoor(builder.Configuration);
        if (slack) builder.Services.AddSlackDoor(builder.Configuration);
        if (!discord && !slack && settings.Chat) builder.Services.AddHostedService<TerminalChat>();
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
