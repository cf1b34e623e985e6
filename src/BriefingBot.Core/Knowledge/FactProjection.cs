using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>Keeps the query tables (current state, contact participants, full-text index) in step with the version that stands.</summary>
internal sealed class FactProjection(ActorDirectory actors)
{
    public void Refresh(LeasedConnection connection, SqliteTransaction tx, long factId, long revisionId, FactData data,
        bool retracted, DateTimeOffset recordedAt, IReadOnlyList<CitedSource> sources)
    {
        var kind = data.Kind;
        var sortOn = StoredTime.Format(kind.EventDate(data) ?? DateOnly.FromDateTime(recordedAt.UtcDateTime));
        var columns = kind.Columns(data);
        var live = retracted ? 0 : 1;
        Run(connection, tx,
            """
            INSERT INTO current_facts (fact_id, kind, revision_id, live, parent_id, sort_on, contact_kind, donor_id, recipient_id, category, title,
                person_id, represents_id, stance)
            VALUES (@factId, @kind, @revisionId, @live, @parent, @sortOn, @contactKind, @donor, @recipient, @category, @title,
                @person, @represents, @stance)
            ON CONFLICT (fact_id) DO UPDATE SET
                revision_id = excluded.revision_id, live = excluded.live, parent_id = excluded.parent_id,
                sort_on = excluded.sort_on, contact_kind = excluded.contact_kind, donor_id = excluded.donor_id,
                recipient_id = excluded.recipient_id, category = excluded.category, title = excluded.title,
                person_id = excluded.person_id, represents_id = excluded.represents_id, stance = excluded.stance
            """,
            ("@factId", factId), ("@kind", kind.Word), ("@revisionId", revisionId), ("@live", live), ("@parent", kind.ParentId(data)),
            ("@sortOn", sortOn), ("@contactKind", columns.ContactKind), ("@donor", columns.DonorId), ("@recipient", columns.RecipientId),
            ("@category", columns.Category), ("@title", columns.Title), ("@person", columns.PersonId), ("@represents", columns.RepresentsId),
            ("@stance", columns.Stance));

        Run(connection, tx, "DELETE FROM current_participants WHERE fact_id = @factId", ("@factId", factId));
        if (!retracted)
            foreach (var actorId in kind.Participants(data))
                Run(connection, tx,
                    "INSERT INTO current_participants (actor_id, sort_on, fact_id, contact_kind, fact_kind) VALUES (@actorId, @sortOn, @factId, @kind, @factKind)",
                    ("@actorId", actorId), ("@sortOn", sortOn), ("@factId", factId), ("@kind", columns.ContactKind), ("@factKind", kind.Word));

        Run(connection, tx, "DELETE FROM current_links WHERE fact_id = @factId", ("@factId", factId));
        if (!retracted)
            foreach (var targetId in kind.Links(data).Distinct())
                Run(connection, tx, "INSERT INTO current_links (target_id, kind, sort_on, fact_id) VALUES (@targetId, @kind, @sortOn, @factId)",
                    ("@targetId", targetId), ("@kind", kind.Word), ("@sortOn", sortOn), ("@factId", factId));
        RememberParent(connection, tx, factId, data);

        Run(connection, tx, "DELETE FROM current_places WHERE fact_id = @factId", ("@factId", factId));
        if (!retracted)
            foreach (var place in FactColumns.PlaceKeys(columns.Place).Distinct())
                Run(connection, tx, "INSERT INTO current_places (place, sort_on, fact_id) VALUES (@place, @sortOn, @factId)",
                    ("@place", place), ("@sortOn", sortOn), ("@factId", factId));

        // Kept for a retracted fact too (live = 0): an outlet's answer counts the withdrawn facts that cited it.
        Run(connection, tx, "DELETE FROM current_sources WHERE fact_id = @factId", ("@factId", factId));
        foreach (var outlet in sources.SelectMany(s => OutletKeys.Of(s.Source.Outlet)).Distinct())
            Run(connection, tx, "INSERT INTO current_sources (outlet, live, sort_on, fact_id) VALUES (@outlet, @live, @sortOn, @factId)",
                ("@outlet", outlet), ("@live", live), ("@sortOn", sortOn), ("@factId", factId));
        // The outlets that alone confirm it, for "/search source:X alone:true" (migration 0014).
        Run(connection, tx, "DELETE FROM current_alone_sources WHERE fact_id = @factId", ("@factId", factId));
        foreach (var outlet in OutletKeys.Alone(sources))
            Run(connection, tx, "INSERT INTO current_alone_sources (outlet, live, sort_on, fact_id) VALUES (@outlet, @live, @sortOn, @factId)",
                ("@outlet", outlet), ("@live", live), ("@sortOn", sortOn), ("@factId", factId));

        Run(connection, tx, "DELETE FROM fact_text WHERE rowid = @factId", ("@factId", factId));
        Run(connection, tx, "DELETE FROM withdrawn_text WHERE rowid = @factId", ("@factId", factId));
        // A retracted fact leaves search but its words stay findable as withdrawn, so a search for it says so.
        Run(connection, tx, retracted ? "INSERT INTO withdrawn_text (rowid, body) VALUES (@factId, @body)" : "INSERT INTO fact_text (rowid, body) VALUES (@factId, @body)",
            ("@factId", factId), ("@body", kind.SearchText(data, Names)));
    }

    // Each statement prepared once per connection (LeasedConnection.Statement): a write ran about fifteen, and through Dapper each
    // was compiled anew and its command and parameters allocated (70–80 KB a moderator update, a collection in every 80).
    private static void Run(LeasedConnection connection, SqliteTransaction tx, string sql, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var command = connection.Statement(sql, tx);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>Remembers the parent a version names (fact_parents), so past views of that parent find it.</summary>
    public static void RememberParent(LeasedConnection connection, SqliteTransaction tx, long factId, FactData data)
    {
        if (data.Kind.ParentId(data) is { } parentId)
            Run(connection, tx, "INSERT OR IGNORE INTO fact_parents (parent_id, fact_id) VALUES (@parentId, @factId)", ("@parentId", parentId), ("@factId", factId));
    }

    /// <summary>
    /// Keeps one revision's words in revision_text (migration 0017), so a word search in a past view matches what the version
    /// in view said. Written once, with the revision; never changed (revisions are not).
    /// </summary>
    public void RememberWords(LeasedConnection connection, SqliteTransaction tx, long revisionId, FactData data) =>
        Run(connection, tx, "INSERT OR REPLACE INTO revision_text (rowid, body) VALUES (@revisionId, @body)",
            ("@revisionId", revisionId), ("@body", data.Kind.SearchText(data, Names)));

    /// <summary>The words search reads for one version of a fact, each actor it names spelled out by every name it goes by now.</summary>
    public string Words(FactData data) => data.Kind.SearchText(data, Names);

    // Search matches any name an actor goes by, so each is spelled out with its aliases; but not the aliases that are places
    // ("Washington" for the United States): a search for Washington must find what happened there, not everything American.
    private string Names(IEnumerable<long> ids) =>
        string.Join(' ', ids.Select(id => actors.TryGet(id, out var a) ? string.Join(' ', a.SearchNames) : ""));
}
