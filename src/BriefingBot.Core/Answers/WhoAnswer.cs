using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/who name [as_of]</c>: who someone is (the states and organisations they represent, in what role, since when), or
/// for a state or organisation, who represents it; each role a cited fact line.
/// </summary>
public sealed class WhoAnswer(FactQueries queries, FactLines lines) : ICommandHandler
{
    public string Path => "who";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var actor = request.Actor("name")!;
        var asOfDate = request.Period("as_of")?.Last;
        DateTimeOffset? asOf = asOfDate is { } d ? DateInput.EndOfDay(d) : null;
        var when = asOfDate is { } day ? $" as known on {Phrases.Date(day)}" : "";
        var aka = actor.Aliases.Where(a => !string.Equals(a, actor.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var head = new List<ReplyLine>
        {
            new($"{actor.Name}: a {Vocabulary.Phrase(actor.Kind)}" + (aka.Count > 0 ? $", also called {Phrases.List(aka, 6)}." : ".")),
        };
        if (actor.Kind == ActorKind.Person)
        {
            var roles = queries.Roles(actor.Id, asOf);
            var held = roles.Where(r => ((RoleData)r.Data).Until is null).Select(r => lines.Line(r.Current, request.Now)).ToList();
            var ended = roles.Where(r => ((RoleData)r.Data).Until is not null).Select(r => lines.Line(r.Current, request.Now)).ToList();
            var sections = new List<ReplySection> { new(null, head) };
            sections.Add(new ReplySection("Represents", held.Count > 0 ? held : [new ReplyLine((ended.Count > 0 ? "No role held" : "No role recorded") + when + ".")]));
            if (ended.Count > 0) sections.Add(new ReplySection("Before", ended));
            return ValueTask.FromResult(new Reply($"Who {actor.Display} is{when}", sections,
                roles.Count == 0 && asOf is null ? "Moderators record roles with /update role." : null));
        }
        var people = queries.Representatives(actor.Id, asOf).Select(r => lines.Line(r.Current, request.Now)).ToList();
        return ValueTask.FromResult(new Reply($"Who represents {actor.Display}{when}",
        [
            new ReplySection(null, head),
            new ReplySection("Represented by", people.Count > 0 ? people : [new ReplyLine("No one recorded" + when + ".")]),
        ], people.Count > 0 ? $"/contacts person:\"{actor.Name}\" and /statements person:\"{actor.Name}\" include theirs." : "Moderators record roles with /update role."));
    }
}
