using BriefingBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BriefingBot.Replies;

/// <summary>Turns facts into the sentences and cited lines every answer and briefing uses.</summary>
public sealed class FactLines(ActorDirectory actors, IOptions<KnowledgeOptions> options)
{
    public ReplyLine Line(Revision revision, DateTimeOffset now, string? prefix = null) =>
        new((prefix ?? "") + Describe(revision.Data), Provenance(revision, now));

    public LineProvenance Provenance(Revision revision, DateTimeOffset now)
    {
        var dated = revision.Provenance.Source.Published ?? DateOnly.FromDateTime(revision.RecordedAt.UtcDateTime);
        var stale = dated < DateOnly.FromDateTime(now.UtcDateTime).AddDays(-options.Value.StaleAfterDays);
        return new LineProvenance(revision.Code, revision.Provenance.Source, revision.Provenance.Confidence, revision.RecordedAt, stale);
    }

    public string Describe(FactData data) => data.Kind.Describe(data, Name);

    /// <summary>The words that changed between two versions of a fact, for "was … now …" lines.</summary>
    public string Difference(FactData before, FactData after)
    {
        if (after.Kind.Difference(before, after) is { } words) return words;
        var old = Describe(before);
        return old == Describe(after) ? "source or confidence updated" : $"was: {old}";
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
