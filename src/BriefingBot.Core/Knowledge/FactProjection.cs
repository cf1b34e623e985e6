using Dapper;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>Keeps the query tables (current state, contact participants, full-text index) in step with the newest revision.</summary>
internal sealed class FactProjection(ActorDirectory actors)
{
    public void Refresh(SqliteConnection connection, SqliteTransaction tx, long factId, long revisionId, FactData data,
        bool retracted, DateTimeOffset recordedAt, IReadOnlyList<CitedSource> sources)
    {
        var kind = data.Kind;
        var sortOn = kind.EventDate(data) ?? DateOnly.FromDateTime(recordedAt.UtcDateTime);
        var columns = kind.Columns(data);
        connection.Execute(
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
            new
            {
                factId,
                kind = kind.Word,
                revisionId,
                live = retracted ? 0 : 1,
                parent = kind.ParentId(data),
                sortOn = StoredTime.Format(sortOn),
                contactKind = columns.ContactKind,
                donor = columns.DonorId,
                recipient = columns.RecipientId,
                category = columns.Category,
                title = columns.Title,
                person = columns.PersonId,
                represents = columns.RepresentsId,
                stance = columns.Stance,
            }, tx);

        connection.Execute("DELETE FROM current_participants WHERE fact_id = @factId", new { factId }, tx);
        if (!retracted)
            foreach (var actorId in kind.Participants(data))
                connection.Execute(
                    "INSERT INTO current_participants (actor_id, sort_on, fact_id, contact_kind, fact_kind) VALUES (@actorId, @sortOn, @factId, @kind, @factKind)",
                    new { actorId, sortOn = StoredTime.Format(sortOn), factId, kind = columns.ContactKind, factKind = kind.Word }, tx);

        connection.Execute("DELETE FROM current_links WHERE fact_id = @factId", new { factId }, tx);
        if (!retracted)
            foreach (var targetId in kind.Links(data).Distinct())
                connection.Execute("INSERT INTO current_links (target_id, kind, sort_on, fact_id) VALUES (@targetId, @kind, @sortOn, @factId)",
                    new { targetId, kind = kind.Word, sortOn = StoredTime.Format(sortOn), factId }, tx);
        if (kind.ParentId(data) is { } parentId)
            connection.Execute("INSERT OR IGNORE INTO fact_parents (parent_id, fact_id) VALUES (@parentId, @factId)", new { parentId, factId }, tx);

        connection.Execute("DELETE FROM current_places WHERE fact_id = @factId", new { factId }, tx);
        if (!retracted)
            foreach (var place in FactColumns.PlaceKeys(columns.Place).Distinct())
                connection.Execute("INSERT INTO current_places (place, sort_on, fact_id) VALUES (@place, @sortOn, @factId)",
                    new { place, sortOn = StoredTime.Format(sortOn), factId }, tx);

        // Kept for a retracted fact too (live = 0): an outlet's answer counts the withdrawn facts that cited it.
        connection.Execute("DELETE FROM current_sources WHERE fact_id = @factId", new { factId }, tx);
        foreach (var outlet in sources.SelectMany(s => OutletKeys.Of(s.Source.Outlet)).Distinct())
            connection.Execute("INSERT INTO current_sources (outlet, live, sort_on, fact_id) VALUES (@outlet, @live, @sortOn, @factId)",
                new { outlet, live = retracted ? 0 : 1, sortOn = StoredTime.Format(sortOn), factId }, tx);
        // The outlets that alone confirm it, for "/search source:X alone:true" (migration 0014).
        connection.Execute("DELETE FROM current_alone_sources WHERE fact_id = @factId", new { factId }, tx);
        foreach (var outlet in OutletKeys.Alone(sources))
            connection.Execute("INSERT INTO current_alone_sources (outlet, live, sort_on, fact_id) VALUES (@outlet, @live, @sortOn, @factId)",
                new { outlet, live = retracted ? 0 : 1, sortOn = StoredTime.Format(sortOn), factId }, tx);

        connection.Execute("DELETE FROM fact_text WHERE rowid = @factId", new { factId }, tx);
        connection.Execute("DELETE FROM withdrawn_text WHERE rowid = @factId", new { factId }, tx);
        // A retracted fact leaves search but its words stay findable as withdrawn, so a search for it says so.
        connection.Execute(retracted ? "INSERT INTO withdrawn_text (rowid, body) VALUES (@factId, @body)" : "INSERT INTO fact_text (rowid, body) VALUES (@factId, @body)",
            new { factId, body = kind.SearchText(data, Names) }, tx);
    }

    /// <summary>Remembers the parent a version names (fact_parents), so past views of that parent find it.</summary>
    public static void RememberParent(SqliteConnection connection, SqliteTransaction tx, long factId, FactData data)
    {
        if (data.Kind.ParentId(data) is { } parentId)
            connection.Execute("INSERT OR IGNORE INTO fact_parents (parent_id, fact_id) VALUES (@parentId, @factId)", new { parentId, factId }, tx);
    }

    /// <summary>
    /// Keeps one revision's words in revision_text (migration 0017), so a word search in a past view matches what the version
    /// in view said. Written once, with the revision; never changed (revisions are not).
    /// </summary>
    public void RememberWords(SqliteConnection connection, SqliteTransaction tx, long revisionId, FactData data) =>
        connection.Execute("INSERT OR REPLACE INTO revision_text (rowid, body) VALUES (@revisionId, @body)",
            new { revisionId, body = data.Kind.SearchText(data, Names) }, tx);

    /// <summary>The words search reads for one version of a fact, each actor it names spelled out by every name it goes by now.</summary>
    public string Words(FactData data) => data.Kind.SearchText(data, Names);

    // Search matches any name an actor goes by, so each is spelled out with its aliases; but not the aliases that are places
    // ("Washington" for the United States): a search for Washington must find what happened there, not everything American.
    private string Names(IEnumerable<long> ids) =>
        string.Join(' ', ids.Select(id => actors.TryGet(id, out var a) ? string.Join(' ', a.SearchNames) : ""));
}
