namespace BriefingBot.Discord.Registration;

/// <summary>A choice of a string option in a command registration.</summary>
public sealed record ApplicationCommandChoice(string Name, string Value);

/// <summary>An option (or subcommand, type 1) of a command registration, as Discord's JSON has it.</summary>
public sealed record ApplicationCommandOption
{
    public const int SubCommand = 1, String = 3, Integer = 4, Boolean = 5;

    public int Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }
    public bool? Autocomplete { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
}

/// <summary>A CHAT_INPUT command as sent to the bulk-overwrite endpoints.</summary>
public sealed record ApplicationCommand
{
    public int? Type { get; init; } = 1;
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a decimal string (the docs' type; the OpenAPI preview says integer).</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where a global command may be used (0 = servers); not allowed on guild commands.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}
