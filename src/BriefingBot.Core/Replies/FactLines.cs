using BriefingBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BriefingBot.Replies;

/// <summary>Turns facts into the sentences and cited lines every answer and briefing uses.</summary>
public sealed class FactLines(ActorDirectory actors, IOptions<KnowledgeOptions> options, FactQueries facts, DeskZone desk)
{
    // The namer every line passes to its kind, made once: a method group passed as a delegate is a new one each time.
    private Func<long, string>? _namer;
    private Func<long, string> Namer => _namer ??= Name;

    public ReplyLine Line(Revision revision, DateTimeOffset now, string? prefix = null) =>
        new((prefix ?? "") + Describe(revision.Data), Provenance(revision, now));

    public LineProvenance Provenance(Revision revision, DateTimeOffset now)
    {
        // A fact citing one source leaves Sources null, which every reader takes as that one source: no list per line.
        var p = revision.Provenance;
        var sources = p.Also.Count == 0 ? null : p.Sources;
        // A withdrawal cites the report it withdrew, dated when that was cited, not the day it was withdrawn.
        var citedAt = revision.CitedAt ?? revision.RecordedAt;
        var stale = Phrases.Dated(p.Source, sources, citedAt, desk) < desk.DayOf(now).AddDays(-options.Value.StaleAfterDays);
        return new LineProvenance(revision.Code, p.Source, p.Confidence, citedAt, stale) { Sources = sources };
    }

    public string Describe(FactData data) => Describe(data, null);

    /// <param name="named">The names of what the facts are about, read once for many lines (<see cref="NamesOf"/>); null reads them here.</param>
    public string Describe(FactData data, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named) =>
        data.Kind.Describe(data, Namer) + About(data, named);

    /// <summary>The names of every fact these facts are about, in one statement: for lines written one by one (changes).</summary>
    public IReadOnlyDictionary<long, (FactCode Code, string? Title)>? NamesOf(IEnumerable<FactData> data)
    {
        var links = data.SelectMany(d => d.Kind.Links(d)).ToList();
        return links.Count == 0 ? null : facts.Names(links);
    }

    /// <summary>
    /// The cited lines of several facts, as <see cref="Line"/> writes each; what they are about is read once for all, and in
    /// a past view (<paramref name="past"/>) named as it was then (a proposal by the name it had).
    /// </summary>
    public List<ReplyLine> Lines(IEnumerable<FactView> views, DateTimeOffset now, TimeView? past = null)
    {
        var list = views as IReadOnlyList<FactView> ?? views.ToList();
        // One statement for the names of every fact the lines are about, instead of one per line.
        IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named = null;
        foreach (var view in list)
            if (view.Data.Kind.Links(view.Data).Any())
            {
                named = past is null || past.IsNow
                    ? facts.Names(list.SelectMany(v => v.Data.Kind.Links(v.Data)))
                    : facts.NamesAt(list.SelectMany(v => v.Data.Kind.Links(v.Data)), past);
                break;
            }
        var lines = new List<ReplyLine>(list.Count);
        foreach (var view in list)
            lines.Add(new ReplyLine(view.Data.Kind.Describe(view.Data, Namer) + About(view.Data, named), Provenance(view.Current, now)));
        return lines;
    }

    // What a statement or contact is about, named as readers quote it: " — about the Jeddah framework (P2)".
    private string About(FactData data, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named)
    {
        // Most lines are about nothing: no query over an empty list for them.
        if (data.Kind.Links(data) is IReadOnlyCollection<long> { Count: 0 }) return "";
        var targets = data.Kind.Links(data).Distinct()
            .Select(id => FactName(id, named is null ? facts.Name(id) : named.TryGetValue(id, out var n) ? n : null)).ToList();
        return targets.Count == 0 ? "" : $" — about {Phrases.List(targets)}";
    }

    // "now about the Jeddah framework (P2)": what a statement or contact is about is named here, where facts have names;
    // from `named` when the line's names were read for its view (a past view names them as they were then).
    private string? AboutChange(FactData before, FactData after, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named)
    {
        var (was, now) = (before.Kind.Links(before).Distinct().ToList(), after.Kind.Links(after).Distinct().ToList());
        if (was.Order().SequenceEqual(now.Order())) return null;
        string Named(long id) => named is not null && named.TryGetValue(id, out var name) ? FactName(id, name) : FactName(id);
        return now.Count == 0 ? "no longer about " + Phrases.List(was.Select(Named).ToList())
            : "now about " + Phrases.List(now.Select(Named).ToList()) + (was.Count == 0 ? "" : $", was {Phrases.List(was.Select(Named).ToList())}");
    }

    private string FactName(long factId) => FactName(factId, facts.Name(factId));

    /// <summary>A fact as lines name what they are about, "the US ceasefire proposal (P2)", as it was in <paramref name="view"/>.</summary>
    public string ProposalName(long factId, TimeView view) =>
        FactName(factId, view.IsNow ? facts.Name(factId) : facts.NamesAt([factId], view).TryGetValue(factId, out var n) ? n : null);

    /// <summary>What an answer's title says it is about: "the US ceasefire proposal (P2)", or a term with its proposal.</summary>
    public string AboutName(FactView about, TimeView view) => about.Data switch
    {
        TermData term => $"{about.Code}, the {term.Topic} term of {ProposalName(term.ProposalId, view)}",
        ProposalData proposal => $"the {proposal.Name} ({about.Code})",
        _ => about.Code.ToString(),
    };

    private static string FactName(long factId, (FactCode Code, string? Title)? name) => name switch
    {
        { Title: { Length: > 0 } title, Code.Kind.Word: "term" } term => $"the {title} term ({term.Code})",
        { Title: { Length: > 0 } title } named => $"the {title} ({named.Code})",
        { } named => named.Code.ToString(),
        null => $"fact {factId}",
    };

    /// <summary>"moved from P1 to P3" when a fact changed parent (a term moved to another proposal), else null.</summary>
    public string? Moved(FactData before, FactData after) =>
        after.Kind.ParentKind is not null && before.Kind.ParentId(before) is { } from && after.Kind.ParentId(after) is { } to && from != to
            ? $"moved from {facts.Name(from)?.Code.ToString() ?? $"fact {from}"} to {facts.Name(to)?.Code.ToString() ?? $"fact {to}"}"
            : null;

    /// <summary>The words that changed between two versions of a fact, for "was … now …" lines.</summary>
    /// <param name="named">The names of what the versions are about, read once for many lines (a past view's as they were then).</param>
    public string Difference(FactData before, FactData after, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named = null)
    {
        // Both sentences are written only when the kind could not say what changed (they name what the facts are about,
        // which reads the file).
        var words = TextChange.Join(after.Kind.Difference(before, after, Namer), AboutChange(before, after, named));
        if (words is null && Describe(before) is var old && old != Describe(after)) words = $"was: {old}";
        return (Moved(before, after), words) switch
        {
            ({ } moved, { } changed) => $"{moved}; {changed}",
            ({ } moved, null) => moved,
            (null, { } changed) => changed,
            _ => SameWords,
        };
    }

    /// <summary>What changed between two revisions of a fact: what it says, or else its sources and confidence.</summary>
    public string Difference(Revision before, Revision after, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named = null)
    {
        // Read from the sentences, as the data-only overload does, so a /changes page serialises nothing.
        var said = Difference(before.Data, after.Data, named);
        return said == SameWords ? SourceChange(before.Provenance, after.Provenance) ?? said : said;
    }

    private const string SameWords = "source or confidence updated";

    /// <summary>"added source Kremlin readout of 18 March 2025; removed source TASS", or null when the sources and confidence are the same.</summary>
    public static string? SourceChange(Provenance before, Provenance after)
    {
        var parts = new List<string>();
        var (was, now) = (before.Sources, after.Sources);
        var added = now.Where(s => !was.Contains(s)).ToList();
        var removed = was.Where(s => !now.Contains(s)).ToList();
        if (added.Count > 0) parts.Add((added.Count == 1 ? "added source " : "added sources ") + Phrases.List(added.Select(Cited).ToList()));
        // An outlet removed as another of its reports is added (a date corrected) is told apart by its date.
        if (removed.Count > 0) parts.Add((removed.Count == 1 ? "removed source " : "removed sources ") + Phrases.List(removed.Select(s =>
            added.Any(a => string.Equals(a.Source.Outlet, s.Source.Outlet, StringComparison.OrdinalIgnoreCase)) ? Cited(s) : s.Source.Outlet).ToList()));
        if (before.Confidence != after.Confidence)
            parts.Add($"confidence was {Phrases.Confidence(before.Confidence)}, now {Phrases.Confidence(after.Confidence)}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Cited(CitedSource s) =>
        s.Source.Outlet + (s.Source.Published is { } d ? $" of {Phrases.Date(d)}" : "")
        + (s.Stance == SourceStance.Disputes ? ", which disputes it" : "");

    /// <summary>
    /// <see cref="Change"/> for the changes a past view shows (/briefing on:): what each is about is named as it was in
    /// <paramref name="past"/>, read once for all of them.
    /// </summary>
    public Func<FactView, ReplyLine> ChangesAt(IReadOnlyList<FactView> changes, DateTimeOffset now, TimeView past)
    {
        // What each version is about, and what the one it replaced was about ("now about …, was …").
        var named = facts.NamesAt(changes.SelectMany(c => c.Previous is { Data: var was } ? c.Data.Kind.Links(c.Data).Concat(was.Kind.Links(was)) : c.Data.Kind.Links(c.Data)), past);
        return change => Change(change, now, named);
    }

    /// <summary>A line saying what one revision did: "New term: …", "Changed T4: was “…”, now “…”", "Retracted C3: …".</summary>
    /// <param name="named">What the facts of several such lines are about, read once (<see cref="NamesOf"/>).</param>
    public ReplyLine Change(FactView change, DateTimeOffset now, IReadOnlyDictionary<long, (FactCode Code, string? Title)>? named = null)
    {
        var r = change.Current;
        var kind = Vocabulary.Word(r.Code.Kind);
        var said = Describe(r.Data, named);
        var text = r.Action switch
        {
            RevisionAction.Create => $"New {kind}: {said}",
            RevisionAction.Change when change.Previous is { } before && FiledBefore(before, r) =>
                $"Filed how a {kind} stood earlier: {said} (in effect from {r.Provenance.Effective!.Short()}, before the version in effect from {before.Provenance.Effective!.Short()}, which it left standing)",
            RevisionAction.Change when change.Previous is { } before => $"Changed {kind}: {said} ({Difference(before, r, named)})",
            RevisionAction.Retract => $"Retracted {kind}: {said}{(r.Reason is { } why ? $" — {why}" : "")}",
            RevisionAction.Undo when r.Retracted => $"Withdrawn by undo: {said}",
            RevisionAction.Undo => $"Restored by undo: {said}",
            _ => $"Changed {kind}: {said}",
        };
        return new ReplyLine(text, Provenance(r, now));
    }

    // A late entry dated before the version it was made beside: it fills in history and leaves that one standing (StandingVersion).
    private static bool FiledBefore(Revision stood, Revision change) =>
        !change.Code.Kind.HappensOnce && change.CorrectsRevisionId is null && stood.Id != change.Id
        && change.Provenance.Effective is { } from && stood.Provenance.Effective is { } was && from.Start < was.Start;

    public string Name(long actorId) => actors.TryGet(actorId, out var actor) ? actor.Display : $"actor {actorId}";

    public string Names(IEnumerable<long> ids) => Phrases.List(ids.Select(Name).ToList());
}
