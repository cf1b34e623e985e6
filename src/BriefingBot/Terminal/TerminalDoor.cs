using BriefingBot.Doors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Terminal;

/// <summary>
/// Registers the terminal door: its settings, renderer, publisher and formats always (every verb prints through
/// them), and the chat itself when the host connects and no other door is on. Added last, so it can tell.
/// </summary>
public static class TerminalDoor
{
    /// <summary>The platform's name wherever the core records one: callers, schedules, briefing publishers.</summary>
    public const string Platform = "terminal";

    public static IHostApplicationBuilder AddTerminalDoor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TerminalOptions>().Bind(builder.Configuration.GetSection(TerminalOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TerminalIo.Console());
        services.AddSingleton<TextRenderer>();
        services.AddSingleton<TerminalAttachments>();
        services.AddSingleton<Briefing.IBriefingPublisher, TerminalPublisher>();
        services.AddSingleton<IAnswerFormat, TextAnswerFormat>();
        services.AddSingleton<IAnswerFormat, JsonAnswerFormat>();
        services.AddSingleton<ICommandsFormat, UsageCommandsFormat>();
        services.AddDoorKit();
        var doors = DoorSet.Of(builder);
        if (!doors.Connect || doors.On.Count > 0) return builder;
        services.AddHostedService<TerminalChat>();
        doors.TurnOn(Platform, quiet: true);
        return builder;
    }
}
