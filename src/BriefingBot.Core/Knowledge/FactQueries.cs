using System.Text;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>Filters for the contacts an answer lists.</summary>
/// <param name="AlsoPeopleIds">Others whose contacts count as the person's: the people who represent a state or organisation.</param>
/// <param name="Place">Only contacts whose place has these words in a row, ignoring case and accents ("jeddah" finds "Jeddah, Saudi Arabia").</param>
/// <param name="AlsoWithIds">Others whose contacts count as the other side's: the people who represent it (only in the view of now).</param>
public sealed record ContactFilter(long? PersonId = null, long? WithId = null, DateOnly? Since = null, ContactKind? Kind = null,
    IReadOnlyList<long>? AlsoPeopleIds = null, string? Place = null, IReadOnlyList<long>? AlsoWithIds = null);

/// <summary>Filters for the statements an answer lists; <c>AboutId</c> is a fact (a proposal includes its terms).</summary>
/// <param name="AlsoPeopleIds">Others whose statements count as the person's: the people who represent a state or organisation.</param>
public sealed record StatementFilter(long? PersonId = null, long? AboutId = null, DateOnly? Since = null, Stance? Stance = null,
    IReadOnlyList<long>? AlsoPeopleIds = null);

/// <summary>Filters for the aid streams an answer lists.</summary>
public sealed record AidFilter(long? DonorId = null, long? RecipientId = null, AidCategory? Category = null);

/// <summary>A page of results and whether more matched than were returned.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool More);

/// <summary>
/// Reads the knowledge: what stands now, what was known at a date, what changed, and search. Every statement text is
/// fixed (lists travel as one JSON parameter), so each is prepared once per connection and reused.
/// </summary>
public sealed partial class FactQueries(KnowledgeDatabase database)
{
    /// <summary>How many of the newest matches /search ranks; ranking every match of a common word would be too slow.</summary>
    public const int SearchWindow = 200;

    public FactView? Get(FactCode code, DateTimeOffset? asOf = null)
    {
        using var connection = database.Open();
        // The version that stands (a late entry dated before it is history), or the retraction that withdrew it.
        if (asOf is null) return FactLog.Standing(connection, null, code) is { } now ? new FactView(now) : null;
        var command = connection.Statement("SELECT id FROM facts WHERE kind = $kind AND number = $number");
        command.Parameters.AddWithValue("$kind", code.Kind.Word);
        command.Parameters.AddWithValue("$number", code.Number);
        if (command.ExecuteScalar() is not long factId || database.Times.StandingAt(connection, factId, asOf.Value) is not { } id) return null;
        return RevisionRows.ByIds(connection, [id]) is [var then] ? new FactView(then) : null;
    }

    /// <summary>The newest live proposals, newest first.</summary>
    public Page<FactView> Proposals(int limit) => Paged(
        "SELECT revision_id FROM current_facts WHERE kind = 'proposal' AND live = 1 ORDER BY fact_id DESC LIMIT $limit", limit);

    /// <summary>The newest live proposals as known at <paramref name="asOf"/> (now when null), newest first.</summary>
    public IReadOnlyList<FactView> Proposals(int limit, DateTimeOffset? asOf) =>
        asOf is null ? Proposals(limit).Items : NewestKnown(FactKind.Proposal, asOf, limit);

    /// <summary>The newest proposal as known at <paramref name="asOf"/> (now when null).</summary>
    public FactView? NewestProposal(DateTimeOffset? asOf = null) =>
        (asOf is null ? Proposals(1).Items : NewestKnown(FactKind.Proposal, asOf, 1)) is [var newest, ..] ? newest : null;

    // The newest facts of a kind live as known then, newest first: down the kind's facts in memory (RevisionTimes), each read
    // as it was then, past those created later or retracted by then.
    private List<FactView> NewestKnown(FactKind kind, DateTimeOffset? asOf, int take)
    {
        using var connection = database.Open();
        return RevisionRows.ByIds(connection, database.Times.NewestVersions(connection, kind, asOf, take)).Select(r => new FactView(r)).ToList();
    }

    /// <summary>Live proposals whose id is <paramref name="text"/> or whose name matches it, best match first.</summary>
    public IReadOnlyList<FactView> FindProposals(string text, int limit)
    {
        text = text.Trim();
        if (FactCode.TryParse(text, out var code) && code.Value.Kind == FactKind.Proposal)
            return Get(code.Value) is { Current.Retracted: false } byCode ? [byCode] : [];
        var like = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return Paged(
            """
            SELECT revision_id FROM current_facts
            WHERE kind = 'proposal' AND live = 1 AND title LIKE $like ESCAPE '\'
            ORDER BY title = $text COLLATE NOCASE DESC, fact_id DESC LIMIT $limit
            """, limit, ("$like", like), ("$text", text)).Items;
    }

    /// <summary>The terms of a proposal as known at <paramref name="asOf"/> (now when null).</summary>
    public IReadOnlyList<FactView> Terms(long proposalId, DateTimeOffset? asOf = null) =>
        asOf is null
            ? Paged("SELECT revision_id FROM current_facts WHERE parent_id = $parent AND live = 1 ORDER BY fact_id LIMIT $limit",
                10_000, ("$parent", proposalId)).Items
            // Every term that ever belonged here, kept only if it still did then: a term may have moved in or out since.
            : LatestOf("SELECT p.fact_id AS id FROM fact_parents p JOIN facts f ON f.id = p.fact_id WHERE p.parent_id = $parent AND f.kind = 'term'",
                asOf, ("$parent", proposalId)).Where(t => t.Data.Kind.ParentId(t.Data) == proposalId).ToList();

    /// <summary>The id users quote for a stored fact, and its current title when it has one (a proposal's name).</summary>
    public (FactCode Code, string? Title)? Name(long factId)
    {
        using var connection = database.Open();
        var command = connection.Statement(
            "SELECT f.kind, f.number, c.title FROM facts f LEFT JOIN current_facts c ON c.fact_id = f.id WHERE f.id = $id");
        command.Parameters.AddWithValue("$id", factId);
        using var reader = command.ExecuteReader();
        if (!reader.Read() || !FactKinds.TryParse(reader.GetString(0), out var kind)) return null;
        return (new FactCode(kind, reader.GetInt32(1)), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary><see cref="Name"/> of several facts in one statement, for an answer naming what its lines are about.</summary>
    public IReadOnlyDictionary<long, (FactCode Code, string? Title)> Names(IEnumerable<long> factIds)
    {
        var ids = factIds.Distinct().ToList();
        var names = new Dictionary<long, (FactCode Code, string? Title)>(ids.Count);
        if (ids.Count == 0) return names;
        // Lines mostly name one proposal between them: its plain lookup is cheaper than a list read through json_each.
        if (ids.Count == 1)
        {
            if (Name(ids[0]) is { } one) names[ids[0]] = one;
            return names;
        }
        using var connection = database.Open();
        var command = connection.Statement(
            "SELECT f.id, f.kind, f.number, c.title FROM facts f LEFT JOIN current_facts c ON c.fact_id = f.id WHERE f.id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", RevisionRows.Ids(ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            if (FactKinds.TryParse(reader.GetString(1), out var kind))
                names[reader.GetInt64(0)] = (new FactCode(kind, reader.GetInt32(2)), reader.IsDBNull(3) ? null : reader.GetString(3));
        return names;
    }

    public Page<FactView> Aid(AidFilter filter, int limit)
    {
        var sql = new StringBuilder("SELECT c.revision_id FROM current_facts c WHERE c.kind = 'aid' AND c.live = 1");
        var args = new List<(string, object?)>();
        if (filter.DonorId is { } donor) { sql.Append(" AND c.donor_id = $donor"); args.Add(("$donor", donor)); }
        if (filter.RecipientId is { } recipient) { sql.Append(" AND c.recipient_id = $recipient"); args.Add(("$recipient", recipient)); }
        if (filter.Category is { } category) { sql.Append(" AND c.category = $category"); args.Add(("$category", Vocabulary.Word(category))); }
        sql.Append(" ORDER BY c.sort_on DESC, c.fact_id DESC LIMIT $limit");
        return Paged(sql.ToString(), limit, [.. args]);
    }

    /// <summary>Revisions recorded after <paramref name="since"/>, newest first (past the <paramref name="skip"/> newest), each with the revision it replaced.</summary>
    public Page<FactView> Changes(DateTimeOffset since, int limit, DateTimeOffset? until = null, int skip = 0)
    {
        using var connection = database.Open();
        // The page's limit and offset are in the text: a bound LIMIT is compiled anew at every run (LeasedConnection.Statement).
        var rows = RevisionRows.Query(connection, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"WHERE r.recorded_at > $since AND r.recorded_at <= $until ORDER BY r.recorded_at DESC, r.id DESC LIMIT {limit + 1} OFFSET {skip}"), null,
            ("$since", StoredTime.Format(since)), ("$until", AsOfText(until)));
        var shown = rows.Take(limit).ToList();
        // The revision each change replaced, fetched in one statement for the "was … now …" lines.
        var previous = RevisionRows.Query(connection, """
            WHERE r.id IN (SELECT (SELECT MAX(p.id) FROM revisions p WHERE p.fact_id = c.fact_id AND p.id < c.id)
                           FROM revisions c WHERE c.id IN (SELECT value FROM json_each($ids)))
            """, null, ("$ids", RevisionRows.Ids(shown.Select(r => r.Id)))).ToLookup(r => r.FactId);
        var views = shown.Select(r => new FactView(r, Replaced(connection, r) ?? previous[r.FactId].Where(p => p.Id < r.Id).MaxBy(p => p.Id))).ToList();
        return new Page<FactView>(views, rows.Count > limit);
    }

    // What a change in the log was made from: the version that stood just before it, which a late entry dated before it leaves
    // standing (StandingVersion); null for other revisions, which say what they did without it.
    private static Revision? Replaced(LeasedConnection connection, Revision change) =>
        change.Action == RevisionAction.Change
        && StandingVersion.Of(connection, null, change.FactId, change.Code.Kind, before: change.Id) is { } id
            ? RevisionRows.ByIds(connection, [id]).SingleOrDefault() : null;

    /// <summary>Every revision of one fact, oldest first.</summary>
    public IReadOnlyList<Revision> History(FactCode code)
    {
        using var connection = database.Open();
        return RevisionRows.Query(connection, "WHERE f.kind = $kind AND f.number = $number ORDER BY r.id", null,
            ("$kind", Vocabulary.Word(code.Kind)), ("$number", code.Number));
    }

    /// <summary>
    /// The best matches among the newest <see cref="SearchWindow"/> live facts that contain every word, and cite
    /// <paramref name="outlet"/> (an <see cref="OutletKeys.Key"/>) when it is given.
    /// </summary>
    public Page<FactView> Search(IReadOnlyList<string> words, int limit, string? outlet = null)
    {
        if (words.Count == 0) return new Page<FactView>([], false);
        var match = MatchAll(words);
        using var connection = database.Open();
        var command = connection.Statement(outlet is null
            ? "SELECT rowid, bm25(fact_text) FROM fact_text WHERE fact_text MATCH $match ORDER BY rowid DESC LIMIT $window"
            : $"SELECT rowid, bm25(fact_text) FROM fact_text WHERE fact_text MATCH $match AND {CitesOutlet("fact_text.rowid", live: true)} ORDER BY rowid DESC LIMIT $window", ("$window", SearchWindow + 1));
        command.Parameters.AddWithValue("$match", match);
        if (outlet is not null) command.Parameters.AddWithValue("$outlet", outlet);
        var hits = new List<(long FactId, double Rank)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) hits.Add((reader.GetInt64(0), reader.GetDouble(1)));
        var best = hits.Take(SearchWindow).OrderBy(h => h.Rank).Take(limit).ToList();
        if (best.Count == 0) return new Page<FactView>([], false);
        var rank = best.Select((h, i) => (h.FactId, i)).ToDictionary(x => x.FactId, x => x.i);
        var rows = RevisionRows.Query(connection,
            "JOIN current_facts c ON c.revision_id = r.id WHERE c.fact_id IN (SELECT value FROM json_each($ids))", null,
            ("$ids", RevisionRows.Ids(best.Select(b => b.FactId))));
        return new Page<FactView>(rows.OrderBy(r => rank[r.FactId]).Select(r => new FactView(r)).ToList(), hits.Count > limit);
    }

    // An FTS5 query matching every word as typed: each quoted, so no word is read as the index's own syntax.
    private static string MatchAll(IReadOnlyList<string> words) => string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"") + "\""));

    /// <summary>Turns what a person typed into search words; punctuation and FTS syntax are dropped.</summary>
    public static IReadOnlyList<string> SearchWords(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m => m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();

    private Page<FactView> Paged(string revisionIdsSql, int limit, params (string, object?)[] args)
    {
        using var connection = database.Open();
        var command = connection.Statement(revisionIdsSql, ("$limit", limit + 1));
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var ids = new List<long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetInt64(0));
        return Load(connection, ids, limit);
    }

    /// <summary>The revisions of up to <paramref name="limit"/> ids, in their order; one more id than the limit means more matched.</summary>
    private static Page<FactView> Load(LeasedConnection connection, List<long> ids, int limit)
    {
        if (ids.Count == 0) return new Page<FactView>([], false);
        return new Page<FactView>(RevisionRows.ByIds(connection, ids.Take(limit)).Select(r => new FactView(r)).ToList(), ids.Count > limit);
    }

    private IReadOnlyList<FactView> LatestOf(string factIdsSql, DateTimeOffset? asOf, params (string, object?)[] args) =>
        VersionsOf(factIdsSql, asOf, null, args);

    private static string AsOfText(DateTimeOffset? asOf) => asOf is { } t ? StoredTime.Format(t) : "9999";
}
