using Dapper;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>Writes facts as revisions: record, retract and undo, each one transaction with its audit fields.</summary>
public sealed partial class FactLog
{
    private readonly KnowledgeDatabase _database;
    private readonly FactProjection _projection;
    private readonly TimeProvider _time;
    private readonly ActorDirectory _actors;
    private readonly DeskZone _desk;

    /// <param name="desk">Whose day "the day it is recorded" is, when a fact takes effect then (UTC when null).</param>
    public FactLog(KnowledgeDatabase database, ActorDirectory actors, TimeProvider time, DeskZone? desk = null)
    {
        _desk = desk ?? DeskZone.Utc;
        _database = database;
        _actors = actors;
        _projection = new FactProjection(actors);
        _time = time;
    }

    /// <summary>Adds a new fact, or a new revision of <paramref name="existing"/>.</summary>
    /// <param name="basedOn">The revision the change was made from; if the fact has moved on since, the change is refused
    /// rather than silently overwriting someone else's edit.</param>
    public FactView Record(FactData data, FactCode? existing, Provenance provenance, ChangeAuthor by, string? reason,
        DateTimeOffset? recordedAt = null, long? basedOn = null) =>
        _database.Write((connection, tx) => RecordWithin(connection, tx, data, existing, provenance, by, reason, recordedAt, basedOn));

    /// <summary>
    /// Adds the actors a moderator named as new and the fact naming them in one transaction, so a failure leaves neither;
    /// <paramref name="data"/> builds the fact once the new actors have ids (it is given a name → id lookup).
    /// </summary>
    public (FactView View, IReadOnlyList<Actor> Added) Record(IReadOnlyList<NewActor> newActors, Func<Func<string, long>, FactData> data,
        FactCode? existing, Provenance provenance, ChangeAuthor by, string? reason, long? basedOn = null)
    {
        if (newActors.Count == 0) return (Record(data(_ => throw new InvalidOperationException("No actor was new.")), existing, provenance, by, reason, basedOn: basedOn), []);
        try
        {
            // One moment for the actors and the revision, so undo and retract can tell which actors came with which fact.
            var now = _time.GetUtcNow();
            var (view, ids) = _database.Write((connection, tx) =>
            {
                var ids = newActors.ToDictionary(a => a.Name,
                    a => _actors.Insert(connection, tx, a.Name, a.Kind, NamesOf(connection, tx, a), by, at: now), StringComparer.OrdinalIgnoreCase);
                // The projection names the new actors before they commit.
                _actors.UseWithin(connection, tx);
                return (RecordWithin(connection, tx, data(n => ids[n]), existing, provenance, by, reason, now, basedOn), ids);
            });
            _actors.Reload();
            return (view, ids.Values.Select(_actors.Get).ToList());
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // Another process added one of the names between our look and our write; the transaction left nothing.
            _actors.Reload();
            throw new KnowledgeException(
                $"Someone else added {Replies.Phrases.List(newActors.Select(a => a.Name).ToList(), 50)} at the same moment; nothing was recorded. Try again: the names are known now.");
        }
        catch
        {
            _actors.Reload();
            throw;
        }
    }

    // A new person is also found by their surname, as the seeded ones are ("Rubio"), unless that already names someone.
    private static IReadOnlyList<string> NamesOf(LeasedConnection connection, SqliteTransaction tx, NewActor actor)
    {
        var (name, article) = Actor.WithoutArticle(actor.Name, actor.Kind);
        // "+the Kremlin (organisation)": Kremlin, which takes the article (ActorDirectory.Insert stores the name without it).
        if (article) return [name, "the " + name];
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (actor.Kind != ActorKind.Person || words.Length < 2 || words[^1].Length < 3) return [name];
        // A surname keeps its European particles: "von der Leyen", "De Wever", not "Leyen" or "Wever" (a patronymic such as
        // "bin" is not one: Mohammed bin Salman is also "Salman").
        var first = words.Length - 1;
        while (first > 1 && SurnameParticles.Contains(words[first - 1])) first--;
        var surname = string.Join(' ', words[first..]);
        var taken = connection.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM actor_aliases WHERE alias = @alias)", new { alias = surname }, tx) != 0;
        return taken ? [name] : [name, surname];
    }

    private static readonly HashSet<string> SurnameParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "ter", "ten",
    };

    private FactView RecordWithin(LeasedConnection connection, SqliteTransaction tx, FactData data, FactCode? existing, Provenance provenance,
        ChangeAuthor by, string? reason, DateTimeOffset? recordedAt, long? basedOn)
    {
        long factId;
        Revision? previous = null;
        if (existing is { } code)
        {
            if (code.Kind != data.Kind)
                throw new KnowledgeException($"{code} is {Replies.Phrases.A(Vocabulary.Word(code.Kind))}, not {Replies.Phrases.A(Vocabulary.Word(data.Kind))}.");
            // Made from what stands (what /terms shows), not from a late entry that filled in history after it.
            previous = Standing(connection, tx, code) ?? throw NotFound(code);
            if (basedOn is { } seen && previous.Id != seen)
                throw new KnowledgeException(
                    $"{code} was changed by {previous.RecordedByName} while you were editing it; nothing was recorded. /history {code} shows the change; try again.");
            previous = Resolved(connection, tx, previous);
            factId = previous.FactId;
            // A change of parent (a term moved to another proposal) is a revision like any other: the projection follows
            // it and fact_parents remembers the old parent for as_of. facts.parent_id keeps the first one.
            if (data.Kind.ParentKind is { } parentKind && data.Kind.ParentId(data) is { } moved && moved != data.Kind.ParentId(previous.Data)
                && !IsLive(connection, tx, moved, parentKind))
                throw new KnowledgeException($"{code} can only move to a {parentKind.Word} that stands; that one does not.");
        }
        else
        {
            factId = NewFact(connection, tx, data.Kind, data.Kind.ParentId(data));
        }
        // Saying the same thing again (a new first source, a new confidence) keeps the sources added beside it; a changed
        // fact is cited afresh, as those sources backed the earlier version (the confirmation names them).
        if (previous is not null && provenance.Also.Count == 0 && KnowledgeJson.Serialize(previous.Data) == KnowledgeJson.Serialize(data))
            provenance = provenance with { Also = previous.Provenance.Also.Where(s => !CitedSources.Same(s.Source, provenance.Source)).ToList() };
        var (dated, corrects) = Dated(connection, tx, data, previous, provenance, recordedAt, by);
        var action = previous is null ? RevisionAction.Create : RevisionAction.Change;
        var id = Append(connection, tx, factId, action, retracted: false, data, dated, by, reason, null, recordedAt, corrects: corrects?.Id);
        var standing = StandingVersion.Of(connection, tx, factId, data.Kind);
        var recorded = ReadRevision(connection, tx, id);
        return new FactView(recorded, previous)
        {
            Standing = standing is { } s && s != id ? ReadRevision(connection, tx, s) : null,
            Corrected = corrects is not null && !Equals(corrects.Provenance.Effective, recorded.Provenance.Effective) ? corrects : null,
            DatedByWhatItReplaced = !ReferenceEquals(dated, provenance),
        };
    }

    /// <summary>Withdraws a fact; it stays in the history and can be brought back with undo.</summary>
    public FactView Retract(FactCode code, ChangeAuthor by, string reason) =>
        _database.Write((connection, tx) =>
        {
            // It withdraws the version that stands, and says so in its words.
            var standing = Standing(connection, tx, code) ?? throw NotFound(code);
            if (standing.Retracted) throw new KnowledgeException($"{code} is already retracted.");
            var id = Append(connection, tx, standing.FactId, RevisionAction.Retract, retracted: true, standing.Data,
                standing.Provenance, by, reason, null, null);
            return new FactView(ReadRevision(connection, tx, id), standing);
        });

    /// <summary>Takes back the author's own newest change that has not been undone already.</summary>
    public FactView Undo(ChangeAuthor by) =>
        _database.Write((connection, tx) =>
        {
            var target = RevisionRows.Query(connection, """
                WHERE r.recorded_by = $by AND r.action <> 'undo'
                  AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.undoes_revision_id = r.id)
                ORDER BY r.id DESC LIMIT 1
                """, tx, ("$by", by.Key)).SingleOrDefault()
                ?? throw new KnowledgeException("You have no change left to undo.");
            var later = RevisionRows.Query(connection, "WHERE r.fact_id = $fact AND r.id > $id ORDER BY r.id", tx,
                ("$fact", target.FactId), ("$id", target.Id));
            // Safe only if everything after it is this author's own undone work; otherwise undo would erase someone's change.
            var undone = later.Select(r => r.UndoesRevisionId).OfType<long>().ToHashSet();
            if (later.FirstOrDefault(r => r.RecordedBy != by.Key || (r.Action != RevisionAction.Undo && !undone.Contains(r.Id))) is { } other)
                throw new KnowledgeException(
                    $"{target.Code} was changed after your edit by {other.RecordedByName}; update or retract it instead.");
            var before = RevisionRows.Query(connection, "WHERE r.fact_id = $fact AND r.id < $id ORDER BY r.id DESC LIMIT 1", tx,
                ("$fact", target.FactId), ("$id", target.Id)).SingleOrDefault();
            // What stands once the change is taken back (a late entry undone leaves it as it was; a date put right is wrong again);
            // the revision before it decides only whether the fact stands at all.
            var restored = before is null ? target
                : StandingVersion.Of(connection, tx, target.FactId, target.Code.Kind, without: target) is { } stands
                    ? stands == before.Id ? before : ReadRevision(connection, tx, stands) : before;
            var id = Append(connection, tx, target.FactId, RevisionAction.Undo, retracted: before?.Retracted ?? true,
                restored.Data, restored.Provenance, by, $"undo of {Vocabulary.Word(target.Action)}", target.Id, null);
            return new FactView(ReadRevision(connection, tx, id), target);
        });

    /// <summary>Appends one revision and refreshes the fact's projections, inside the caller's transaction.</summary>
    internal long Append(LeasedConnection connection, SqliteTransaction tx, long factId, RevisionAction action, bool retracted,
        FactData data, Provenance provenance, ChangeAuthor by, string? reason, long? undoes, DateTimeOffset? recordedAt,
        long? explicitId = null, string? recordedByKey = null, long? corrects = null)
    {
        var sourceId = SourceId(connection, tx, provenance.Source);
        var effective = provenance.Effective ?? DefaultEffective(data, provenance.Source, _desk.DayOf(recordedAt ?? _time.GetUtcNow()));
        // Prepared once per connection (LeasedConnection.Statement), as the projection's statements are: it runs at every write.
        var insert = connection.Statement("""
            INSERT INTO revisions (id, fact_id, action, retracted, payload, source_id, confidence, recorded_at, recorded_by,
                                   recorded_by_name, reason, undoes_revision_id, effective_on, effective_precision, effective_end,
                                   corrects_revision_id)
            VALUES (@explicitId, @factId, @action, @retracted, @payload, @sourceId, @confidence, @at, @by, @byName, @reason, @undoes,
                    @effectiveOn, @effectivePrecision, @effectiveEnd, @corrects)
            RETURNING id
            """, tx);
        foreach (var (name, value) in new (string, object?)[]
                 {
                     ("@explicitId", explicitId), ("@factId", factId), ("@action", Vocabulary.Word(action)), ("@retracted", retracted ? 1 : 0),
                     ("@payload", KnowledgeJson.Serialize(data)), ("@sourceId", sourceId), ("@confidence", Vocabulary.Word(provenance.Confidence)),
                     ("@at", StoredTime.Format(recordedAt ?? _time.GetUtcNow())), ("@by", recordedByKey ?? by.Key), ("@byName", by.DisplayName),
                     ("@reason", reason), ("@undoes", undoes), ("@effectiveOn", StoredTime.Format(effective.Start)),
                     ("@effectivePrecision", Vocabulary.Word(effective.Precision)),
                     ("@effectiveEnd", effective.IsRange ? StoredTime.Format(effective.Last) : null), ("@corrects", corrects),
                 })
            insert.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var id = (long)insert.ExecuteScalar()!;
        for (var i = 0; i < provenance.Also.Count; i++)
            connection.Execute(
                "INSERT INTO revision_sources (revision_id, position, source_id, stance) VALUES (@id, @position, @sourceId, @stance)",
                new
                {
                    id,
                    position = i + 1,
                    sourceId = SourceId(connection, tx, provenance.Also[i].Source),
                    stance = Vocabulary.Word(provenance.Also[i].Stance),
                }, tx);
        // A late entry that moved a term is in its new proposal's past views, though the projection does not hold it.
        FactProjection.RememberParent(connection, tx, factId, data);
        // The projection holds the version that stands, which a late entry dated before it is not (StandingVersion).
        // An undo or a retraction says what stood after it, and is held as long as it is the newest.
        if (retracted || action is RevisionAction.Create or RevisionAction.Undo
            || StandingVersion.Of(connection, tx, factId, data.Kind) is not { } standing || standing == id)
            _projection.Refresh(connection, tx, factId, id, data, retracted, recordedAt ?? _time.GetUtcNow(), provenance.Sources);
        else if (RevisionRows.Query(connection, "WHERE r.id = $id", tx, ("$id", standing)).Single() is var stands)
            _projection.Refresh(connection, tx, factId, stands.Id, stands.Data, stands.Retracted, stands.RecordedAt, stands.Provenance.Sources);
        _projection.RememberWords(connection, tx, id, data);
        PastLists.Remember(connection, tx, factId, data, effective.Start, recordedAt ?? _time.GetUtcNow(), provenance.Sources, _desk);
        return id;
    }

    /// <summary>
    /// When a fact took effect if the moderator did not say: its own date (a contact's day, an aid status's since), else its
    /// source's date, else the day it is recorded at the desk. Migration 0009 gives revisions recorded before it the same
    /// rule (with UTC's day: the setting did not exist).
    /// </summary>
    internal static EventDate DefaultEffective(FactData data, SourceRef source, DateOnly recordedOn) =>
        data.Kind.Period(data) ?? EventDate.Day(source.Published ?? recordedOn);

    /// <summary>Adds a fact's identity row with the next number of its kind, the number users quote.</summary>
    internal static long NewFact(SqliteConnection connection, SqliteTransaction tx, FactKind kind, long? parentId) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO facts (kind, number, parent_id)
            VALUES (@kind, (SELECT COALESCE(MAX(number), 0) + 1 FROM facts WHERE kind = @kind), @parentId)
            RETURNING id
            """,
            new { kind = Vocabulary.Word(kind), parentId }, tx);

    private static long SourceId(LeasedConnection connection, SqliteTransaction tx, SourceRef source)
    {
        var (outlet, url, published) = (source.Outlet.Trim(), source.Url?.Trim() ?? "", source.Published is { } d ? StoredTime.Format(d) : "");
        var find = connection.Statement("SELECT id FROM sources WHERE outlet = @outlet AND url = @url AND published = @published", tx);
        find.Parameters.AddWithValue("@outlet", outlet);
        find.Parameters.AddWithValue("@url", url);
        find.Parameters.AddWithValue("@published", published);
        if (find.ExecuteScalar() is long known) return known;
        var add = connection.Statement("INSERT INTO sources (outlet, url, published) VALUES (@outlet, @url, @published) RETURNING id", tx);
        add.Parameters.AddWithValue("@outlet", outlet);
        add.Parameters.AddWithValue("@url", url);
        add.Parameters.AddWithValue("@published", published);
        return (long)add.ExecuteScalar()!;
    }

    private static bool IsLive(SqliteConnection connection, SqliteTransaction tx, long factId, FactKind kind) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM current_facts WHERE fact_id = @factId AND kind = @kind AND live = 1",
            new { factId, kind = kind.Word }, tx) > 0;

    /// <summary>
    /// The revision the projection holds: the version that stands (<see cref="StandingVersion"/>), or the newest revision when
    /// that is a retraction or an undo (which carries the words that stood after it).
    /// </summary>
    /// <summary>
    /// The version itself where the projection holds an undo (which carries its words): what a change replaces or a date
    /// put right names, so the version it replaced cannot come back.
    /// </summary>
    internal static Revision Resolved(LeasedConnection connection, SqliteTransaction tx, Revision held) =>
        held is { Action: RevisionAction.Undo, Retracted: false } && StandingVersion.Of(connection, tx, held.FactId, held.Code.Kind) is { } stands
            ? ReadRevision(connection, tx, stands) : held;

    internal static Revision? Standing(LeasedConnection connection, SqliteTransaction? tx, FactCode code) =>
        // Joined by the fact (current_facts' key): by revision_id SQLite read the whole projection (9 ms a call on 100,000 facts).
        RevisionRows.Query(connection, "JOIN current_facts c ON c.fact_id = f.id WHERE f.kind = $kind AND f.number = $number AND r.id = c.revision_id", tx,
            ("$kind", Vocabulary.Word(code.Kind)), ("$number", code.Number)).SingleOrDefault();

    private static Revision ReadRevision(LeasedConnection connection, SqliteTransaction tx, long id) =>
        RevisionRows.Query(connection, "WHERE r.id = $id", tx, ("$id", id)).Single();

    private static KnowledgeException NotFound(FactCode code) =>
        new($"There is no {code}. Ids look like P1, T4, C12 or A2; /search finds them.");
}
