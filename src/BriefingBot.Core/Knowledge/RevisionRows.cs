using System.Data;
using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>The one query shape that reads revisions with their fact and source, and its mapping to <see cref="Revision"/>.</summary>
internal static class RevisionRows
{
    public const string Select = """
        SELECT r.id AS Id, r.fact_id AS FactId, f.kind AS Kind, f.number AS Number, r.action AS Action,
               r.retracted AS Retracted, r.payload AS Payload, s.outlet AS Outlet, s.url AS Url, s.published AS Published,
               r.confidence AS Confidence, r.recorded_at AS RecordedAt, r.recorded_by AS RecordedBy,
               r.recorded_by_name AS RecordedByName, r.reason AS Reason, r.undoes_revision_id AS UndoesRevisionId
        FROM revisions r
        JOIN facts f ON f.id = r.fact_id
        JOIN sources s ON s.id = r.source_id
        """;

    public static List<Revision> Query(IDbConnection connection, string sqlAfterSelect, object? args = null, IDbTransaction? tx = null) =>
        connection.Query<Row>(Select + "\n" + sqlAfterSelect, args, tx).Select(ToRevision).ToList();

    public static Revision ToRevision(Row row) => new(
        row.Id,
        row.FactId,
        new FactCode(Vocabulary.Parse<FactKind>(row.Kind), (int)row.Number),
        Vocabulary.Parse<RevisionAction>(row.Action),
        row.Retracted != 0,
        KnowledgeJson.Deserialize(row.Payload),
        new Provenance(
            new SourceRef(row.Outlet, row.Url is { Length: > 0 } url ? url : null, StoredTime.ParseDate(row.Published)),
            Vocabulary.Parse<Confidence>(row.Confidence)),
        StoredTime.ParseInstant(row.RecordedAt),
        row.RecordedBy,
        row.RecordedByName,
        row.Reason,
        row.UndoesRevisionId);

    /// <summary>A revision row as SQLite hands it over.</summary>
    internal sealed class Row
    {
        public long Id { get; init; }
        public long FactId { get; init; }
        public string Kind { get; init; } = "";
        public long Number { get; init; }
        public string Action { get; init; } = "";
        public long Retracted { get; init; }
        public string Payload { get; init; } = "";
        public string Outlet { get; init; } = "";
        public string? Url { get; init; }
        public string? Published { get; init; }
        public string Confidence { get; init; } = "";
        public string RecordedAt { get; init; } = "";
        public string RecordedBy { get; init; } = "";
        public string RecordedByName { get; init; } = "";
        public string? Reason { get; init; }
        public long? UndoesRevisionId { get; init; }
    }
}
