using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// The note an answer about a state or organisation opens with: whose contacts or statements it takes in, in which view,
/// and through whom ("Including statements of those who represent Russia now: the Kremlin and Dmitry Peskov for the Kremlin.").
/// </summary>
public sealed class RepresentedBy(FactQueries queries, FactLines lines, ActorDirectory actors)
{
    /// <summary>Those who speak for <paramref name="actor"/> in the view, through its organisations too; none for a person.</summary>
    public IReadOnlyList<Representative> Of(Actor? actor, TimeView view) =>
        actor is { Kind: not ActorKind.Person } ? queries.RepresentativesThroughAt(actor.Id, view, MayBeRepresented) : [];

    /// <summary>Whether an actor may have representatives of its own: a state or organisation, never a person.</summary>
    public bool MayBeRepresented(long id) => !actors.TryGet(id, out var actor) || actor.Kind != ActorKind.Person;

    /// <param name="what">"statements of", "contacts with".</param>
    public ReplyLine? Note(string what, Actor actor, IReadOnlyList<Representative> representatives, TimeView view)
    {
        if (representatives.Count == 0) return null;
        // "people" as before when only people speak for it directly; "those" once an organisation, or someone through one, does.
        var who = representatives.All(r => r.For == actor.Id && actors.TryGet(r.Id, out var a) && a.Kind == ActorKind.Person) ? "people" : "those";
        var names = Phrases.List(representatives.Select(r => lines.Name(r.Id) + (r.For == actor.Id ? "" : " for " + lines.Name(r.For))).ToList());
        return new ReplyLine(view.IsNow
            ? $"Including {what} {who} who represent {actor.Display} now: {names}."
            : $"Including {what} {who} who represented {actor.Display} {view.HeldWhen()}: {names}.");
    }
}
