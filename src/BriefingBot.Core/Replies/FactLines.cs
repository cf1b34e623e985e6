using BriefingBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BriefingBot.Replies;

/// <summary>Turns facts into the sentences and cited lines every answer and briefing uses.</summary>
public sealed class FactLines(ActorDirectory actors, IOptions<KnowledgeOptions> options, FactQueries facts)
{
    public ReplyLine Line(Revision revision, DateTimeOffset now, string? prefix = null) =>
        new((prefix ?? "") + Describe(revision.Data), Provenance(revision, now));

    public LineProvenance Provenance(Revision revision, DateTimeOffset now)
    {
        var dated = revision.Provenance.Source.Published ?? DateOnly.FromDateTime(revision.RecordedAt.UtcDateTime);
        var stale = dated < DateOnly.FromDateTime(now.UtcDateTime).AddDays(-options.Value.StaleAfterDays);
        return new LineProvenance(revision.Code, revision.Provenance.Source, revision.Provenance.Confidence, revision.RecordedAt, stale);
    }

    public string Describe(FactData data) => data.Kind.Describe(data, Name) + About(data);

    // What a statement or contact is about, named as readers quote it: " — about the Jeddah framework (P2)".
    private string About(FactData data)
    {
        var targets = data.Kind.Links(data).Distinct().Select(FactName).ToList();
        return targets.Count == 0 ? "" : $" — about {Phrases.List(targets)}";
    }

    private string FactName(long factId) => facts.Name(factId) switch
    {
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
    public string Difference(FactData before, FactData after)
    {
        var old = Describe(before);
        var words = after.Kind.Difference(before, after) ?? (old == Describe(after) ? null : $"was: {old}");
        return (Moved(before, after), words) switch
        {
            ({ } moved, { } changed) => $"{moved}; {changed}",
            ({ } moved, null) => moved,
            (null, { } changed) => changed,
            _ => "source or confidence updated",
        };
    }

    /// <summary>A line saying what one revision did: "New term: …", "Changed T4: was “…”, now “…”", "Retracted C3: …".</summary>
    public ReplyLine Change(FactView change, DateTimeOffset now)
    {
        var r = change.Current;
        var kind = Vocabulary.Word(r.Code.Kind);
        var text = r.Action switch
        {
            RevisionAction.Create => $"New {kind}: {Describe(r.Data)}",
            RevisionAction.Change when change.Previous is { } before => $"Changed {kind}: {Describe(r.Data)} ({Difference(before.Data, r.Data)})",
            RevisionAction.Retract => $"Retracted {kind}: {Describe(r.Data)}{(r.Reason is { } why ? $" — {why}" : "")}",
            RevisionAction.Undo when r.Retracted => $"Withdrawn by undo: {Describe(r.Data)}",
            RevisionAction.Undo => $"Restored by undo: {Describe(r.Data)}",
            _ => $"Changed {kind}: {Describe(r.Data)}",
        };
        return new ReplyLine(text, Provenance(r, now));
    }

    public string Name(long actorId) => actors.TryGet(actorId, out var actor) ? actor.Display : $"actor {actorId}";

    public string Names(IEnumerable<long> ids) => Phrases.List(ids.Select(Name).ToList());
}
