using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Rest;

namespace BriefingBot.Discord.Registration;

/// <summary>
/// Derives Discord's command registration from the core's catalogue, so a command declared once appears in Discord
/// with the same options, required ones first, names people can autocomplete, and choices where the core has them.
/// </summary>
public static class CommandRegistration
{
    private const int MaxChoices = 25;

    public static IReadOnlyList<ApplicationCommand> Build(bool global) =>
        CommandCatalogue.Commands.Select(c => Command(c, global)).ToList();

    /// <summary>The exact JSON the bulk-overwrite PUT sends.</summary>
    public static byte[] Json(bool global) => JsonSerializer.SerializeToUtf8Bytes(Build(global), DiscordRestClient.Json);

    private static ApplicationCommand Command(CommandSpec spec, bool global) => new()
    {
        Name = spec.Name,
        Description = Description(spec.Description),
        Options = spec.Subcommands.Count > 0
            ? spec.Subcommands.Select(s => new ApplicationCommandOption
            {
                Type = ApplicationCommandOption.SubCommand,
                Name = s.Name,
                Description = Description(s.Description),
                Options = Options(s.Options),
            }).ToList()
            : Options(spec.Options),
        // Hides /update from members in the Discord client; the core still checks every invocation.
        DefaultMemberPermissions = spec.Access == Access.Moderator ? DiscordIdentity.ManageGuild.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        Contexts = global ? [0] : null,
    };

    private static IReadOnlyList<ApplicationCommandOption>? Options(IReadOnlyList<OptionSpec> options) =>
        options.Count == 0 ? null : options.OrderByDescending(o => o.Required).Select(Option).ToList();

    private static ApplicationCommandOption Option(OptionSpec o)
    {
        var type = o.Type switch
        {
            OptionType.Integer => ApplicationCommandOption.Integer,
            OptionType.Boolean => ApplicationCommandOption.Boolean,
            _ => ApplicationCommandOption.String,
        };
        var choices = o.Type == OptionType.Choice && o.Choices.Count is > 0 and <= MaxChoices
            ? o.Choices.Select(c => new ApplicationCommandChoice(c, c)).ToList()
            : null;
        return new ApplicationCommandOption
        {
            Type = type,
            Name = o.Name,
            Description = Description(o.Description),
            Required = o.Required ? true : null,
            // Discord forbids autocomplete beside choices; a choice list too long for Discord is autocompleted instead.
            Autocomplete = o.Autocomplete || (o.Type == OptionType.Choice && choices is null) ? true : null,
            Choices = choices,
            MaxLength = type == ApplicationCommandOption.String ? Math.Clamp(o.MaxLength, 1, 6000) : null,
        };
    }

    private static string Description(string text) => Replies.Phrases.Clip(text, 100);
}
