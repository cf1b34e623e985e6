using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>
/// The lists walked by who took part, where, or what a fact is about: contacts, statements and roles, each through the
/// index that yields it newest first (a person's, a place's, a proposal's), merged when a state brings its people.
/// </summary>
public sealed partial class FactQueries
{
    public Page<FactView> Contacts(ContactFilter filter, int limit)
    {
        if (filter is { PersonId: { } first, WithId: { } other, AlsoWithIds.Count: > 0 })
            return ContactsWithAnyOf([first, .. filter.AlsoPeopleIds ?? []], [other, .. filter.AlsoWithIds], filter, limit);
        if (filter is { PersonId: { } one, AlsoPeopleIds.Count: > 0 })
            return ContactsOfSeveral([one, .. filter.AlsoPeopleIds], filter, limit);
        var (sql, args) = ContactsSql(filter);
        return Paged(sql, limit, [.. args]);
    }

    private Page<FactView> ContactsOfSeveral(IReadOnlyList<long> people, ContactFilter filter, int limit) =>
        filter.WithId is { } with
            ? ContactsWithAnyOf(people, [with], filter, limit)
            : NewestOfSeveral(people, ContactsSql(filter with { PersonId = people[0] }, columns: "c.revision_id, p.sort_on, c.fact_id"), limit);

    // A state's people with one other actor: one walk down the other actor's contacts, newest first, keeping those any of
    // the people took part in (a look at the contact's few participants), where a walk per person tested each of that
    // person's contacts against the other actor's whole list.
    // The other side may be several too (a state and its people, "Ukraine with the United States"): their walks are one
    // statement, each contact once, where a statement per person of the other side walked each of their lists to its end.
    private Page<FactView> ContactsWithAnyOf(IReadOnlyList<long> people, IReadOnlyList<long> withs, ContactFilter filter, int limit)
    {
        if (withs.Count > 1 && filter.Place is null) return ContactsBetween(people, withs, filter, limit);
        var sql = new StringBuilder(withs.Count == 1
            ? """
              SELECT c.revision_id FROM current_participants p JOIN current_facts c ON c.fact_id = p.fact_id
              WHERE p.actor_id = $with AND p.sort_on >= $since AND c.kind = 'contact'
                AND EXISTS (SELECT 1 FROM current_participants w WHERE w.fact_id = p.fact_id AND w.actor_id IN (SELECT value FROM json_each($people)))
              """
            : """
              SELECT DISTINCT c.revision_id, p.sort_on, p.fact_id FROM current_participants p JOIN current_facts c ON c.fact_id = p.fact_id
              WHERE p.actor_id IN (SELECT value FROM json_each($withs)) AND p.sort_on >= $since AND c.kind = 'contact'
                AND EXISTS (SELECT 1 FROM current_participants w WHERE w.fact_id = p.fact_id AND w.actor_id IN (SELECT value FROM json_each($people)))
              """);
        var args = new List<(string, object?)>
        {
            ("$with", withs[0]), ("$withs", RevisionRows.Ids(withs.Distinct())), ("$since", filter.Since is { } s ? StoredTime.Format(s) : ""),
            ("$people", RevisionRows.Ids(people.Distinct())),
        };
        if (filter.Kind is { } kind)
        {
            sql.Append(" AND p.contact_kind = $kind");
            args.Add(("$kind", Vocabulary.Word(kind)));
        }
        if (filter.Place is { } place)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM current_places pl WHERE pl.place = $place AND pl.sort_on = p.sort_on AND pl.fact_id = p.fact_id)");
            args.Add(("$place", FactColumns.PlaceKey(place)));
        }
        sql.Append(" ORDER BY p.sort_on DESC, p.fact_id DESC LIMIT $limit");
        return Paged(sql.ToString(), limit, [.. args]);
    }

    // Both sides several (a state and its people with another and theirs): each side's contacts are read down the
    // participants' index alone and met in memory, newest first. Testing each contact of one side against the other's
    // four people in SQLite read a table row and four index probes per contact (2 ms for seven hundred summits).
    private Page<FactView> ContactsBetween(IReadOnlyList<long> people, IReadOnlyList<long> withs, ContactFilter filter, int limit)
    {
        using var connection = database.Open();
        var kindTest = filter.Kind is null ? "p.fact_kind = 'contact'" : "p.contact_kind = $kind";
        // One side's contacts, their ids alone: what both share is found first, and only those are read for their days.
        List<long> Side(IReadOnlyList<long> actors)
        {
            var command = connection.Statement($"""
                SELECT p.fact_id FROM current_participants p
                WHERE p.actor_id IN (SELECT value FROM json_each($actors)) AND {kindTest} AND p.sort_on >= $since
                """);
            command.Parameters.AddWithValue("$actors", RevisionRows.Ids(actors.Distinct()));
            command.Parameters.AddWithValue("$since", filter.Since is { } s ? StoredTime.Format(s) : "");
            if (filter.Kind is { } kind) command.Parameters.AddWithValue("$kind", Vocabulary.Word(kind));
            var found = new List<long>();
            using var reader = command.ExecuteReader();
            while (reader.Read()) found.Add(reader.GetInt64(0));
            return found;
        }
        var ours = Side(people).ToHashSet();
        var shared = new HashSet<long>();
        foreach (var fact in Side(withs))
            if (ours.Contains(fact)) shared.Add(fact);
        if (shared.Count == 0) return new Page<FactView>([], false);
        // The shared contacts' days and current revisions in one statement, newest first.
        var current = connection.Statement("""
            SELECT fact_id, revision_id FROM current_facts WHERE fact_id IN (SELECT value FROM json_each($ids))
            ORDER BY sort_on DESC, fact_id DESC LIMIT $limit
            """, ("$limit", limit + 1));
        current.Parameters.AddWithValue("$ids", RevisionRows.Ids(shared));
        var revisions = new List<long>(Math.Min(shared.Count, limit + 1));
        using (var reader = current.ExecuteReader())
            while (reader.Read()) revisions.Add(reader.GetInt64(1));
        return Load(connection, revisions, limit);
    }

    // Each person's newest facts walk the (actor, sort_on) index; merging a few short lists beats sorting all of theirs.
    // The query selects revision id, sort date and fact id for one $person.
    private Page<FactView> NewestOfSeveral(IReadOnlyList<long> people, (string Sql, List<(string, object?)> Args) query, int limit)
    {
        var (sql, args) = query;
        var hits = new Dictionary<long, (long Revision, string SortOn)>();
        using var connection = database.Open();
        foreach (var person in people.Distinct())
        {
            var command = connection.Statement(sql, ("$limit", limit + 1));
            foreach (var (name, value) in args) command.Parameters.AddWithValue(name, name == "$person" ? person : value ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read()) hits.TryAdd(reader.GetInt64(2), (reader.GetInt64(0), reader.GetString(1)));
        }
        var ids = hits.OrderByDescending(h => h.Value.SortOn, StringComparer.Ordinal).ThenByDescending(h => h.Key)
            .Select(h => h.Value.Revision).Take(limit + 1).ToList();
        return Load(connection, ids, limit);
    }

    private static (string Sql, List<(string, object?)> Args) ContactsSql(ContactFilter filter, string columns = "c.revision_id")
    {
        var args = new List<(string, object?)> { ("$since", filter.Since is { } s ? StoredTime.Format(s) : "") };
        // Each list walks the index that yields it newest first: a person's contacts, a place's, or all of them.
        var (sql, by) = filter switch
        {
            { PersonId: not null } => (new StringBuilder(
                $"SELECT {columns} FROM current_participants p JOIN current_facts c ON c.fact_id = p.fact_id WHERE p.actor_id = $person AND p.sort_on >= $since AND c.kind = 'contact'"), "p"),
            { Place: not null } => (new StringBuilder(
                $"SELECT {columns} FROM current_places pl JOIN current_facts c ON c.fact_id = pl.fact_id WHERE pl.place = $place AND pl.sort_on >= $since"), "pl"),
            _ => (new StringBuilder(
                $"SELECT {columns} FROM current_facts c WHERE c.kind = 'contact' AND c.live = 1 AND c.sort_on >= $since"), "c"),
        };
        if (filter.PersonId is { } p1) args.Add(("$person", p1));
        if (filter.Place is { } place)
        {
            // With a person, one point lookup per contact of theirs on the places' whole key.
            if (by == "p") sql.Append(" AND EXISTS (SELECT 1 FROM current_places pl WHERE pl.place = $place AND pl.sort_on = p.sort_on AND pl.fact_id = p.fact_id)");
            args.Add(("$place", FactColumns.PlaceKey(place)));
        }
        if (filter.WithId is { } with)
        {
            // Tested on the row being walked, before the join to the fact, so a miss costs one index probe; with a kind,
            // the other side's few contacts of that kind are listed once per query instead.
            sql.Append(filter.Kind is not null
                ? $" AND {by}.fact_id IN (SELECT w.fact_id FROM current_participants w WHERE w.actor_id = $with AND w.contact_kind = $kind)"
                : $" AND EXISTS (SELECT 1 FROM current_participants w WHERE w.fact_id = {by}.fact_id AND w.actor_id = $with)");
            args.Add(("$with", with));
        }
        if (filter.Kind is { } kind)
        {
            sql.Append(by == "p" ? " AND p.contact_kind = $kind" : " AND c.contact_kind = $kind");
            args.Add(("$kind", Vocabulary.Word(kind)));
        }
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {by}.sort_on DESC, {by}.fact_id DESC LIMIT $limit");
        return (sql.ToString(), args);
    }

    /// <summary>The roles of a person, held or ended, as known at <paramref name="asOf"/> (now when null); newest first.</summary>
    public IReadOnlyList<FactView> Roles(long personId, DateTimeOffset? asOf = null) =>
        asOf is null
            ? Paged("SELECT revision_id FROM current_facts WHERE person_id = $person AND live = 1 ORDER BY sort_on DESC, fact_id DESC LIMIT $limit",
                1_000, ("$person", personId)).Items
            // Then, a role may have named someone else: read every role as known then (roles are few) and keep this person's.
            : LatestOf("SELECT id FROM facts WHERE kind = 'role'", asOf)
                .Where(v => v.Data is RoleData r && r.PersonId == personId).OrderByDescending(v => v.Data.Kind.EventDate(v.Data)).ToList();

    /// <summary>The roles held now, or as known at <paramref name="asOf"/>, by people who represent a state or organisation.</summary>
    public IReadOnlyList<FactView> Representatives(long representedId, DateTimeOffset? asOf = null) =>
        asOf is null
            ? Paged("SELECT revision_id FROM current_facts WHERE represents_id = $org AND live = 1 ORDER BY sort_on, fact_id LIMIT $limit",
                1_000, ("$org", representedId)).Items
            : LatestOf("SELECT id FROM facts WHERE kind = 'role'", asOf)
                .Where(v => v.Data is RoleData { Until: null } r && r.RepresentsId == representedId).OrderBy(v => v.Data.Kind.EventDate(v.Data)).ToList();

    /// <summary>Statements newest first; "about" a proposal includes statements about its terms.</summary>
    public Page<FactView> Statements(StatementFilter filter, int limit)
    {
        if (filter is { PersonId: { } one, AlsoPeopleIds.Count: > 0, AboutId: null })
            return NewestOfSeveral([one, .. filter.AlsoPeopleIds], StatementsSql(filter, "c.revision_id, p.sort_on, c.fact_id"), limit);
        var (sql, args) = StatementsSql(filter);
        return Paged(sql, limit, [.. args]);
    }

    private static (string Sql, List<(string, object?)> Args) StatementsSql(StatementFilter filter, string columns = "c.revision_id")
    {
        var args = new List<(string, object?)> { ("$since", filter.Since is { } s ? StoredTime.Format(s) : "") };
        string sql;
        // Each filter walks its own index: a proposal's few links, a speaker's statements, or every statement by date.
        if (filter.AboutId is { } about)
        {
            sql = $"""
                SELECT {columns} FROM current_facts c WHERE c.fact_id IN (
                    SELECT l.fact_id FROM current_links l WHERE l.kind = 'statement' AND l.target_id IN ({AboutTargets}) AND l.sort_on >= $since)
                """;
            args.Add(("$about", about));
            if (filter.PersonId is { } speaker)
            {
                // The speaker and those who speak for them: one JSON list, so the statement text stays fixed.
                sql += " AND c.fact_id IN (SELECT p.fact_id FROM current_participants p WHERE p.actor_id IN (SELECT value FROM json_each($people)) AND p.fact_kind = 'statement')";
                args.Add(("$people", RevisionRows.Ids([speaker, .. filter.AlsoPeopleIds ?? []])));
            }
        }
        else if (filter.PersonId is { } person)
        {
            sql = $"SELECT {columns} FROM current_participants p JOIN current_facts c ON c.fact_id = p.fact_id WHERE p.actor_id = $person AND p.fact_kind = 'statement' AND p.sort_on >= $since";
            args.Add(("$person", person));
        }
        else sql = $"SELECT {columns} FROM current_facts c WHERE c.kind = 'statement' AND c.live = 1 AND c.sort_on >= $since";
        if (filter.Stance is { } stance)
        {
            sql += " AND c.stance = $stance";
            args.Add(("$stance", Vocabulary.Word(stance)));
        }
        return (sql + " ORDER BY c.sort_on DESC, c.fact_id DESC LIMIT $limit", args);
    }

    /// <summary>The newest live facts of a kind (statements, contacts) about a fact or, for a proposal, about any of its terms.</summary>
    public Page<FactView> About(long factId, FactKind kind, int limit) => Paged($"""
        SELECT c.revision_id FROM current_facts c
        WHERE c.fact_id IN (SELECT l.fact_id FROM current_links l WHERE l.kind = $kind AND l.target_id IN ({AboutTargets}))
        ORDER BY c.sort_on DESC, c.fact_id DESC LIMIT $limit
        """, limit, ("$about", factId), ("$kind", kind.Word));

    // A fact and, when it is a proposal, its live terms: what "about P2" means.
    private const string AboutTargets = "SELECT $about UNION ALL SELECT t.fact_id FROM current_facts t WHERE t.parent_id = $about AND t.live = 1";
}
