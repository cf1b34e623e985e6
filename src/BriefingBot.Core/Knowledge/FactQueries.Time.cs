namespace BriefingBot.Knowledge;

/// <summary>
/// The answers of a past view (<see cref="TimeView"/>): what was known at the end of a day (transaction time: each fact's
/// newest revision recorded by then) and how things stood in the world on a day (valid time: each fact's revision in
/// effect then, as known now or by the as-of day). A retraction says a fact was never so, so it hides the fact on every
/// day; an undone revision counts on no day once its undo is known.
/// </summary>
public sealed partial class FactQueries
{
    public FactView? GetAt(FactCode code, TimeView view) =>
        view.On is null ? Get(code, view.KnownBy)
            : LatestAt("SELECT id FROM facts WHERE kind = $kind AND number = $number", view,
                ("$kind", code.Kind.Word), ("$number", code.Number)) is [var found, ..] ? found : null;

    /// <summary>The newest proposal in <paramref name="view"/>: the newest recorded by the as-of day, or the one that took effect last by the day asked.</summary>
    public FactView? NewestProposalAt(TimeView view) =>
        view.IsNow ? NewestProposal()
            : view.On is null ? (Proposals(1, view.KnownBy) is [var known, ..] ? known : NewestProposal(view.KnownBy))
            : ProposalsAt(1, view) is [var inEffect, ..] ? inEffect : null;

    /// <summary>The newest live proposals in <paramref name="view"/>, newest first (on a day: the last to take effect first).</summary>
    public IReadOnlyList<FactView> ProposalsAt(int limit, TimeView view) =>
        view.On is null ? Proposals(limit, view.KnownBy)
            // Down the proposals' own past list, newest effect first, each read as the view sees it.
            : PastList([PastLists.All(FactKind.Proposal)], null, null, limit, view, p => p.Data is ProposalData).Items;

    /// <summary>The terms of a proposal in <paramref name="view"/>: every term that ever belonged to it, kept if it did then.</summary>
    public IReadOnlyList<FactView> TermsAt(long proposalId, TimeView view) =>
        view.IsNow ? Terms(proposalId)
            : view.On is null ? Terms(proposalId, view.KnownBy)
            : LatestAt("SELECT p.fact_id AS id FROM fact_parents p JOIN facts f ON f.id = p.fact_id WHERE p.parent_id = $parent AND f.kind = 'term'",
                view, ("$parent", proposalId)).Where(t => t.Data.Kind.ParentId(t.Data) == proposalId).ToList();

    /// <summary>Aid streams in <paramref name="view"/>, newest status first.</summary>
    public Page<FactView> AidAt(AidFilter filter, int limit, TimeView view)
    {
        if (view.IsNow) return Aid(filter, limit);
        // Across all streams, the walk goes down the aid's own past list, newest status first, each read as the view sees it.
        if (filter.DonorId is null && filter.RecipientId is null)
            return PastList([PastLists.All(FactKind.Aid)], null, null, limit, view,
                a => a.Data is AidData d && (filter.Category is not { } c || d.Category == c));
        // A donor's or recipient's few streams are each read as they were: a stream is one donor, recipient and category, so
        // the current rows find its streams whatever they said then.
        var args = new List<(string, object?)>();
        var where = "";
        if (filter.DonorId is { } donor) { where += " AND c.donor_id = $donor"; args.Add(("$donor", donor)); }
        if (filter.RecipientId is { } recipient) { where += " AND c.recipient_id = $recipient"; args.Add(("$recipient", recipient)); }
        if (filter.Category is { } category) { where += " AND c.category = $category"; args.Add(("$category", Vocabulary.Word(category))); }
        var streams = NewestFirst(LatestAt($"SELECT c.fact_id AS id FROM current_facts c WHERE c.kind = 'aid'{where}", view, [.. args]));
        return new Page<FactView>(streams.Take(limit).ToList(), streams.Count > limit);
    }

    /// <summary>
    /// Revisions that took effect after <paramref name="from"/> and by the day of <paramref name="view"/>, as known by its as-of
    /// day, newest effect first: what changed in the world, leaving out facts since retracted and changes undone.
    /// </summary>
    public Page<FactView> ChangesInEffect(DateOnly from, TimeView view, int limit)
    {
        using var connection = database.Open();
        var rows = RevisionRows.Query(connection, """
            WHERE r.effective_on >= $from AND r.effective_on <= $day AND r.recorded_at <= $knownBy AND r.retracted = 0 AND r.action <> 'undo'
              AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.undoes_revision_id = r.id AND u.recorded_at <= $knownBy)
              AND (SELECT y.retracted FROM revisions y WHERE y.fact_id = r.fact_id AND y.recorded_at <= $knownBy ORDER BY y.id DESC LIMIT 1) = 0
            ORDER BY r.effective_on DESC, r.id DESC LIMIT $limit
            """, null, ("$from", StoredTime.Format(from)), ("$day", view.DayText), ("$knownBy", view.KnownByText), ("$limit", limit + 1));
        var shown = rows.Take(limit).ToList();
        // The version each change replaced in the world, for its "was … now …": the one in effect just before it, as known by
        // the as-of day. A fact's first version replaced nothing, and neither did a correction that moved its effect earlier
        // than every other version (a source's year corrected): in the world that is where the fact begins, so it reads "New".
        var previous = RevisionRows.Query(connection, """
            WHERE r.id IN (SELECT (SELECT p.id FROM revisions p
                                   WHERE p.fact_id = c.fact_id AND p.id <> c.id AND p.retracted = 0 AND p.recorded_at <= $knownBy
                                     AND (p.effective_on < c.effective_on OR (p.effective_on = c.effective_on AND p.id < c.id))
                                     AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.undoes_revision_id = p.id AND u.recorded_at <= $knownBy)
                                   ORDER BY p.effective_on DESC, p.id DESC LIMIT 1)
                           FROM revisions c WHERE c.id IN (SELECT value FROM json_each($ids)))
            """, null, ("$ids", RevisionRows.Ids(shown.Where(r => r.Action != RevisionAction.Create).Select(r => r.Id))), ("$knownBy", view.KnownByText))
            .ToLookup(r => r.FactId);
        // Two changes of one fact in the window each take the version just before their own.
        static (DateOnly, long) InWorld(Revision r) => (r.Provenance.Effective?.Start ?? DateOnly.MinValue, r.Id);
        var views = shown.Select(r => previous[r.FactId].Where(p => InWorld(p).CompareTo(InWorld(r)) < 0).MaxBy(InWorld) is { } before
            ? new FactView(r, before)
            : new FactView(r.Action == RevisionAction.Change ? r with { Action = RevisionAction.Create } : r)).ToList();
        return new Page<FactView>(views, rows.Count > limit);
    }

    // Newest first by the fact's own date (a contact's day, a status's since), else when it took effect.
    private static List<FactView> NewestFirst(IEnumerable<FactView> facts) =>
        facts.OrderByDescending(f => f.Data.Kind.EventDate(f.Data) ?? f.Current.Provenance.Effective?.Start ?? DateOnly.MinValue)
            .ThenByDescending(f => f.Current.FactId).ToList();

    /// <summary>
    /// Each listed fact as <paramref name="view"/> sees it, in id order; a fact retracted (as known then) or not yet in effect
    /// is left out. Without a day it is the newest revision recorded by the as-of day.
    /// </summary>
    private IReadOnlyList<FactView> LatestAt(string factIdsSql, TimeView view, params (string, object?)[] args)
    {
        if (view.On is null) return LatestOf(factIdsSql, view.KnownBy, args);
        using var connection = database.Open();
        return RevisionRows.Query(connection, $"""
            WHERE r.id IN (
                SELECT (SELECT x.id FROM revisions x
                        WHERE x.fact_id = ids.id AND x.recorded_at <= $knownBy AND x.effective_on <= $day AND x.retracted = 0
                          AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.undoes_revision_id = x.id AND u.recorded_at <= $knownBy)
                        ORDER BY x.effective_on DESC, x.id DESC LIMIT 1)
                FROM ({factIdsSql}) ids
                WHERE (SELECT y.retracted FROM revisions y WHERE y.fact_id = ids.id AND y.recorded_at <= $knownBy ORDER BY y.id DESC LIMIT 1) = 0)
            ORDER BY f.number
            """, null, [("$knownBy", view.KnownByText), ("$day", view.DayText), .. args.Where(a => a.Item1 is not "$knownBy" and not "$day")])
            .Select(r => new FactView(r)).ToList();
    }
}
