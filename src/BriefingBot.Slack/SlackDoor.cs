using BriefingBot.Doors;
using BriefingBot.Doors.Http;
using BriefingBot.Slack.Commands;
using BriefingBot.Slack.HttpCommands;
using BriefingBot.Slack.Rendering;
using BriefingBot.Slack.SocketMode;
using BriefingBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Slack;

/// <summary>Registers the Slack door: options, the Web API client and publisher, the command workers and the mode's listener.</summary>
public static class SlackDoor
{
    /// <summary>The platform's name wherever the core records one: callers, schedules, briefing publishers.</summary>
    public const string Platform = "slack";

    /// <summary>Whether the settings turn the Slack door on: a bot token is set.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"]);

    /// <summary>
    /// The door as the program adds it: its format always (for <c>ask --format slack</c>), and the door itself when
    /// the host connects and <c>Slack:BotToken</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddSlackDoor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAnswerFormat, SlackAnswerFormat>();
        var doors = DoorSet.Of(builder);
        if (doors.Connect && builder.Services.AddSlackDoor(builder.Configuration)) doors.TurnOn(Platform);
        return builder;
    }

    /// <summary>Adds the door when <c>Slack:BotToken</c> is set; returns whether it did.</summary>
    public static bool AddSlackDoor(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return false;
        AddConfigured(services, configuration);
        return true;
    }

    // Apart, so that a host without Slack never compiles it: the JIT would load HttpClient's and ASP.NET Core's assemblies
    // it names (part of what a terminal chat kept resident for no door).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddConfigured(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // No HttpClient logging: response_url paths and upload URLs are credentials, and this logger prints paths.
        services.AddHttpClient(SlackWebApi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton<SlackWebApi>();
        services.TryAddSingleton<BlockKitRenderer>();
        services.TryAddSingleton<RenderedSlackReplies>();
        services.AddSingleton<SlackPublisher>();
        services.AddSingleton<BriefingBot.Briefing.IBriefingPublisher, Briefing.SlackBriefingPublisher>();
        services.AddSingleton<SlashCommandQueue>();
        services.AddSingleton<SlashCommandAnswerer>();
        services.AddSingleton<SlashCommandResponder>();
        services.AddSingleton<SlashCommandEndpoint>();
        services.AddSingleton<EnvelopeLedger>(_ => new EnvelopeLedger());
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService<SlashCommandWorkers>();
        // Both listeners are registered; each serves only in its own Slack:Mode, read after validation.
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        services.AddSingleton<IHttpDoor>(sp => sp.GetRequiredService<SlashCommandEndpoint>());
        // Last, so the web host starts after the door's own services and stops before them.
        services.AddDoorKit();
    }
}
