using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// Which version of a fact stands, the rule the present projection (current_facts) follows and every past view follows in
/// memory (<see cref="RevisionTimes"/>): of its versions (a create or a change; an undo or a retraction only says what became
/// of them) that no undo took back and no correction re-dated, the one that took effect latest, the newest recorded of a
/// day; for an event (<see cref="FactKind.HappensOnce"/>), the newest recorded. So a late entry dated before the version
/// that stands fills in history ("proposed from 12 March") and leaves what stands ("disputed from 13 March") as it was, as
/// XTDB's valid time would. A retraction says the fact was never so: a change after it brings the fact back with its own
/// words alone, the versions before it count on no day. Whether the fact stands at all is its newest revision's.
/// </summary>
internal static class StandingVersion
{
    // A version that may stand: a create or a change no undo took back (a correction that was undone gives back its version).
    private const string Candidate = """
        r.action IN ('create', 'change') AND r.retracted = 0 AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.undoes_revision_id = r.id)
        """;

    // Which version stands: the ids compared with a unary plus, as a range of rowids SQLite would walk the whole table for
    // each candidate (a write of a busy aid stream took seconds) rather than seek the undo, correction and retraction indexes.
    private const string Rule = """
            SELECT r.id FROM revisions r
            WHERE r.fact_id = $fact AND +r.id <> $without AND +r.id < $before
              AND r.action IN ('create', 'change') AND r.retracted = 0
              AND +r.id > COALESCE((SELECT MAX(x.id) FROM revisions x WHERE x.fact_id = $fact AND x.action = 'retract' AND +x.id <> $without
                                   AND +x.id < $before AND NOT EXISTS (SELECT 1 FROM revisions xu WHERE xu.undoes_revision_id = x.id AND +xu.id < $before)), 0)
              AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.undoes_revision_id = r.id AND +u.id < $before)
              AND NOT EXISTS (SELECT 1 FROM revisions c WHERE c.corrects_revision_id = r.id AND +c.id <> $without AND +c.id < $before
                              AND NOT EXISTS (SELECT 1 FROM revisions cu WHERE cu.undoes_revision_id = c.id AND +cu.id < $before))
            ORDER BY $order r.id DESC LIMIT 1
            """;

    private static readonly string LatestEffectFirst = Rule.Replace("$order", "r.effective_on DESC,", StringComparison.Ordinal);
    private static readonly string NewestFirst = Rule.Replace("$order", "", StringComparison.Ordinal);

    /// <summary>
    /// The id of the fact's standing version inside <paramref name="tx"/>, or null when none carries words. As though
    /// <paramref name="without"/> had never been recorded (what an undo of it restores): a version it corrected is back. With
    /// <paramref name="before"/>, as the revisions before that id had it (what a change in the log replaced).
    /// </summary>
    public static long? Of(LeasedConnection connection, SqliteTransaction? tx, long factId, FactKind kind, Revision? without = null,
        long before = long.MaxValue)
    {
        // Prepared once per connection (LeasedConnection.Statement): it runs at every write.
        var command = connection.Statement(kind.HappensOnce ? NewestFirst : LatestEffectFirst, tx);
        command.Parameters.AddWithValue("$fact", factId);
        command.Parameters.AddWithValue("$without", without?.Id ?? 0);
        command.Parameters.AddWithValue("$before", before);
        return command.ExecuteScalar() as long?;
    }

    /// <summary>
    /// Every fact's revision the projection holds by the rule: its standing version, or its newest when that is a retraction or
    /// an undo (which carries what stood after it), or when no version stands. What a store projects again when a migration asks (<see cref="FactLog"/>).
    /// </summary>
    /// <param name="onlyMisprojected">Only the facts whose projection holds another revision.</param>
    public static List<long> All(SqliteConnection connection, SqliteTransaction tx, bool onlyMisprojected = false)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        var events = string.Join(", ", FactKinds.All.Where(k => k.HappensOnce).Select(k => $"'{k.Word}'"));
        command.CommandText = $"""
            WITH newest AS (SELECT fact_id, MAX(id) AS id FROM revisions GROUP BY fact_id),
            withdrawn AS (SELECT x.fact_id, MAX(x.id) AS id FROM revisions x
                          WHERE x.action = 'retract' AND NOT EXISTS (SELECT 1 FROM revisions xu WHERE xu.undoes_revision_id = x.id)
                          GROUP BY x.fact_id),
            ranked AS (
                SELECT r.fact_id, r.id, ROW_NUMBER() OVER (PARTITION BY r.fact_id
                    ORDER BY CASE WHEN f.kind IN ({events}) THEN '' ELSE r.effective_on END DESC, r.id DESC) AS place
                FROM revisions r JOIN facts f ON f.id = r.fact_id LEFT JOIN withdrawn w ON w.fact_id = r.fact_id
                WHERE {Candidate} AND r.id > COALESCE(w.id, 0)
                  AND NOT EXISTS (SELECT 1 FROM revisions c WHERE c.corrects_revision_id = r.id
                                  AND NOT EXISTS (SELECT 1 FROM revisions cu WHERE cu.undoes_revision_id = c.id)))
            SELECT CASE WHEN w.retracted = 1 OR w.action = 'undo' OR s.id IS NULL THEN n.id ELSE s.id END AS picked
            FROM newest n JOIN revisions w ON w.id = n.id
            LEFT JOIN ranked s ON s.fact_id = n.fact_id AND s.place = 1
            {(onlyMisprojected ? "JOIN current_facts c ON c.fact_id = n.fact_id WHERE c.revision_id <> picked" : "")}
            ORDER BY n.fact_id
            """;
        var picked = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) picked.Add(reader.GetInt64(0));
        return picked;
    }
}
