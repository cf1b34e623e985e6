using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>The one query shape that reads revisions with their fact and source, and its mapping to <see cref="Revision"/>.</summary>
internal static class RevisionRows
{
    public const string Select = """
        SELECT r.id, r.fact_id, f.kind, f.number, r.action, r.retracted, r.payload, s.outlet, s.url, s.published,
               r.confidence, r.recorded_at, r.recorded_by, r.recorded_by_name, r.reason, r.undoes_revision_id,
               r.effective_on, r.effective_precision, r.effective_end,
               (SELECT json_group_array(json_array(x.position, o.outlet, o.url, o.published, x.stance))
                FROM revision_sources x JOIN sources o ON o.id = x.source_id WHERE x.revision_id = r.id) AS also,
               CASE WHEN s.published = '' AND r.action IN ('retract', 'undo') THEN
                   (SELECT p.recorded_at FROM revisions p
                    WHERE p.fact_id = r.fact_id AND p.id < r.id AND p.action IN ('create', 'change')
                      AND p.source_id = r.source_id AND p.payload = r.payload
                    ORDER BY p.id DESC LIMIT 1)
               WHEN s.published = '' AND r.action = 'change' THEN
                   (SELECT MIN(p.recorded_at) FROM revisions p
                    WHERE p.fact_id = r.fact_id AND p.id < r.id AND p.action IN ('create', 'change')
                      AND p.source_id = r.source_id AND p.payload = r.payload) END AS cited_at,
               r.corrects_revision_id
        FROM revisions r
        JOIN facts f ON f.id = r.fact_id
        JOIN sources s ON s.id = r.source_id
        """;

    // The same rows, their ids only: what a list reads when most of its revisions are kept already.
    private const string SelectIds = """
        SELECT r.id
        FROM revisions r
        JOIN facts f ON f.id = r.fact_id
        JOIN sources s ON s.id = r.source_id
        """;

    /// <summary>
    /// The revisions <see cref="Select"/> followed by <paramref name="sqlAfterSelect"/> finds, in its order, through
    /// prepared statements kept on the connection. Outside a transaction it reads only their ids and takes them through
    /// <see cref="ByIds"/>; inside one it reads them whole and keeps none (what a transaction reads may yet be rolled back).
    /// </summary>
    public static List<Revision> Query(LeasedConnection connection, string sqlAfterSelect, SqliteTransaction? tx = null,
        params (string Name, object? Value)[] args)
    {
        if (tx is not null || !connection.Revisions.Enabled) return Read(connection, Select + "\n" + sqlAfterSelect, tx, args);
        var command = connection.Statement(SelectIds + "\n" + sqlAfterSelect);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var ids = new List<long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ByIds(connection, ids);
    }

    /// <summary>
    /// Every revision <see cref="Select"/> followed by <paramref name="sqlAfterSelect"/> finds, read whole and kept nowhere:
    /// for reads of the whole table (export), which would only push the answers' revisions out of the cache.
    /// </summary>
    public static List<Revision> Scan(LeasedConnection connection, string sqlAfterSelect) => Read(connection, Select + "\n" + sqlAfterSelect, null);

    /// <summary>
    /// The revisions with these ids, in their order (an id not in the file is left out): those already read come from the
    /// connection's <see cref="RevisionCache"/> without a statement, the rest in one. What a list reads once it knows which
    /// revisions it shows.
    /// </summary>
    public static List<Revision> ByIds(LeasedConnection connection, IEnumerable<long> ids)
    {
        var cache = connection.Revisions;
        var list = new List<Revision>();
        List<long>? missing = null;
        List<int>? holes = null;
        foreach (var id in ids)
        {
            if (cache.Find(id) is { } kept) list.Add(kept);
            else
            {
                (missing ??= []).Add(id);
                (holes ??= []).Add(list.Count);
                list.Add(null!);
            }
        }
        if (missing is not null)
        {
            Fill(connection, list, missing, holes!);
            list.RemoveAll(r => r is null);
        }
        return list;
    }

    // Loads the missing revisions in one statement, keeps them and puts each in its place in the list.
    // Read outside any moment (a member's answer reads one): a revision never changes once committed, so the file as it is
    // now gives the same row, and also one committed after the moment began that every revision's times may already name;
    // and a migration another process ran meanwhile, which emptied the kept revisions, is never undone by older rows.
    private static void Fill(LeasedConnection connection, List<Revision> list, List<long> missing, List<int> holes)
    {
        var outside = connection.OutsideMoment();
        Dictionary<long, Revision> loaded;
        try
        {
            loaded = Read(outside, Select + "\nWHERE r.id IN (SELECT value FROM json_each($ids))", null, ("$ids", Ids(missing)))
                .ToDictionary(r => r.Id);
        }
        finally
        {
            if (outside != connection) outside.Dispose();
        }
        for (var i = 0; i < holes.Count; i++)
        {
            if (!loaded.TryGetValue(missing[i], out var revision)) continue;
            connection.Revisions.Keep(revision);
            list[holes[i]] = revision;
        }
    }

    private static List<Revision> Read(LeasedConnection connection, string sql, SqliteTransaction? tx, params (string Name, object? Value)[] args)
    {
        var command = connection.Statement(sql, tx);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<Revision>();
        while (reader.Read()) list.Add(Map(reader));
        return list;
    }

    /// <summary>Fact and revision ids as one parameter: a JSON array read with <c>json_each</c>, so the statement text never changes.</summary>
    public static string Ids(IEnumerable<long> ids) => "[" + string.Join(',', ids) + "]";

    /// <summary>Words as one parameter, a JSON array of strings, for <c>json_each</c> as <see cref="Ids"/> does ids.</summary>
    public static string Json(IEnumerable<string> words) => System.Text.Json.JsonSerializer.Serialize(words);

    private static Revision Map(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        new FactCode(FactKinds.Parse(r.GetString(2)), r.GetInt32(3)),
        Vocabulary.Parse<RevisionAction>(r.GetString(4)),
        r.GetInt64(5) != 0,
        // Read as a string: reading the UTF-8 bytes instead (GetFieldValue<byte[]>) made /terms half as slow again.
        KnowledgeJson.Deserialize(r.GetString(6)),
        new Provenance(Source(r.GetString(7), r.GetString(8), r.GetString(9)), Vocabulary.Parse<Confidence>(r.GetString(10)))
        {
            Also = Also(r.GetString(19)),
            Effective = new EventDate(StoredTime.ParseDate(r.GetString(16))!.Value,
                Vocabulary.Parse<DatePrecision>(r.GetString(17)), StoredTime.ParseDate(r.IsDBNull(18) ? null : r.GetString(18))),
        },
        StoredTime.ParseInstant(r.GetString(11)),
        r.GetString(12),
        r.GetString(13),
        r.IsDBNull(14) ? null : r.GetString(14),
        r.IsDBNull(15) ? null : r.GetInt64(15))
    {
        CitedAt = r.IsDBNull(20) ? null : StoredTime.ParseInstant(r.GetString(20)),
        CorrectsRevisionId = r.IsDBNull(21) ? null : r.GetInt64(21),
    };

    private static SourceRef Source(string outlet, string url, string published) =>
        new(outlet, url is { Length: > 0 } ? url : null, StoredTime.ParseDate(published));

    // Most facts cite one source: their list is "[]" and costs no parsing.
    private static IReadOnlyList<CitedSource> Also(string json)
    {
        if (json == "[]") return [];
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => (Position: e[0].GetInt64(), Cited: new CitedSource(Source(e[1].GetString()!, e[2].GetString()!, e[3].GetString()!),
                Vocabulary.Parse<SourceStance>(e[4].GetString()!))))
            .OrderBy(e => e.Position).Select(e => e.Cited).ToList();
    }
}
