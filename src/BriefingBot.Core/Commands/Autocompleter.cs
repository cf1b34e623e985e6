using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Commands;

/// <summary>One suggestion for an option being typed: what to show and what to fill in.</summary>
public sealed record Suggestion(string Name, string Value);

/// <summary>Suggestions for options that name an actor, a proposal or an outlet, up to the 25 every platform allows.</summary>
public sealed class Autocompleter(ActorDirectory actors, FactQueries queries)
{
    public const int Limit = 25;

    private static readonly Lazy<string[]> TimeZoneIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order(StringComparer.Ordinal).ToArray());

    public IReadOnlyList<Suggestion> Suggest(OptionSpec option, string typed)
    {
        // The prefix being typed reaches the core without an Invocation, so it is cleaned here, at its edge.
        typed = InboundText.SingleLine(typed);
        actors.CatchUp();
        switch (option.Type)
        {
            case OptionType.Actor:
                return OfferNew(option, typed, "", actors.Suggest(typed, Limit).Select(a => new Suggestion(a.Name, a.Name)).ToList());
            case OptionType.ActorList:
                // Complete the name after the last comma, keeping the ones already typed.
                var cut = typed.LastIndexOf(',');
                var head = cut < 0 ? "" : typed[..(cut + 1)] + " ";
                return OfferNew(option, typed[(cut + 1)..], head, actors.Suggest(typed[(cut + 1)..].Trim(), Limit)
                    .Select(a => head + a.Name).Where(v => v.Length <= 100)
                    .Select(v => new Suggestion(v, v)).ToList());
            case OptionType.Proposal:
                var found = typed.Trim().Length == 0 ? queries.Proposals(Limit).Items : queries.FindProposals(typed, Limit);
                return found
                    .Select(p => new Suggestion(Phrases.Clip($"{((ProposalData)p.Data).Name} ({p.Code})", 100), p.Code.ToString()))
                    .ToList();
            case OptionType.TimeZone:
                return TimeZoneIds.Value.Where(z => z.Contains(typed.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase))
                    .Take(Limit).Select(z => new Suggestion(z, z)).ToList();
            case OptionType.Outlet:
                // Outlets whose words begin with what is typed, those beginning the whole outlet first.
                var key = OutletKeys.Key(typed);
                return queries.Outlets()
                    .Select(o => (Outlet: o.Trim(), Rank: key.Length == 0 || OutletKeys.Key(o).StartsWith(key, StringComparison.Ordinal) ? 0
                        : OutletKeys.Key(o).Split(' ').Any(w => w.StartsWith(key, StringComparison.Ordinal)) ? 1 : 2))
                    .Where(o => o.Rank < 2 && o.Outlet.Length <= 100)
                    .OrderBy(o => o.Rank).ThenBy(o => o.Outlet, StringComparer.OrdinalIgnoreCase)
                    .Take(Limit).Select(o => new Suggestion(o.Outlet, o.Outlet)).ToList();
            case OptionType.Choice:
                return option.Choices.Where(c => c.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase))
                    .Take(Limit).Select(c => new Suggestion(c, c)).ToList();
            default:
                return [];
        }
    }

    // Where an update can add people with the fact (+Name), a name that matches nobody is offered as "+Name", saying what
    // it would add, so a moderator need not know the mark; while known names match, only they are offered.
    private List<Suggestion> OfferNew(OptionSpec option, string typed, string head, List<Suggestion> found)
    {
        var name = typed.Trim().TrimStart('+').Trim();
        if (found.Count > 0 || option.NewActors is not { } kind || name.Length is 0 or > 100 || actors.Find(name) is not null) return found;
        var value = head + "+" + name;
        if (value.Length > 100) return found;
        found.Add(new Suggestion(Phrases.Clip($"+{name} (add as a new {Vocabulary.Phrase(kind)})", 100), value));
        return found;
    }
}
