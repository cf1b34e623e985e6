using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>
/// <c>/update actor</c>: adds a person, state or organisation that facts can then name, or gives a known one more names
/// (<c>name:"the Kremlin"</c> says its name takes the article in lines).
/// </summary>
public sealed class ActorUpdate(ActorDirectory actors) : ICommandHandler
{
    public string Path => "update actor";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var aliases = request.Text("aliases")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var places = request.Text("places")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (aliases.Concat(places).Any(a => a.Length > 100)) return ValueTask.FromResult(Reply.Error("Each alias can be at most 100 characters."));
        var kind = request.Choice<ActorKind>("kind")!.Value;
        var (name, article) = Actor.WithoutArticle(request.Text("name")!, kind);
        // A known actor named again, of its kind, with names it lacks ("the Kremlin", a new alias) is given them.
        if (actors.Find(name) is { } known && known.Kind == kind)
        {
            string[] wanted = [.. article ? ["the " + known.Name] : Array.Empty<string>(), .. aliases, .. places];
            var names = wanted.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Where(n => actors.Find(n)?.Id != known.Id).ToList();
            if (names.Count > 0)
            {
                var named = actors.AddNames(known, names, places);
                return ValueTask.FromResult(Reply.Confirmation($"{named.Name} is now also called {Phrases.List(names, 10)}.",
                    new ReplySection(null, [new ReplyLine($"Lines name it “{named.Display}”.")])));
            }
        }
        var actor = actors.Add(request.Text("name")!, kind, aliases, request.Caller.Author, places);
        var also = actor.Aliases.Count > 1 ? $" Also known as {Phrases.List(actor.Aliases.Skip(1).ToList(), 10)}." : "";
        return ValueTask.FromResult(Reply.Confirmation($"Added {actor.Name} ({Vocabulary.Phrase(actor.Kind)}).",
            new ReplySection(null, [new ReplyLine("Facts can now name them." + also)])));
    }
}
