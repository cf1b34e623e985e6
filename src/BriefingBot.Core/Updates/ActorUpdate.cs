using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary><c>/update actor</c>: adds a person, state or organisation that facts can then name.</summary>
public sealed class ActorUpdate(ActorDirectory actors) : ICommandHandler
{
    public string Path => "update actor";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var aliases = request.Text("aliases")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var places = request.Text("places")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (aliases.Concat(places).Any(a => a.Length > 100)) return ValueTask.FromResult(Reply.Error("Each alias can be at most 100 characters."));
        var actor = actors.Add(request.Text("name")!, request.Choice<ActorKind>("kind")!.Value, aliases, request.Caller.Author, places);
        var also = actor.Aliases.Count > 1 ? $" Also known as {Phrases.List(actor.Aliases.Skip(1).ToList(), 10)}." : "";
        return ValueTask.FromResult(Reply.Confirmation($"Added {actor.Name} ({Vocabulary.Phrase(actor.Kind)}).",
            new ReplySection(null, [new ReplyLine("Facts can now name them." + also)])));
    }
}
