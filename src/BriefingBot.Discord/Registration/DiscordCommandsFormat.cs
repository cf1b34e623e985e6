using System.Text;
using BriefingBot.Doors;
using Microsoft.Extensions.Configuration;

namespace BriefingBot.Discord.Registration;

/// <summary>
/// The exact command registration JSON (<c>commands --format discord</c>), guild or global by the same rule the
/// registrar follows, read from the settings even when the door is off.
/// </summary>
public sealed class DiscordCommandsFormat(IConfiguration configuration) : ICommandsFormat
{
    public string Name => DiscordIdentity.Platform;

    public string Write()
    {
        var options = configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        return Encoding.UTF8.GetString(CommandRegistration.Json(CommandRegistrar.RegistersGlobally(options))) + "\n";
    }
}
