using BriefingBot.Commands;

namespace BriefingBot.Slack.Commands;

/// <summary>One slash command to create in the Slack app's settings.</summary>
public sealed record SlackCommandEntry(string Command, string Description, string UsageHint);

/// <summary>
/// The slash commands a Slack app needs, derived from the core's catalogue (Slack has no API to register them, so the
/// README lists them for the person setting up the app, and a test keeps that list in step with this one).
/// </summary>
public static class SlackCommandList
{
    /// <summary>Commands the door routes that the catalogue may not declare yet; the core answers them politely until it does.</summary>
    private static readonly SlackCommandEntry[] Planned =
    [
        new("/schedule", "Moderators: when the daily briefing is posted here", "show"),
    ];

    public static IReadOnlyList<SlackCommandEntry> All =>
        CommandCatalogue.Commands
            .Select(c => new SlackCommandEntry("/" + c.Name, c.Description, Hint(c)))
            .Concat(Planned.Where(p => CommandCatalogue.Commands.All(c => "/" + c.Name != p.Command)))
            .ToList();

    private static string Hint(CommandSpec command) =>
        command.Subcommands.Count > 0
            ? string.Join(" | ", command.Subcommands.Select(s => s.Name))
            : string.Join(' ', command.Options.Select(o => o.Required ? $"{o.Name}:…" : $"[{o.Name}]"));
}
