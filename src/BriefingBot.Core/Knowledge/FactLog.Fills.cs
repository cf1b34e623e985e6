using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>What a start-up fills once when a migration asked for it: every fact projected again, every revision's words kept.</summary>
public sealed partial class FactLog
{
    /// <summary>
    /// Rebuilds every fact's projections from the revision the rule picks (StandingVersion), once, when a migration asked for it (new projection
    /// columns, or search text that reads actors differently). Several processes may start together: the first does it.
    /// </summary>
    internal int ReprojectIfAsked()
    {
        if (_database.GetSetting(ReprojectKey) is null) return 0;
        return _database.Write((connection, tx) =>
        {
            if (connection.ExecuteScalar<string?>("SELECT value FROM settings WHERE key = @ReprojectKey", new { ReprojectKey }, tx) is not { } asked) return 0;
            // Each fact's standing version by today's rule (StandingVersion), not what the projection held (0018 changed the rule);
            // only the facts whose projection holds another one when that is all the migration asked ("standing").
            var picked = StandingVersion.All(connection, tx, onlyMisprojected: asked == "standing");
            var newest = RevisionRows.Query(connection, "WHERE r.id IN (SELECT value FROM json_each($ids))", tx, ("$ids", RevisionRows.Ids(picked)));
            foreach (var r in newest) _projection.Refresh(connection, tx, r.FactId, r.Id, r.Data, r.Retracted, r.RecordedAt, r.Provenance.Sources);
            // Every fact's words were written again: merge the search indexes' segments, or searches read them all (0015).
            connection.Execute("INSERT INTO fact_text (fact_text) VALUES ('optimize')", transaction: tx);
            connection.Execute("INSERT INTO withdrawn_text (withdrawn_text) VALUES ('optimize')", transaction: tx);
            connection.Execute("DELETE FROM settings WHERE key = @ReprojectKey", new { ReprojectKey }, tx);
            return newest.Count;
        });
    }

    private const string ReprojectKey = "reproject_needed";

    /// <summary>
    /// Writes the words of every revision into revision_text, once, when migration 0017 asked for it: a store upgraded in place
    /// searches its past as a new one does. Several processes may start together: the first does it.
    /// </summary>
    internal int RememberWordsIfAsked()
    {
        if (_database.GetSetting(WordsKey) is null) return 0;
        return _database.Write((connection, tx) =>
        {
            if (connection.ExecuteScalar<string?>("SELECT value FROM settings WHERE key = @WordsKey", new { WordsKey }, tx) is null) return 0;
            var all = RevisionRows.Query(connection, "WHERE r.id NOT IN (SELECT rowid FROM revision_text)", tx);
            foreach (var r in all) _projection.RememberWords(connection, tx, r.Id, r.Data);
            connection.Execute("INSERT INTO revision_text (revision_text) VALUES ('optimize')", transaction: tx);
            connection.Execute("DELETE FROM settings WHERE key = @WordsKey", new { WordsKey }, tx);
            return all.Count;
        });
    }

    private const string WordsKey = "revision_text_needed";
}
