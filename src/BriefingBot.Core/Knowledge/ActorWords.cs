using Dapper;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// Writes again the search words of every fact and revision that spells an actor out, once the actor is given more names (another
/// spelling, "Selenskyj"): search text spells each actor by every name it goes by, so without this a name added later found only
/// the facts recorded after it, now and in every past view. Names are the directory's, not facts: a name added today is how the
/// actor is found on every day, as a name given when it was added is.
/// </summary>
internal static class ActorWords
{
    /// <summary>Within the transaction that gave the names, with the directory holding them (<see cref="ActorDirectory.UseWithin"/>); how many rows were written.</summary>
    public static int Respell(LeasedConnection connection, SqliteTransaction tx, FactProjection projection, Actor actor)
    {
        // Every text that spells the actor out holds its name, so the index finds them: a few hundred rows, not every revision.
        // A text that merely mentions the name is written again unchanged.
        var match = "\"" + actor.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var written = 0;
        foreach (var r in RevisionRows.Query(connection, "WHERE r.id IN (SELECT rowid FROM revision_text WHERE revision_text MATCH $match)", tx, ("$match", match)))
        {
            connection.Execute("INSERT OR REPLACE INTO revision_text (rowid, body) VALUES (@id, @body)", new { id = r.Id, body = projection.Words(r.Data) }, tx);
            written++;
        }
        // Each fact's newest words, standing (fact_text) or withdrawn (withdrawn_text), as FactProjection.Refresh writes them.
        foreach (var r in RevisionRows.Query(connection, """
                     JOIN current_facts c ON c.revision_id = r.id
                     WHERE c.fact_id IN (SELECT rowid FROM fact_text WHERE fact_text MATCH $match UNION SELECT rowid FROM withdrawn_text WHERE withdrawn_text MATCH $match)
                     """, tx, ("$match", match)))
        {
            var table = r.Retracted ? "withdrawn_text" : "fact_text";
            connection.Execute($"DELETE FROM {table} WHERE rowid = @id", new { id = r.FactId }, tx);
            connection.Execute($"INSERT INTO {table} (rowid, body) VALUES (@id, @body)", new { id = r.FactId, body = projection.Words(r.Data) }, tx);
            written++;
        }
        return written;
    }

    /// <summary>
    /// Once per store, at start-up: the words of every revision and fact written again with every name its actors go by now, so
    /// a store whose actors were given names before <see cref="Respell"/> existed is searched as a new one is. Only a text that
    /// differs is written. A marker in settings says it is done (a store made by this build does it at its first start, on
    /// nothing or on its seed).
    /// </summary>
    public static int RespellAllOnce(KnowledgeDatabase database, ActorDirectory actors)
    {
        if (database.GetSetting(DoneKey) is not null) return 0;
        return database.Write((connection, tx) =>
        {
            if (connection.ExecuteScalar<string?>("SELECT value FROM settings WHERE key = @DoneKey", new { DoneKey }, tx) is not null) return 0;
            var projection = new FactProjection(actors);
            var written = 0;
            foreach (var r in RevisionRows.Query(connection, "WHERE r.id > 0", tx))
            {
                var words = projection.Words(r.Data);
                if (connection.ExecuteScalar<string?>("SELECT body FROM revision_text WHERE rowid = @id", new { id = r.Id }, tx) == words) continue;
                connection.Execute("INSERT OR REPLACE INTO revision_text (rowid, body) VALUES (@id, @body)", new { id = r.Id, body = words }, tx);
                written++;
            }
            foreach (var r in RevisionRows.Query(connection, "JOIN current_facts c ON c.revision_id = r.id", tx))
            {
                var table = r.Retracted ? "withdrawn_text" : "fact_text";
                var words = projection.Words(r.Data);
                if (connection.ExecuteScalar<string?>($"SELECT body FROM {table} WHERE rowid = @id", new { id = r.FactId }, tx) == words) continue;
                connection.Execute($"DELETE FROM {table} WHERE rowid = @id", new { id = r.FactId }, tx);
                connection.Execute($"INSERT INTO {table} (rowid, body) VALUES (@id, @body)", new { id = r.FactId, body = words }, tx);
                written++;
            }
            connection.Execute("INSERT INTO settings (key, value) VALUES (@DoneKey, '1')", new { DoneKey }, tx);
            return written;
        });
    }

    private const string DoneKey = "actor_words_respelled";
}
