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
                FROM revision_sources x JOIN sources o ON o.id = x.source_id WHERE x.revision_id = r.id) AS also
        FROM revisions r
        JOIN facts f ON f.id = r.fact_id
        JOIN sources s ON s.id = r.source_id
        """;

    /// <summary>Runs <see cref="Select"/> followed by <paramref name="sqlAfterSelect"/> as a prepared statement kept on the connection.</summary>
    public static List<Revision> Query(LeasedConnection connection, string sqlAfterSelect, SqliteTransaction? tx = null,
        params (string Name, object? Value)[] args)
    {
        var command = connection.Statement(Select + "\n" + sqlAfterSelect, tx);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<Revision>();
        while (reader.Read()) list.Add(Map(reader));
        return list;
    }

    /// <summary>Fact and revision ids as one parameter: a JSON array read with <c>json_each</c>, so the statement text never changes.</summary>
    public static string Ids(IEnumerable<long> ids) => "[" + string.Join(',', ids) + "]";

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
            Effective = new EventDate(DateOnly.ParseExact(r.GetString(16), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Vocabulary.Parse<DatePrecision>(r.GetString(17)), StoredTime.ParseDate(r.IsDBNull(18) ? null : r.GetString(18))),
        },
        StoredTime.ParseInstant(r.GetString(11)),
        r.GetString(12),
        r.GetString(13),
        r.IsDBNull(14) ? null : r.GetString(14),
        r.IsDBNull(15) ? null : r.GetInt64(15));

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
