using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Answers;

/// <summary>
/// <c>/who name [as_of] [on]</c>: who someone is (the states and organisations they represent, in what role, since when), or
/// for a state or organisation, who represents it; each role a cited fact line. In a past view, who someone was, or who
/// represented it, on the day asked (or the as-of day), as known by the as-of day: the roles held that day.
/// </summary>
public sealed class WhoAnswer(FactQueries queries, FactLines lines, RepresentedBy represented) : ICommandHandler
{
    public string Path => "who";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var actor = request.Actor("name")!;
        var view = request.View();
        // "the Kremlin" only says the name takes the article: it is no other name.
        var aka = actor.Aliases.Where(a => !string.Equals(a, actor.Name, StringComparison.OrdinalIgnoreCase) && !actor.NamesWithArticle(a)).ToList();
        var head = new ReplySection(null,
        [
            new($"{actor.Name}: {Phrases.A(Vocabulary.Phrase(actor.Kind))}" + (aka.Count > 0 ? $", also called {Phrases.List(aka, 6)}." : ".")),
        ]);
        return ValueTask.FromResult(actor.Kind == ActorKind.Person ? Person(actor, head, view, request) : Represented(actor, head, view, request));
    }

    // A person's roles: those held now (or on the day of a past view) first, then those that had ended.
    private Reply Person(Actor actor, ReplySection head, TimeView view, CommandRequest request)
    {
        var now = request.Now;
        var roles = queries.RolesAt(actor.Id, view);
        // Now a role is held until it has an end date; in a past view, if it was held on the day asked.
        var day = view.AskedDay;
        bool Held(RoleData r) => day is { } d ? r.HeldOn(d) : r.Until is null;
        bool Ended(RoleData r) => day is { } d ? r.EndedBy(d) : r.Until is not null;
        var held = roles.Where(r => Held((RoleData)r.Data)).Select(r => lines.Line(r.Current, now)).ToList();
        var ended = roles.Where(r => Ended((RoleData)r.Data)).Select(r => lines.Line(r.Current, now)).ToList();
        // In a past view, a role known then that had not yet begun that day is neither.
        var later = roles.Count - held.Count - ended.Count;
        var none = view.IsNow ? (ended.Count > 0 ? "No role held." : "No role recorded.")
            : ended.Count > 0 || later > 0 ? $"No role held {view.HeldWhen()}." : $"No role recorded {view.Describe()}.";
        var sections = new List<ReplySection> { head, new("Represents", held.Count > 0 ? held : [new ReplyLine(none)]) };
        if (ended.Count > 0) sections.Add(new ReplySection("Before", ended));
        var footer = view.IsNow ? (roles.Count == 0 ? "Moderators record roles with /update role." : null)
            : held.Count > 0 ? null
            // Nothing recorded by the as-of day: a role entered later may be dated earlier.
            : roles.Count == 0 && RecordedLater.Hint(request, view) is { } hint ? hint
            : (later > 0 ? "A role begun after that day is left out; " : "") + $"/who \"{actor.Name}\" shows who they are now.";
        return new Reply(view.IsNow ? $"Who {actor.Display} is" : $"Who {actor.Display} was {view.Describe()}", sections, footer);
    }

    // The people who represent a state or organisation now, or who represented it on the day of a past view.
    private Reply Represented(Actor actor, ReplySection head, TimeView view, CommandRequest request)
    {
        var now = request.Now;
        var roles = queries.RepresentativesAt(actor.Id, view);
        var people = roles.Select(r => lines.Line(r.Current, now)).ToList();
        var none = view.IsNow ? "No one recorded." : $"No one represented {actor.Display} {view.HeldWhen()}.";
        // The same view in the hint, so /contacts and /statements take in the same people.
        var again = (view.AsOf is { } asOf ? " as_of:" + DateInput.Canonical(asOf) : "") + (view.On is { } on ? " on:" + DateInput.Canonical(on) : "");
        var sections = new List<ReplySection> { head };
        // An organisation may speak for a state itself (the Kremlin for Russia): the roles it holds in the view come first.
        var day = view.AskedDay;
        var holds = actor.Kind != ActorKind.Organisation ? [] : queries.RolesAt(actor.Id, view)
            .Where(r => day is { } d ? ((RoleData)r.Data).HeldOn(d) : ((RoleData)r.Data).Until is null).Select(r => lines.Line(r.Current, now)).ToList();
        if (holds.Count > 0) sections.Add(new ReplySection("Represents", holds));
        sections.Add(new ReplySection("Represented by", people.Count > 0 ? people : [new ReplyLine(none)]));
        // And those who speak for it through an organisation that does (the Kremlin's spokesman for Russia).
        // Only when an organisation speaks for it: a state spoken for by people alone costs no more looks.
        var organisations = roles.Any(r => represented.MayBeRepresented(((RoleData)r.Data).PersonId))
            ? queries.RepresentativesThroughAt(actor.Id, view, represented.MayBeRepresented) : [];
        foreach (var through in organisations.Where(r => r.For != actor.Id).Select(r => r.For).Distinct())
            sections.Add(new ReplySection($"Through {lines.Name(through)}", [.. queries.RepresentativesAt(through, view).Select(r => lines.Line(r.Current, now))]));
        return new Reply(view.IsNow ? $"Who represents {actor.Display}" : $"Who represented {actor.Display} {view.Describe()}",
            sections, people.Count > 0 ? $"/contacts person:\"{actor.Name}\"{again} and /statements person:\"{actor.Name}\"{again} include theirs."
            : RecordedLater.Hint(request, view) ?? "Moderators record roles with /update role.");
    }
}
