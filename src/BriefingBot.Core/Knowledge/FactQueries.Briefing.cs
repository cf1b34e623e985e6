namespace BriefingBot.Knowledge;

/// <summary>How one fact moved over a window, netted: how it stood before (null when it was new) and at the end.</summary>
/// <param name="Before">The newest revision before the window, or null when the fact was created inside it.</param>
/// <param name="After">The newest revision inside the window: what the fact says now (or was, when retracted).</param>
/// <param name="First">The first revision inside the window (the one that created a new fact).</param>
public sealed record NetChange(Revision? Before, Revision After, Revision First)
{
    /// <summary>Withdrawn inside the window, having stood before it: readers may have seen it in an earlier briefing.</summary>
    public bool WithdrawnAfterReport => Before is { Retracted: false } && After.Retracted;

    /// <summary>Entered and withdrawn inside the window: it was never reported as standing, so it is never news.</summary>
    public bool EnteredAndWithdrawn => Before is null && After.Retracted;
}

public sealed partial class FactQueries
{
    /// <summary>
    /// Every fact changed in (<paramref name="since"/>, <paramref name="until"/>], netted over the window: a fact whose
    /// edits were undone, or that was retracted before and still is, is left out. Withdrawals of facts that stood before
    /// the window come first, then the rest, newest change first; up to <paramref name="limit"/>.
    /// </summary>
    public Page<NetChange> NetChanges(DateTimeOffset since, DateTimeOffset until, int limit)
    {
        using var connection = database.Open();
        // Withdrawals of what stood before: facts retracted in the window that were recorded before it. Then the facts changed
        // last, walked newest first and stopped once enough survive netting, so a year's window reads a few hundred facts, not
        // every revision of the year. Both walk every revision's times kept in memory (RevisionTimes).
        var withdrawn = Net(connection, database.Times.WithdrawnIn(connection, since, until), since, until).Where(r => r.Withdrawn).ToList();
        var rest = new List<NetRow>();
        for (var walk = limit + 1 + 8; ; walk *= 4)
        {
            var newest = database.Times.ChangedIn(connection, since, until, walk);
            rest = Net(connection, newest, since, until).Where(r => !r.Withdrawn).ToList();
            if (rest.Count > limit || newest.Count < walk) break;
        }
        var rows = withdrawn.OrderByDescending(r => r.Last).Concat(rest.OrderByDescending(r => r.Last)).ToList();
        var shown = rows.Take(limit).ToList();
        var ids = shown.SelectMany(r => r.Before is { } b ? new[] { r.First, r.Last, b } : [r.First, r.Last]).Distinct();
        var byId = RevisionRows.ByIds(connection, ids).ToDictionary(r => r.Id);
        return new Page<NetChange>(
            shown.Select(r => new NetChange(r.Before is { } b ? byId[b] : null, byId[r.Last], byId[r.First])).ToList(), rows.Count > limit);
    }

    private readonly record struct NetRow(long First, long Last, long? Before, bool Withdrawn);

    /// <summary>
    /// The late entries recorded in (<paramref name="since"/>, <paramref name="until"/>] that filed how a fact stood earlier and
    /// left what stands as it was, newest first, each with the version it left standing (<see cref="FactView.Previous"/>): they
    /// change nothing that stands, so net changes leave them out, but the desk learnt them.
    /// </summary>
    public IReadOnlyList<FactView> FiledHistory(DateTimeOffset since, DateTimeOffset until, int limit)
    {
        using var connection = database.Open();
        var pairs = database.Times.FiledIn(connection, since, until, limit);
        if (pairs.Count == 0) return [];
        var byId = RevisionRows.ByIds(connection, pairs.SelectMany(p => new[] { p.Filed, p.Stood }).Distinct()).ToDictionary(r => r.Id);
        return pairs.Where(p => byId.ContainsKey(p.Filed) && byId.ContainsKey(p.Stood))
            .Select(p => new FactView(byId[p.Filed], byId[p.Stood])).ToList();
    }

    private static List<long> FactIds(LeasedConnection connection, string sql, params (string, object?)[] args) =>
        FactIds(connection.Statement(sql), args);

    // The ids a prepared statement lists (one with its LIMIT written in: LeasedConnection.Statement).
    private static List<long> FactIds(Microsoft.Data.Sqlite.SqliteCommand command, params (string, object?)[] args)
    {
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    // Each fact's first and last revision in the window and the one before it (from every revision's times in memory), less
    // those that net out: the same words, sources and confidence as before the window (an edit undone), or retracted before and
    // still.
    private List<NetRow> Net(LeasedConnection connection, List<long> factIds, DateTimeOffset since, DateTimeOffset until)
    {
        var moves = database.Times.Window(connection, factIds, since, until);
        var read = RevisionRows.ByIds(connection, moves.SelectMany(m => m.Before is { } b ? new[] { m.Last, b } : [m.Last]).Distinct())
            .ToDictionary(r => r.Id);
        var rows = new List<NetRow>(moves.Count);
        foreach (var (first, last, before) in moves)
        {
            if (!read.TryGetValue(last, out var after)) continue;
            var was = before is { } b && read.TryGetValue(b, out var stood) ? stood : null;
            if (was is not null && was.Retracted == after.Retracted && (after.Retracted || Same(was, after))) continue;
            rows.Add(new NetRow(first, last, before, was is { Retracted: false } && after.Retracted));
        }
        return rows;
    }

    // The same words, sources and confidence: what an undone edit leaves. Few facts have a version before the window, so the
    // words are compared as their stored JSON only for those.
    private static bool Same(Revision a, Revision b) =>
        a.Provenance.Equals(b.Provenance) && KnowledgeJson.Serialize(a.Data) == KnowledgeJson.Serialize(b.Data);

    /// <summary>Every live proposal, the one whose own revision or a term's is newest first (how recently each moved).</summary>
    public Page<FactView> ProposalsByMovement(int limit)
    {
        using var connection = database.Open();
        // Down the proposals' and terms' newest revisions (current_moves), each naming its proposal, until one more live
        // proposal than asked has been met: its first mention is its newest move. A proposal whose terms all moved lately
        // fills several rows, so the walk goes four times further when it met too few. Named, as SQLite 3.53 would rather seek
        // both kinds in current_by_kind and sort all sixteen thousand rows (20 ms instead of 0.2).
        var ids = new List<long>(limit + 1);
        for (var walk = (limit + 1) * 4; ; walk *= 4)
        {
            var command = connection.Statement("""
                SELECT p.revision_id FROM current_facts c INDEXED BY current_moves JOIN current_facts p ON p.fact_id = COALESCE(c.parent_id, c.fact_id)
                WHERE c.kind IN ('proposal', 'term') AND p.kind = 'proposal' AND p.live = 1
                ORDER BY c.revision_id DESC LIMIT $walk
                """, ("$walk", walk));
            ids.Clear();
            var rows = 0;
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                {
                    rows++;
                    if (ids.Count <= limit && reader.GetInt64(0) is var id && !ids.Contains(id)) ids.Add(id);
                }
            if (ids.Count > limit || rows < walk) break;
        }
        return Load(connection, ids, limit);
    }

    /// <summary>
    /// Retracted facts whose last words contain every search word, newest first, each as its retraction (who, when,
    /// why) with the version it withdrew; so a search for a withdrawn claim says it was withdrawn.
    /// </summary>
    public IReadOnlyList<FactView> SearchWithdrawn(IReadOnlyList<string> words, int limit, string? outlet = null, bool alone = false)
    {
        if (words.Count == 0) return [];
        var match = MatchAll(words);
        using var connection = database.Open();
        var command = connection.Statement(outlet is null
            ? "SELECT rowid FROM withdrawn_text WHERE withdrawn_text MATCH $match ORDER BY rowid DESC LIMIT $limit"
            : $"SELECT rowid FROM withdrawn_text WHERE withdrawn_text MATCH $match AND {CitesOutlet("withdrawn_text.rowid", live: false, alone)} ORDER BY rowid DESC LIMIT $limit", ("$limit", limit));
        command.Parameters.AddWithValue("$match", match);
        if (outlet is not null) command.Parameters.AddWithValue("$outlet", outlet);
        var factIds = new List<long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) factIds.Add(reader.GetInt64(0));
        if (factIds.Count == 0) return [];
        var latest = RevisionRows.Query(connection,
            "JOIN current_facts c ON c.revision_id = r.id WHERE c.fact_id IN (SELECT value FROM json_each($ids)) AND c.live = 0", null,
            ("$ids", RevisionRows.Ids(factIds)));
        return latest.OrderByDescending(r => r.Id).Select(r => new FactView(r)).ToList();
    }
}
