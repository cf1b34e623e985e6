using BriefingBot.Commands;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary><c>/help [command]</c>: every command with its usage, or one command in full.</summary>
public sealed class HelpAnswer : ICommandHandler
{
    public string Path => "help";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var moderator = request.Caller.Role == Role.Moderator;
        if (request.Text("command") is { } name)
        {
            var spec = CommandCatalogue.Commands.FirstOrDefault(c => string.Equals(c.Name, name.TrimStart('/'), StringComparison.OrdinalIgnoreCase));
            if (spec is null) return ValueTask.FromResult(Reply.Error($"There is no /{Phrases.Clip(name, 40)} command. /help lists them all."));
            var entries = spec.Subcommands.Count == 0 ? [("/", spec)] : spec.Subcommands.Select(s => ($"/{spec.Name} ", s)).ToList();
            var sections = entries.Select(e => new ReplySection($"{e.Item2.Usage(e.Item1)}",
                e.Item2.Options.Select(o => new ReplyLine($"{o.Name}: {o.Description}{(o.Required ? " (required)" : "")}"
                    + (o.Choices.Count > 0 ? $"; one of {string.Join(", ", o.Choices)}" : ""))).Prepend(new ReplyLine(e.Item2.Description)).ToList()))
                .ToList();
            return ValueTask.FromResult(new Reply($"/{spec.Name}: {spec.Description}", sections, Syntax));
        }
        var lines = CommandCatalogue.Commands
            .Where(c => moderator || c.Access == Access.Member)
            .Select(c => new ReplyLine($"{c.Usage("/")} — {c.Description}"))
            .ToList();
        return ValueTask.FromResult(new Reply("What I can do", [new ReplySection(null, lines)],
            Syntax + " /help <command> explains one command." + (moderator ? "" : " Moderators also have /update."),
            Visibility.OnlyAsker));
    }

    private const string Syntax =
        "Give options as name:value, with quotes around values that hold spaces: /contacts person:Macron since:2025-03-01, /aid donor:\"United States\".";
}
