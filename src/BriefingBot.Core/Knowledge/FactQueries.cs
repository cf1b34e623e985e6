using System.Text;
using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>Filters for the contacts an answer lists.</summary>
public sealed record ContactFilter(long? PersonId = null, long? WithId = null, DateOnly? Since = null, ContactKind? Kind = null);

/// <summary>Filters for the aid streams an answer lists.</summary>
public sealed record AidFilter(long? DonorId = null, long? RecipientId = null, AidCategory? Category = null);

/// <summary>A page of results and whether more matched than were returned.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool More);

/// <summary>Reads the knowledge: what stands now, what was known at a date, what changed, and search.</summary>
public sealed class FactQueries(KnowledgeDatabase database)
{
    /// <summary>How many of the newest matches /search ranks; ranking every match of a common word would be too slow.</summary>
    public const int SearchWindow = 200;

    public FactView? Get(FactCode code, DateTimeOffset? asOf = null)
    {
        using var connection = database.Open();
        var revision = RevisionRows.Query(connection,
            "WHERE f.kind = @kind AND f.number = @number AND r.recorded_at <= @asOf ORDER BY r.id DESC LIMIT 1",
            new { kind = Vocabulary.Word(code.Kind), number = code.Number, asOf = AsOfText(asOf) }).SingleOrDefault();
        return revision is null ? null : new FactView(revision);
    }

    public FactView? Get(long factId)
    {
        using var connection = database.Open();
        var revision = RevisionRows.Query(connection, "WHERE r.fact_id = @factId ORDER BY r.id DESC LIMIT 1", new { factId })
            .SingleOrDefault();
        return revision is null ? null : new FactView(revision);
    }

    /// <summary>The newest live proposals, newest first.</summary>
    public Page<FactView> Proposals(int limit) => Paged(
        "SELECT revision_id FROM current_facts WHERE kind = 'proposal' AND live = 1 ORDER BY fact_id DESC LIMIT @limit",
        new DynamicParameters(new { limit = limit + 1 }), limit);

    /// <summary>The newest proposal as known at <paramref name="asOf"/> (now when null).</summary>
    public FactView? NewestProposal(DateTimeOffset? asOf = null)
    {
        if (asOf is null) return Proposals(1).Items.FirstOrDefault();
        // Proposals are few and rarely retracted: the newest few known then almost always hold the answer.
        foreach (var window in new[] { 20, int.MaxValue })
        {
            var known = LatestOf("SELECT id FROM facts WHERE kind = 'proposal' ORDER BY id DESC LIMIT @window", new { window }, asOf);
            if (known.Count > 0) return known[^1];
        }
        return null;
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
            WHERE kind = 'proposal' AND live = 1 AND title LIKE @like ESCAPE '\'
            ORDER BY title = @text COLLATE NOCASE DESC, fact_id DESC LIMIT @limit
            """, new DynamicParameters(new { like, text, limit = limit + 1 }), limit).Items;
    }

    /// <summary>The terms of a proposal as known at <paramref name="asOf"/> (now when null).</summary>
    public IReadOnlyList<FactView> Terms(long proposalId, DateTimeOffset? asOf = null) => LatestOf(
        "SELECT id FROM facts WHERE parent_id = @parent AND kind = 'term'", new { parent = proposalId }, asOf);

    public Page<FactView> Contacts(ContactFilter filter, int limit)
    {
        var where = new StringBuilder();
        var args = new DynamicParameters(new { limit = limit + 1, since = filter.Since is { } s ? StoredTime.Format(s) : "" });
        string inner;
        if (filter.PersonId is { } person)
        {
            args.Add("person", person);
            inner = "SELECT c.revision_id FROM current_participants p JOIN current_facts c ON c.fact_id = p.fact_id " +
                    "WHERE p.actor_id = @person AND p.sort_on >= @since";
        }
        else
            inner = "SELECT c.revision_id FROM current_facts c WHERE c.kind = 'contact' AND c.live = 1 AND c.sort_on >= @since";
        if (filter.WithId is { } with)
        {
            args.Add("with", with);
            where.Append(" AND EXISTS (SELECT 1 FROM current_participants w WHERE w.fact_id = c.fact_id AND w.actor_id = @with)");
        }
        if (filter.Kind is { } kind)
        {
            args.Add("kind", Vocabulary.Word(kind));
            where.Append(" AND c.contact_kind = @kind");
        }
        var order = filter.PersonId is null ? "c.sort_on DESC, c.fact_id DESC" : "p.sort_on DESC, p.fact_id DESC";
        return Paged($"{inner}{where} ORDER BY {order} LIMIT @limit", args, limit);
    }

    public Page<FactView> Aid(AidFilter filter, int limit)
    {
        var sql = new StringBuilder("SELECT c.revision_id FROM current_facts c WHERE c.kind = 'aid' AND c.live = 1");
        var args = new DynamicParameters(new { limit = limit + 1 });
        if (filter.DonorId is { } donor) { sql.Append(" AND c.donor_id = @donor"); args.Add("donor", donor); }
        if (filter.RecipientId is { } recipient) { sql.Append(" AND c.recipient_id = @recipient"); args.Add("recipient", recipient); }
        if (filter.Category is { } category) { sql.Append(" AND c.category = @category"); args.Add("category", Vocabulary.Word(category)); }
        sql.Append(" ORDER BY c.sort_on DESC, c.fact_id DESC LIMIT @limit");
        return Paged(sql.ToString(), args, limit);
    }

    /// <summary>Revisions recorded after <paramref name="since"/>, newest first, each with the revision it replaced.</summary>
    public Page<FactView> Changes(DateTimeOffset since, int limit, DateTimeOffset? until = null)
    {
        using var connection = database.Open();
        var rows = RevisionRows.Query(connection,
            "WHERE r.recorded_at > @since AND r.recorded_at <= @until ORDER BY r.recorded_at DESC, r.id DESC LIMIT @limit",
            new { since = StoredTime.Format(since), until = AsOfText(until), limit = limit + 1 });
        var views = rows.Take(limit).Select(r => new FactView(r, PreviousOf(connection, r))).ToList();
        return new Page<FactView>(views, rows.Count > limit);
    }

    /// <summary>Every revision of one fact, oldest first.</summary>
    public IReadOnlyList<Revision> History(FactCode code)
    {
        using var connection = database.Open();
        return RevisionRows.Query(connection, "WHERE f.kind = @kind AND f.number = @number ORDER BY r.id",
            new { kind = Vocabulary.Word(code.Kind), number = code.Number });
    }

    /// <summary>The best matches among the newest <see cref="SearchWindow"/> live facts that contain every word.</summary>
    public Page<FactView> Search(IReadOnlyList<string> words, int limit)
    {
        if (words.Count == 0) return new Page<FactView>([], false);
        var match = string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"") + "\""));
        using var connection = database.Open();
        var hits = connection.Query<(long FactId, double Rank)>(
            "SELECT rowid, bm25(fact_text) FROM fact_text WHERE fact_text MATCH @match ORDER BY rowid DESC LIMIT @window",
            new { match, window = SearchWindow + 1 }).ToList();
        var best = hits.Take(SearchWindow).OrderBy(h => h.Rank).Take(limit).ToList();
        if (best.Count == 0) return new Page<FactView>([], false);
        var rank = best.Select((h, i) => (h.FactId, i)).ToDictionary(x => x.FactId, x => x.i);
        var rows = RevisionRows.Query(connection, "JOIN current_facts c ON c.revision_id = r.id WHERE c.fact_id IN @ids",
            new { ids = best.Select(b => b.FactId).ToArray() });
        return new Page<FactView>(rows.OrderBy(r => rank[r.FactId]).Select(r => new FactView(r)).ToList(), hits.Count > limit);
    }

    /// <summary>Turns what a person typed into search words; punctuation and FTS syntax are dropped.</summary>
    public static IReadOnlyList<string> SearchWords(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m => m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();

    private Page<FactView> Paged(string revisionIdsSql, DynamicParameters args, int limit)
    {
        using var connection = database.Open();
        var ids = connection.Query<long>(revisionIdsSql, args).ToList();
        if (ids.Count == 0) return new Page<FactView>([], false);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = RevisionRows.Query(connection, "WHERE r.id IN @ids", new { ids = ids.Take(limit).ToArray() });
        return new Page<FactView>(rows.OrderBy(r => order[r.Id]).Select(r => new FactView(r)).ToList(), ids.Count > limit);
    }

    private IReadOnlyList<FactView> LatestOf(string factIdsSql, object? args, DateTimeOffset? asOf)
    {
        using var connection = database.Open();
        var parameters = new DynamicParameters(args);
        parameters.Add("asOf", AsOfText(asOf));
        return RevisionRows.Query(connection, $"""
            WHERE r.id IN (
                SELECT (SELECT x.id FROM revisions x WHERE x.fact_id = ids.id AND x.recorded_at <= @asOf ORDER BY x.id DESC LIMIT 1)
                FROM ({factIdsSql}) ids)
              AND r.retracted = 0
            ORDER BY f.number
            """, parameters).Select(r => new FactView(r)).ToList();
    }

    private static Revision? PreviousOf(Microsoft.Data.Sqlite.SqliteConnection connection, Revision revision) =>
        RevisionRows.Query(connection, "WHERE r.fact_id = @fact AND r.id < @id ORDER BY r.id DESC LIMIT 1",
            new { fact = revision.FactId, id = revision.Id }).SingleOrDefault();

    private static string AsOfText(DateTimeOffset? asOf) => asOf is { } t ? StoredTime.Format(t) : "9999";
}
