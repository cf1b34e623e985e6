using System.Net.Http.Headers;
using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Http;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Registration;
using BriefingBot.Discord.Rendering;
using BriefingBot.Discord.Rest;
using BriefingBot.Doors;
using BriefingBot.Doors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>Registers the Discord door: options, REST, the gateway or the HTTP endpoint, the workers and registration.</summary>
public static class DiscordServices
{
    /// <summary>Whether the settings turn the Discord door on: a bot token is set.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Token)}"]);

    /// <summary>
    /// The door as the program adds it: its formats always (for <c>ask</c> and <c>commands</c>), and the door
    /// itself when the host connects and <c>Discord:Token</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordDoor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAnswerFormat, DiscordAnswerFormat>();
        builder.Services.AddSingleton<ICommandsFormat, DiscordCommandsFormat>();
        var doors = DoorSet.Of(builder);
        if (!doors.Connect || !IsConfigured(builder.Configuration)) return builder;
        builder.Services.AddDiscordDoor(builder.Configuration);
        doors.TurnOn(DiscordIdentity.Platform);
        return builder;
    }

    /// <summary>The door itself, whatever the settings say (tests and tools that know they want it).</summary>
    public static IServiceCollection AddDiscordDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GatewayTimings());

        services.AddHttpClient(DiscordRestClient.HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(DiscordIdentity.UserAgent);
                http.Timeout = TimeSpan.FromSeconds(15);
            })
            // The default handler logs every URL, and interaction and webhook URLs carry tokens; the client logs redacted routes itself.
            .RemoveAllLoggers();

        services.AddSingleton<DiscordApplication>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<EmbedRenderer>();
        services.AddSingleton<RenderedReplies>();
        services.AddSingleton<InvocationMapper>();
        services.AddSingleton<AnsweredInteractions>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<RestInteractionCallback>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<PublicBotGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<PublicBotGuard>());
        services.AddSingleton<BriefingBot.Briefing.IBriefingPublisher, Briefing.DiscordBriefingPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandRegistrar>());

        var mode = configuration.GetSection(DiscordOptions.Section).GetValue(nameof(DiscordOptions.Mode), DiscordMode.Gateway);
        if (mode == DiscordMode.Http)
        {
            services.AddSingleton<SignatureVerifier>();
            services.AddSingleton<InteractionEndpoint>();
            services.AddSingleton<IHttpDoor>(sp => sp.GetRequiredService<InteractionEndpoint>());
        }
        else
        {
            services.AddSingleton<GatewaySession>();
            services.AddSingleton<InteractionQueue>();
            services.AddSingleton<GatewayClient>();
            services.AddHostedService(sp => sp.GetRequiredService<InteractionWorkers>());
            services.AddSingleton<InteractionWorkers>();
            services.AddHostedService(sp => sp.GetRequiredService<GatewayClient>());
        }
        // Last, so the web host starts after the door's own services and stops before them.
        return services.AddDoorKit();
    }
}
