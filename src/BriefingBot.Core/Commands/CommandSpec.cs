using BriefingBot.Knowledge;

namespace BriefingBot.Commands;

/// <summary>Who may run a command; decided in the core from the role the door reports.</summary>
public enum Access { Member, Moderator }

/// <summary>
/// What an option's value must be; the router checks and converts it before a handler sees it. An outlet is text, as
/// the handler resolves it, but doors offer the outlets cited as it is typed.
/// </summary>
public enum OptionType { Text, Integer, Boolean, Date, Actor, ActorList, Proposal, FactId, Choice, TimeZone, Outlet }

/// <summary>One option of a command, declared once and read by every door.</summary>
public sealed record OptionSpec(string Name, string Description, OptionType Type, bool Required = false, int MaxLength = 200)
{
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>
    /// When set, a name marked "+" may be someone not yet known, added with the fact (<see cref="ActorPicks"/>) as this
    /// kind unless the name says another ("+European Union (organisation)").
    /// </summary>
    public ActorKind? NewActors { get; init; }

    /// <summary>A proposal option that also takes one term by its id (T3): "statements about T3" is a question a desk asks.</summary>
    public bool TermsToo { get; init; }

    /// <summary>Whether doors should offer suggestions as the user types.</summary>
    public bool Autocomplete => Type is OptionType.Actor or OptionType.ActorList or OptionType.Proposal or OptionType.TimeZone or OptionType.Outlet;
}

/// <summary>A command or subcommand: its name, what it does, who may run it and its options.</summary>
public sealed record CommandSpec(string Name, string Description, Access Access, IReadOnlyList<OptionSpec> Options)
{
    public IReadOnlyList<CommandSpec> Subcommands { get; init; } = [];

    /// <summary>Bare words after the command fill this option, so <c>/search truce energy</c> works.</summary>
    public string? Primary { get; init; }

    public OptionSpec? Option(string name) => Options.FirstOrDefault(o => o.Name == name);

    /// <summary>The usage line people read in help and errors: <c>/contacts [person] [with] [since] [kind]</c>.</summary>
    public string Usage(string prefix) =>
        $"{prefix}{Name}" + string.Concat(Options.Select(o => o.Required ? $" {o.Name}:…" : $" [{o.Name}]"));
}
