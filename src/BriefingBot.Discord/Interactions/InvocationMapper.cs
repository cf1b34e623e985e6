using BriefingBot.Commands;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Turns a slash command into the core's neutral <see cref="Invocation"/>: the path from the command and its
/// subcommand, option values as text, and the caller's role from Discord:ModeratorRoleIds or, when that is empty,
/// from the Manage Server permission. <see cref="PublicBotGuard"/> may then withhold the moderator role, when anyone
/// could add the bot to their own server. The core decides what a role may do.
/// </summary>
public sealed class InvocationMapper(IOptions<DiscordOptions> options, TimeProvider time)
{
    private const ulong Administrator = 1UL << 3;

    // Read on first use: the host builds services before it validates settings.
    private readonly Lazy<IReadOnlySet<Snowflake>> _moderatorRoles = new(() => Snowflake.ParseAll(options.Value.ModeratorRoleIds));
    private readonly Lazy<IReadOnlySet<Snowflake>> _guilds = new(() => Snowflake.ParseAll(options.Value.GuildIds));

    /// <summary>Whether the bot serves the server this came from (every server when Discord:GuildIds is empty).</summary>
    public bool Serves(Interaction interaction) => _guilds.Value.Count == 0 || _guilds.Value.Contains(interaction.GuildId);

    public Invocation Map(Interaction interaction)
    {
        var (path, options) = Leaf(interaction);
        var values = new Dictionary<string, string>(options.Count);
        foreach (var option in options)
            if (option.Value is not null) values[option.Name] = option.Value;
        var name = interaction.UserName.Length > 0 ? interaction.UserName : interaction.UserId.ToString();
        var caller = new Caller(DiscordIdentity.Platform, interaction.UserId.ToString(), name, RoleOf(interaction));
        return new Invocation(path, values, caller, interaction.ChannelId.ToString(), time.GetUtcNow(),
            interaction.Locale is { Length: > 0 } locale ? locale : "en");
    }

    public Role RoleOf(Interaction interaction)
    {
        if (!interaction.InGuild) return Role.Member;
        if (_moderatorRoles.Value.Count > 0) return interaction.Roles.Any(_moderatorRoles.Value.Contains) ? Role.Moderator : Role.Member;
        return (interaction.Permissions & (DiscordIdentity.ManageGuild | Administrator)) != 0 ? Role.Moderator : Role.Member;
    }

    /// <summary>The command path and the options of its innermost subcommand.</summary>
    public static (IReadOnlyList<string> Path, IReadOnlyList<InteractionOption> Options) Leaf(Interaction interaction)
    {
        var path = new List<string>(3) { interaction.CommandName };
        var options = interaction.Options;
        while (options.Count == 1 && options[0].IsSubcommand)
        {
            path.Add(options[0].Name);
            options = options[0].Options;
        }
        return (path, options);
    }
}
