namespace BriefingBot.Knowledge;

/// <summary>The audit log read in the world: the changes that took effect in a window of days.</summary>
public sealed partial class FactQueries
{
    /// <summary>
    /// The changes that took effect from <paramref name="from"/> to <paramref name="view"/>'s day, as known now or by its as-of
    /// day, newest effect first (past the <paramref name="skip"/> newest), each with the revision it replaced. Every change is
    /// listed, as the log of the record lists them (a briefing <c>on</c> nets each fact to one line instead); changes undone and
    /// facts retracted by then are left out, as a past view in the world leaves them out.
    /// </summary>
    public Page<FactView> ChangesOn(DateOnly from, TimeView view, int limit, int skip = 0)
    {
        using var connection = database.Open();
        // Down the revisions by effect day (their index alone), each kept or not by its times in memory; the walk goes four
        // times further when too few of those it met still count.
        List<long> kept;
        for (var walk = (skip + limit + 1) * 2; ; walk *= 4)
        {
            var candidates = FactIds(connection.Statement("""
                SELECT id FROM revisions WHERE effective_on >= $from AND effective_on <= $day ORDER BY effective_on DESC, id DESC LIMIT $walk
                """, ("$walk", walk)), ("$from", StoredTime.Format(from)), ("$day", view.DayText));
            kept = database.Times.Counting(connection, candidates, view.KnownBy, skip, limit + 1);
            if (kept.Count > limit || candidates.Count < walk) break;
        }
        var shown = kept.Take(limit).ToList();
        var rows = RevisionRows.ByIds(connection, shown).ToDictionary(r => r.Id);
        // The revision each change replaced in the record, for its "was … now …", as /changes reads it.
        var previous = RevisionRows.Query(connection, """
            WHERE r.id IN (SELECT (SELECT MAX(p.id) FROM revisions p WHERE p.fact_id = c.fact_id AND p.id < c.id)
                           FROM revisions c WHERE c.id IN (SELECT value FROM json_each($ids)))
            """, null, ("$ids", RevisionRows.Ids(shown))).ToLookup(r => r.FactId);
        var views = shown.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(r => new FactView(r, previous[r.FactId].Where(p => p.Id < r.Id).MaxBy(p => p.Id))).ToList();
        return new Page<FactView>(views, kept.Count > limit);
    }
}
