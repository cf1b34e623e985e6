using System.Globalization;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Commands;

/// <summary>Checks one raw option value against its spec and converts it; a wrong value yields a one-line correction.</summary>
public sealed class OptionBinder(ActorDirectory actors, FactQueries queries, DeskZone desk)
{
    /// <param name="view">The past view the command asks about, if any: a proposal is named as it was then.</param>
    /// <param name="near">The source's date, if the update gave one: a date typed without its year is the one closest to it.</param>
    public bool TryBind(OptionSpec option, string raw, DateTimeOffset now, out object value, out string error, TimeView? view = null, DateOnly? near = null)
    {
        value = "";
        error = "";
        // Control characters are gone already: an Invocation cleans its options as it is made.
        var text = raw.Trim();
        if (text.Length == 0)
        {
            error = $"Give a value for {option.Name}, or leave it out.";
            return false;
        }
        if (text.Length > option.MaxLength)
        {
            error = $"{option.Name} is {text.Length:N0} characters long; the limit is {option.MaxLength:N0}. Shorten it and try again.";
            return false;
        }
        switch (option.Type)
        {
            case OptionType.Text or OptionType.Outlet:
                value = text;
                return true;
            case OptionType.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                value = n;
                return true;
            case OptionType.Integer:
                error = $"{option.Name} must be a whole number, such as 3.";
                return false;
            case OptionType.Boolean:
                if (text.ToLowerInvariant() is "true" or "yes" or "y" or "1") { value = true; return true; }
                if (text.ToLowerInvariant() is "false" or "no" or "n" or "0") { value = false; return true; }
                error = $"{option.Name} must be true or false.";
                return false;
            case OptionType.Date when DateInput.TryParsePeriod(text, desk.DayOf(now), out var period, near):
                value = period;
                return true;
            case OptionType.Date:
                error = $"“{text}” is not a date I understand for {option.Name}. {DateInput.Hint}";
                return false;
            case OptionType.Choice:
                var choice = option.Choices.FirstOrDefault(c => string.Equals(c, text.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
                if (choice is not null) { value = choice; return true; }
                error = $"“{text}” is not a {option.Name} I know. Choose {Phrases.List(option.Choices.ToList(), 10).Replace(" and ", " or ")}.";
                return false;
            case OptionType.FactId when FactCode.TryParse(text, out var code):
                value = code.Value;
                return true;
            case OptionType.FactId:
                error = $"“{text}” is not a fact id. Ids look like P1, T4, C12 or A2; /search finds them.";
                return false;
            case OptionType.Actor or OptionType.ActorList when option.NewActors is { } newKind:
                var picks = new List<ActorPick>();
                foreach (var name in option.Type == OptionType.Actor ? [text] : SplitNames(text))
                {
                    if (!TryPick(name, newKind, out var pick, out error)) return false;
                    picks.Add(pick);
                }
                value = new ActorPicks(picks);
                return true;
            case OptionType.Actor:
                if (!TryActor(text, out var actor, out error)) return false;
                value = actor;
                return true;
            case OptionType.ActorList:
                var list = new List<Actor>();
                foreach (var name in SplitNames(text))
                {
                    if (!TryActor(name, out var a, out error)) return false;
                    if (!list.Contains(a)) list.Add(a);
                }
                value = list;
                return true;
            case OptionType.TimeZone when TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone):
                value = zone;
                return true;
            case OptionType.TimeZone:
                error = $"“{text}” is not a time zone I know; use an IANA name such as Europe/Paris or America/New_York.";
                return false;
            case OptionType.Proposal when option.TermsToo && FactCode.TryParse(text, out var termCode) && termCode.Value.Kind == FactKind.Term:
                return TryTerm(termCode.Value, view ?? TimeView.Now, out value, out error);
            case OptionType.Proposal:
                if (!TryProposal(text, view ?? TimeView.Now, out var proposal, out error)) return false;
                value = proposal;
                return true;
            default:
                error = $"{option.Name} has a type I cannot read.";
                return false;
        }
    }

    // In an update that can add people (picking), the caller says how to add them with that update; elsewhere the answer
    // names both ways a moderator has: /update actor, or +Name in the update that records them.
    private bool TryActor(string name, out Actor actor, out string error, bool picking = false)
    {
        error = "";
        actor = actors.Find(name)!;
        if (actor is not null) return true;
        var close = actors.Closest(name);
        error = close.Count > 0
            ? $"No one called “{name}” — did you mean {Phrases.List(close.Select(a => a.Name).ToList()).Replace(" and ", " or ")}?"
            : picking ? $"No one called “{name}”. A moderator can add them with /update actor."
            : $"No one called “{name}”. A moderator can add them with /update actor, or as +{name} in the /update contact, statement or role that names them.";
        return false;
    }

    private static string[] SplitNames(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "+Name" or "+Name (kind)" is someone to add with the fact, of the option's kind unless the name says another; a marked name
    // that is already known is simply that actor. An unmarked unknown name is refused with "did you mean", so a typo of a
    // known name never creates anyone.
    private bool TryPick(string name, ActorKind defaultKind, out ActorPick pick, out string error)
    {
        pick = null!;
        error = "";
        if (!name.StartsWith('+'))
        {
            if (!TryActor(name, out var known, out error, picking: true))
            {
                error += defaultKind == ActorKind.Person
                    ? $" To add someone new with this update, mark the name: +{name} for a person, +{name} (state) or +{name} (organisation)."
                    : $" To add it with this update, mark the name: +{name} for an organisation, +{name} (state) for a state.";
                return false;
            }
            pick = new ActorPick(known.Name, known, known.Kind);
            return true;
        }
        var match = System.Text.RegularExpressions.Regex.Match(name[1..].Trim(), @"^(?<name>.*?)\s*(\((?<kind>[^()]*)\))?$");
        var bare = match.Groups["name"].Value.Trim();
        var kind = defaultKind;
        if (match.Groups["kind"].Success)
        {
            var word = match.Groups["kind"].Value.Trim().ToLowerInvariant().Replace("organization", "organisation");
            if (!Vocabulary.AllWords<ActorKind>().Contains(word))
            {
                error = $"“{match.Groups["kind"].Value.Trim()}” is not a kind of actor; write +{bare} (person), (state) or (organisation).";
                return false;
            }
            kind = Vocabulary.Parse<ActorKind>(word);
        }
        if (bare.Length is 0 or > 100)
        {
            error = "A new name after + needs 1 to 100 characters, such as +Mike Waltz.";
            return false;
        }
        // "+the Kremlin" names a Kremlin already known, with or without its article.
        pick = (actors.Find(bare) ?? actors.Find(Actor.WithoutArticle(bare, kind).Name)) is { } already
            ? new ActorPick(already.Name, already, already.Kind) : new ActorPick(bare, null, kind);
        return true;
    }

    // A term by its id, as it stood in the view (a term moved since is still the same term); one retracted is refused.
    private bool TryTerm(FactCode code, TimeView view, out object value, out string error)
    {
        value = "";
        error = "";
        var term = view.IsNow ? queries.Get(code) : queries.GetAt(code, view) ?? queries.Get(code);
        if (term is { Current.Retracted: false })
        {
            value = term;
            return true;
        }
        error = term is null ? $"There is no term {code}; /terms lists the terms of a proposal."
            : $"{code} was retracted; /history {code} shows why.";
        return false;
    }

    // In a past view a proposal is found as it stood then: by id even if retracted or renamed since, by the name it had then
    // (else by its name now), and handed over in that version, so an answer titles it by its name then. A proposal unknown
    // or retracted in the view is handed over as it is now, and the answer says so.
    private bool TryProposal(string text, TimeView view, out FactView proposal, out string error)
    {
        error = "";
        var byCode = FactCode.TryParse(text, out var code) && code.Value.Kind == FactKind.Proposal ? code : null;
        // An id names its proposal even when it was retracted later, so /terms proposal:P2 as_of:… can still read it.
        var now = (byCode is { } c ? queries.Get(c) : null) ?? (queries.FindProposals(text, 1) is [var named, ..] ? named : null);
        var found = now;
        if (!view.IsNow)
        {
            // Mostly a proposal had then the name it has now: its version then settles it without reading any other name.
            var then = now is null ? null : queries.GetAt(now.Code, view);
            if (byCode is null && !(then is { Current.Retracted: false, Data: ProposalData d } && d.Name.Contains(text, StringComparison.OrdinalIgnoreCase)))
                then = queries.FindProposalsAt(text, view, 1) is [var namedThen, ..] ? namedThen : then;
            if (then is { Current.Retracted: false }) found = then;
        }
        proposal = found!;
        if (found is not null) return true;
        var names = (view.IsNow ? queries.Proposals(3).Items : queries.ProposalsAt(3, view))
            .Select(p => $"{((ProposalData)p.Data).Name} ({p.Code})").ToList();
        error = names.Count > 0
            ? $"No proposal called “{text}”{(view.IsNow ? "" : " " + view.Describe())} — did you mean {Phrases.List(names).Replace(" and ", " or ")}?"
            : $"No proposal called “{text}”; none has been recorded yet.";
        return false;
    }
}
