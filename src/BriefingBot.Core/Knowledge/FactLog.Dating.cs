using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>When a change takes effect, and which version's date it puts right: the half of the rule of what stands a write decides.</summary>
public sealed partial class FactLog
{
    // When a change takes effect, and the version whose date it puts right, if any:
    // - the same words as a late entry just filed before what stands, with another date given: that entry had its date wrong;
    // - the same words as what stands with another date given, or an earlier one by its source (the wrong year put right by
    //   source_date:): that version had its date wrong, and takes effect nowhere since;
    // - otherwise a change dated only by default (its source's date, or today) never slips behind the version that stands: it
    //   takes effect when that one did, and replaces it on every day (a date put right later must not bring the replaced
    //   words back). Only a date given (effective:, or the fact's own since: or date:) files a change before what stands,
    //   as history.
    private (Provenance Provenance, Revision? Corrects) Dated(LeasedConnection connection, SqliteTransaction tx, FactData data,
        Revision? previous, Provenance provenance, DateTimeOffset? recordedAt, ChangeAuthor by)
    {
        if (previous is not { Retracted: false } || previous.Provenance.Effective is not { } stood) return (provenance, null);
        var kind = data.Kind;
        var given = provenance.Effective is not null || !Equals(kind.Period(data), kind.Period(previous.Data));
        var effective = provenance.Effective ?? DefaultEffective(data, provenance.Source, _desk.DayOf(recordedAt ?? _time.GetUtcNow()));
        // Only the author's own late entry, the newest revision: another's history, or an older one, is not this typo.
        if (given && Newest(connection, tx, previous) is { Action: RevisionAction.Create or RevisionAction.Change, Retracted: false } late
            && late.Id != previous.Id && late.RecordedBy == by.Key && SameWords(kind, data, late.Data) && !effective.Equals(late.Provenance.Effective))
            return (provenance, late);
        if (SameWords(kind, data, previous.Data) && !effective.Equals(stood) && (given || effective.Start < stood.Start))
            return (provenance, previous);
        if (!given && effective.Start < stood.Start && !kind.HappensOnce) return (provenance with { Effective = stood }, previous);
        return (provenance, null);
    }

    private static bool SameWords(FactKind kind, FactData a, FactData b) =>
        KnowledgeJson.Serialize(kind.WithoutPeriod(a)) == KnowledgeJson.Serialize(kind.WithoutPeriod(b));

    // The fact's newest revision; read whole only when it is not the one already at hand (almost always it is).
    private static Revision? Newest(LeasedConnection connection, SqliteTransaction tx, Revision known)
    {
        var command = connection.Statement("SELECT MAX(id) FROM revisions WHERE fact_id = $fact", tx);
        command.Parameters.AddWithValue("$fact", known.FactId);
        return command.ExecuteScalar() is long id && id != known.Id ? ReadRevision(connection, tx, id) : known;
    }
}
