using System.Text.Json;
using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>Moves the whole knowledge, history included, to and from JSON. Import checks everything before it writes.</summary>
public sealed class KnowledgeTransfer(KnowledgeDatabase database, ActorDirectory actors, FactLog log, TimeProvider time)
{
    public KnowledgeExport Export()
    {
        using var connection = database.Open();
        var actorRows = actors.All.Select(a =>
        {
            var meta = connection.QuerySingle<(string At, string By)>("SELECT recorded_at, recorded_by FROM actors WHERE id = @Id", new { a.Id });
            return new KnowledgeExport.ActorEntry(a.Id, a.Name, a.Kind, a.Aliases, StoredTime.ParseInstant(meta.At), meta.By, a.Places);
        }).ToList();
        var facts = connection.Query<(long Id, string Kind, long Number, long? ParentId)>(
                "SELECT id, kind, number, parent_id FROM facts ORDER BY id")
            .Select(f => new KnowledgeExport.FactEntry(f.Id, FactKinds.Parse(f.Kind), (int)f.Number, f.ParentId)).ToList();
        var revisions = RevisionRows.Scan(connection, "ORDER BY r.id").Select(r => new KnowledgeExport.RevisionEntry(
            r.Id, r.FactId, r.Action, r.Retracted, JsonSerializer.SerializeToElement(r.Data, KnowledgeJson.Options),
            r.Provenance.Source, r.Provenance.Confidence, r.RecordedAt, r.RecordedBy, r.RecordedByName, r.Reason,
            r.UndoesRevisionId, r.Provenance.Also.Count > 0 ? r.Provenance.Sources : null, r.Provenance.Effective, r.CorrectsRevisionId)).ToList();
        return new KnowledgeExport(KnowledgeExport.FormatName, KnowledgeExport.CurrentVersion, time.GetUtcNow(), actorRows, facts, revisions);
    }

    public void WriteExport(Stream stream) => JsonSerializer.Serialize(stream, Export(), KnowledgeJson.Indented);

    /// <summary>Reads and checks an export; returns the problems found, or none when it can be imported.</summary>
    public static IReadOnlyList<string> Validate(KnowledgeExport? data, out List<(KnowledgeExport.RevisionEntry Entry, FactData Data)> parsed)
    {
        parsed = [];
        var problems = new List<string>();
        if (data is null) return ["The file is empty."];
        if (data.Format != KnowledgeExport.FormatName) problems.Add($"format is “{data.Format}”, expected “{KnowledgeExport.FormatName}”.");
        if (data.Version is < KnowledgeExport.OldestVersion or > KnowledgeExport.CurrentVersion)
            problems.Add($"version {data.Version} is not one this build reads ({KnowledgeExport.OldestVersion} to {KnowledgeExport.CurrentVersion}).");
        var actorIds = new HashSet<long>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in data.Actors ?? [])
        {
            if (!actorIds.Add(a.Id)) problems.Add($"actor id {a.Id} appears twice.");
            if (string.IsNullOrWhiteSpace(a.Name)) problems.Add($"actor {a.Id} has no name.");
            foreach (var alias in (a.Aliases ?? []).Prepend(a.Name ?? ""))
                if (alias.Length > 0 && !names.Add(alias) && !string.Equals(alias, a.Name, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"alias “{alias}” names two actors.");
        }
        var facts = new Dictionary<long, KnowledgeExport.FactEntry>();
        foreach (var f in data.Facts ?? [])
        {
            if (!facts.TryAdd(f.Id, f)) problems.Add($"fact id {f.Id} appears twice.");
            if (f.Number <= 0) problems.Add($"fact {f.Id} has number {f.Number}; numbers start at 1.");
            if (f.Kind is null) problems.Add($"fact {f.Id} has no kind.");
        }
        if (facts.Values.GroupBy(f => (f.Kind, f.Number)).FirstOrDefault(g => g.Count() > 1) is { } dup)
            problems.Add($"{new FactCode(dup.Key.Kind, dup.Key.Number)} appears twice.");
        var revisionIds = new HashSet<long>();
        var factOf = new Dictionary<long, long>();
        var lastId = 0L;
        foreach (var r in data.Revisions ?? [])
        {
            var where = $"revision {r.Id}";
            if (r.Id <= lastId) problems.Add($"{where} is out of order; revisions must be listed oldest first.");
            lastId = r.Id;
            revisionIds.Add(r.Id);
            if (!facts.TryGetValue(r.FactId, out var fact)) { problems.Add($"{where} refers to fact {r.FactId}, which is not in the file."); continue; }
            if (r.UndoesRevisionId is { } u && !revisionIds.Contains(u)) problems.Add($"{where} undoes revision {u}, which comes later or is missing.");
            if (r.CorrectsRevisionId is { } c && (!revisionIds.Contains(c) || c == r.Id || !factOf.TryGetValue(c, out var cf) || cf != r.FactId))
                problems.Add($"{where} corrects revision {c}, which is not an earlier revision of the same fact.");
            factOf[r.Id] = r.FactId;
            if (string.IsNullOrWhiteSpace(r.Source?.Outlet)) problems.Add($"{where} cites no source.");
            if (r.Sources is { Count: > 0 } sources
                && (sources[0] != new CitedSource(r.Source!) || sources.Any(s => string.IsNullOrWhiteSpace(s.Source?.Outlet))))
                problems.Add($"{where} lists sources that do not start with its source, confirming, or that name no outlet.");
            FactData payload;
            try { payload = r.Data.Deserialize<FactData>(KnowledgeJson.Options) ?? throw new JsonException("empty"); }
            catch (Exception e) when (e is JsonException or NotSupportedException) { problems.Add($"{where} has unreadable data: {e.Message}"); continue; }
            if (fact.Kind is null) continue;
            if (payload.Kind != fact.Kind) { problems.Add($"{where} holds {Replies.Phrases.A(Vocabulary.Word(payload.Kind))} for {Replies.Phrases.A(Vocabulary.Word(fact.Kind))}."); continue; }
            foreach (var id in payload.Kind.ActorIds(payload).Where(id => !actorIds.Contains(id))) problems.Add($"{where} names actor {id}, which is not in the file.");
            foreach (var id in payload.Kind.Links(payload).Where(id => !facts.ContainsKey(id))) problems.Add($"{where} is about fact {id}, which is not in the file.");
            if (payload.Kind.ParentKind is { } parentKind
                && (payload.Kind.ParentId(payload) is not { } parentId || !facts.TryGetValue(parentId, out var parent) || parent.Kind != parentKind))
                problems.Add($"{where} belongs to {parentKind.Word} {payload.Kind.ParentId(payload)}, which is not in the file.");
            parsed.Add((r, payload));
        }
        return problems.Take(20).ToList();
    }

    /// <summary>Imports into a database that holds no knowledge yet; writes all of it in one transaction or nothing.</summary>
    public int Import(Stream stream)
    {
        KnowledgeExport? data;
        try { data = JsonSerializer.Deserialize<KnowledgeExport>(stream, KnowledgeJson.Options); }
        catch (JsonException e) { throw new KnowledgeException($"The file is not a BriefingBot export: {e.Message}"); }
        List<(KnowledgeExport.RevisionEntry Entry, FactData Data)> parsed;
        IReadOnlyList<string> problems;
        try
        {
            problems = Validate(data, out parsed);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or JsonException)
        {
            throw new KnowledgeException($"Nothing was imported: the file is incomplete ({e.Message}).");
        }
        if (problems.Count > 0) throw new KnowledgeException("Nothing was imported. " + string.Join(" ", problems));
        try
        {
            // The projection reads actor names from the directory; give it the imported actors before their rows commit.
            actors.Use(data!.Actors.Select(a => new Actor(a.Id, a.Name, a.Kind, (a.Aliases ?? []).Prepend(a.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList())
            { Places = a.Places ?? [] }));
            database.Write((connection, tx) =>
            {
                if (connection.ExecuteScalar<long>("SELECT (SELECT COUNT(*) FROM revisions) + (SELECT COUNT(*) FROM actors)", transaction: tx) > 0)
                    throw new KnowledgeException($"{database.FullPath} already holds knowledge; import into a new file with --db.");
                foreach (var a in data.Actors)
                {
                    connection.Execute("INSERT INTO actors (id, name, kind, recorded_at, recorded_by) VALUES (@Id, @Name, @kind, @at, @RecordedBy)",
                        new { a.Id, a.Name, kind = Vocabulary.Word(a.Kind), at = StoredTime.Format(a.RecordedAt), a.RecordedBy }, tx);
                    foreach (var alias in (a.Aliases ?? []).Prepend(a.Name).Distinct(StringComparer.OrdinalIgnoreCase))
                        connection.Execute("INSERT INTO actor_aliases (alias, actor_id, place) VALUES (@alias, @Id, @place)",
                            new { alias, a.Id, place = a.Places?.Contains(alias, StringComparer.OrdinalIgnoreCase) == true ? 1 : 0 }, tx);
                }
                foreach (var f in data.Facts)
                    connection.Execute("INSERT INTO facts (id, kind, number, parent_id) VALUES (@Id, @kind, @Number, @ParentId)",
                        new { f.Id, kind = Vocabulary.Word(f.Kind), f.Number, f.ParentId }, tx);
                connection.Execute("INSERT INTO settings (key, value) VALUES ('seeded_at', @at) ON CONFLICT (key) DO NOTHING",
                    new { at = StoredTime.Format(time.GetUtcNow()) }, tx);
                foreach (var (r, payload) in parsed)
                    log.Append(connection, tx, r.FactId, r.Action, r.Retracted, payload, r.Provenance(),
                        new ChangeAuthor("import", r.RecordedBy, r.RecordedByName), r.Reason, r.UndoesRevisionId, r.RecordedAt,
                        explicitId: r.Id, recordedByKey: r.RecordedBy, corrects: r.CorrectsRevisionId);
                return 0;
            });
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            // The transaction rolled back, so nothing was written; say what the file got wrong.
            throw new KnowledgeException($"Nothing was imported: the file does not fit together ({e.Message}).");
        }
        finally
        {
            actors.Reload();
        }
        return parsed.Count;
    }
}
