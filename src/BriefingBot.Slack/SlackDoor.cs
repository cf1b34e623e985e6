using BriefingBot.Doors;
using BriefingBot.Slack.Commands;
using BriefingBot.Slack.HttpCommands;
using BriefingBot.Slack.Rendering;
using BriefingBot.Slack.SocketMode;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack;

/// <summary>Registers the Slack door: options, the Web API client and publisher, the command workers and the mode's listener.</summary>
public static class SlackDoor
{
    /// <summary>Whether the settings turn the Slack door on: a bot token is set.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"]);

    /// <summary>Adds the door when <c>Slack:BotToken</c> is set; returns whether it did, so the host knows a platform is configured.</summary>
    public static bool AddSlackDoor(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return false;
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DoorShutdown>();
        // No HttpClient logging: response_url paths and upload URLs are credentials, and this logger prints paths.
        services.AddHttpClient(SlackWebApi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton<SlackWebApi>();
        services.TryAddSingleton<BlockKitRenderer>();
        services.AddSingleton<SlackPublisher>();
        services.AddSingleton<BriefingBot.Briefing.IBriefingPublisher, Briefing.SlackBriefingPublisher>();
        services.AddSingleton<SlashCommandQueue>();
        services.AddSingleton<SlashCommandAnswerer>();
        services.AddSingleton<SlashCommandResponder>();
        services.AddSingleton<SlashCommandEndpoint>();
        services.AddSingleton<EnvelopeLedger>(_ => new EnvelopeLedger());
        services.AddSingleton<SocketModeClient>();
        services.AddSingleton<SlackHttpServer>();
        services.AddHostedService<SlashCommandWorkers>();
        // Both listeners are registered; each starts only in its own Slack:Mode, read after validation.
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        services.AddHostedService(sp => sp.GetRequiredService<SlackHttpServer>());
        return true;
    }
}
