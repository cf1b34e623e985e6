namespace BriefingBot.Discord.Interactions;

/// <summary>Discord's interaction types that the door answers.</summary>
public enum InteractionType { Ping = 1, ApplicationCommand = 2, MessageComponent = 3, Autocomplete = 4, ModalSubmit = 5 }

/// <summary>One option as Discord sends it; subcommands and groups carry nested options instead of a value.</summary>
public sealed record InteractionOption(string Name, int Type, string? Value, bool Focused, IReadOnlyList<InteractionOption> Options)
{
    public const int SubCommand = 1, SubCommandGroup = 2;

    public bool IsSubcommand => Type is SubCommand or SubCommandGroup;
}

/// <summary>
/// The parts of an interaction the door uses, read from the gateway frame or the HTTP body by
/// <see cref="InteractionReader"/>; everything else Discord sends is skipped unread.
/// </summary>
public sealed class Interaction
{
    public Snowflake Id { get; init; }
    public Snowflake ApplicationId { get; init; }
    public InteractionType Type { get; init; }

    /// <summary>The interaction token: a credential for answering, valid 15 minutes. Never logged.</summary>
    public string Token { get; init; } = "";

    public Snowflake GuildId { get; init; }
    public Snowflake ChannelId { get; init; }
    public Snowflake UserId { get; init; }
    public string UserName { get; init; } = "";

    /// <summary>The member's permissions in the channel (0 outside a server).</summary>
    public ulong Permissions { get; init; }

    public IReadOnlyList<Snowflake> Roles { get; init; } = [];
    public string CommandName { get; init; } = "";
    public IReadOnlyList<InteractionOption> Options { get; init; } = [];
    public string? Locale { get; init; }

    public bool InGuild => GuildId.Value != 0;
}
