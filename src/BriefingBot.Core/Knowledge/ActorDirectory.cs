using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>
/// Every actor and alias, held in memory for fast lookup and suggestions; adding one writes through to the store.
/// <see cref="CatchUp"/> checks the file's data version, so an actor added by another process is known before the next answer.
/// </summary>
public sealed class ActorDirectory
{
    private const string SignatureSql =
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM actors) || ':' || (SELECT COALESCE(MAX(id), 0) FROM actor_aliases) || ':' || (SELECT COUNT(*) FROM actor_aliases)";

    private readonly KnowledgeDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lock _reloading = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public ActorDirectory(KnowledgeDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public IReadOnlyList<Actor> All => Current.Actors;

    /// <summary>Reads every actor from the store now.</summary>
    public void Reload()
    {
        lock (_reloading)
        {
            var version = _database.Version;
            // Never a moment's connection: the actors stamped with a version must be at least as new as it.
            using var connection = _database.OpenOutsideMoment();
            _snapshot = new Snapshot(Read(connection, null), version, connection.ExecuteScalar<string>(SignatureSql)!);
        }
    }

    /// <summary>
    /// Holds the actors as one transaction sees them (its own uncommitted ones included), until the next
    /// <see cref="Reload"/>: seeding and import write actors and facts naming them in one transaction.
    /// </summary>
    internal void UseWithin(LeasedConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx) =>
        _snapshot = new Snapshot(Read(connection, tx), 0, "") { Pinned = true };

    /// <summary>Holds the given actors in memory only, until the next <see cref="Reload"/>; import uses it mid-transaction.</summary>
    internal void Use(IEnumerable<Actor> actors) => _snapshot = new Snapshot(actors.ToList(), 0, "") { Pinned = true };

    public Actor Get(long id) =>
        Current.ById.TryGetValue(id, out var actor) ? actor : throw new KeyNotFoundException($"No actor with id {id}.");

    public bool TryGet(long id, out Actor actor) => Current.ById.TryGetValue(id, out actor!);

    /// <summary>Finds an actor by its name or any alias, ignoring case and accents.</summary>
    public Actor? Find(string nameOrAlias) =>
        Current.ByKey.TryGetValue(Key(nameOrAlias), out var actor) ? actor : null;

    /// <summary>Up to <paramref name="limit"/> actors whose names start with, then contain, what was typed.</summary>
    public IReadOnlyList<Actor> Suggest(string typed, int limit = 25)
    {
        var snapshot = Current;
        var key = Key(typed);
        if (key.Length == 0) return snapshot.Actors.Take(limit).ToList();
        var starts = new List<Actor>();
        var contains = new List<Actor>();
        foreach (var (actor, names) in snapshot.SearchNames)
        {
            if (names.Any(n => n.StartsWith(key, StringComparison.Ordinal) || n.Contains(" " + key, StringComparison.Ordinal)))
                starts.Add(actor);
            else if (names.Any(n => n.Contains(key, StringComparison.Ordinal)))
                contains.Add(actor);
            if (starts.Count >= limit) break;
        }
        return starts.Concat(contains).Take(limit).ToList();
    }

    /// <summary>Names close to a misspelling, for "did you mean …?".</summary>
    public IReadOnlyList<Actor> Closest(string typed, int limit = 3)
    {
        var suggested = Suggest(typed, limit);
        if (suggested.Count > 0) return suggested;
        var key = Key(typed);
        return Current.SearchNames
            .Select(e => (e.Actor, Distance: e.Names.Min(n => Spelling.Distance(key, n))))
            .Where(e => e.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(e => e.Distance)
            .Take(limit)
            .Select(e => e.Actor)
            .ToList();
    }

    /// <summary>
    /// Adds an actor with its aliases; a name or alias already taken, here or by another process, is refused. A state or
    /// organisation named with its article ("the Kremlin") is stored as Kremlin, with "the Kremlin" as the alias that says so.
    /// </summary>
    public Actor Add(string name, ActorKind kind, IEnumerable<string> aliases, ChangeAuthor by, IReadOnlyCollection<string>? places = null)
    {
        (name, var article) = Actor.WithoutArticle(name, kind);
        var names = Names(name, (article ? ["the " + name] : Enumerable.Empty<string>()).Concat(aliases).Concat(places ?? []));
        RefuseTaken(names);
        long id;
        try
        {
            id = _database.Write((connection, tx) => Insert(connection, tx, name, kind, names, by, places));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // Another process took one of the names between our look and our write: say which, like any taken name.
            Reload();
            RefuseTaken(names);
            throw new KnowledgeException($"One of the names {string.Join(", ", names)} was added by someone else at the same moment.");
        }
        Reload();
        return Get(id);
    }

    /// <summary>
    /// Gives a known actor more names ("the Kremlin", which says its name takes the article); one already taken, here or by
    /// another process, is refused. Names are not facts: like the actor, they are kept by undo and have no history.
    /// </summary>
    public Actor AddNames(Actor actor, IReadOnlyList<string> names, IReadOnlyCollection<string>? places = null)
    {
        RefuseTaken(names);
        try
        {
            _database.Write((connection, tx) =>
            {
                foreach (var alias in names)
                    connection.Execute("INSERT INTO actor_aliases (alias, actor_id, place) VALUES (@alias, @id, @place)",
                        new { alias, id = actor.Id, place = places?.Contains(alias, StringComparer.OrdinalIgnoreCase) == true ? 1 : 0 }, tx);
                // The facts that spell it out are found by the new names too, now and in past views, in the same transaction.
                UseWithin(connection, tx);
                return ActorWords.Respell(connection, tx, new FactProjection(this), Get(actor.Id));
            });
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 19)
        {
            Reload();
            RefuseTaken(names);
            throw new KnowledgeException($"One of the names {string.Join(", ", names)} was added by someone else at the same moment.");
        }
        catch
        {
            // The directory held the transaction's names; it was rolled back.
            Reload();
            throw;
        }
        Reload();
        return Get(actor.Id);
    }

    /// <summary>Writes an actor inside a transaction of the caller's; the caller reloads the directory after committing.</summary>
    internal long Insert(LeasedConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, string name, ActorKind kind,
        IReadOnlyList<string> names, ChangeAuthor by, IReadOnlyCollection<string>? places = null, DateTimeOffset? at = null)
    {
        var newId = connection.ExecuteScalar<long>(
            "INSERT INTO actors (name, kind, recorded_at, recorded_by) VALUES (@name, @kind, @at, @by) RETURNING id",
            new { name = Actor.WithoutArticle(name, kind).Name, kind = Vocabulary.Word(kind), at = StoredTime.Format(at ?? _time.GetUtcNow()), by = by.Key }, tx);
        foreach (var alias in names)
            connection.Execute("INSERT INTO actor_aliases (alias, actor_id, place) VALUES (@alias, @id, @place)",
                new { alias, id = newId, place = places?.Contains(alias, StringComparer.OrdinalIgnoreCase) == true ? 1 : 0 }, tx);
        return newId;
    }

    /// <summary>
    /// The actors added in the same breath as a revision of the fact (<c>+Name</c> in an update): written in its transaction
    /// with its time and author. All of the fact's revisions, or only <paramref name="revisionId"/>.
    /// </summary>
    public IReadOnlyList<Actor> AddedWith(long factId, long? revisionId = null)
    {
        using var connection = _database.Open();
        return connection.Query<long>(
                """
                SELECT DISTINCT a.id FROM revisions r JOIN actors a ON a.recorded_at = r.recorded_at AND a.recorded_by = r.recorded_by
                WHERE r.fact_id = @factId AND r.action IN ('create', 'change') AND (@revisionId IS NULL OR r.id = @revisionId) ORDER BY a.id
                """, new { factId, revisionId })
            .Select(id => TryGet(id, out var a) ? a : null).OfType<Actor>().ToList();
    }

    /// <summary>The name first, then the aliases, trimmed and without repeats.</summary>
    internal static IReadOnlyList<string> Names(string name, IEnumerable<string> aliases) =>
        new[] { name }.Concat(aliases).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private void RefuseTaken(IReadOnlyList<string> names)
    {
        foreach (var n in names)
            if (Find(n) is { } taken)
                throw new KnowledgeException($"'{n}' already names {taken.Name}.");
    }

    /// <summary>
    /// Catches up with actors added anywhere, this process or another, since the last look. Every entry point that
    /// answers (the command router, autocomplete, the briefing composer) calls it first; it costs one
    /// <c>PRAGMA data_version</c> (a few microseconds) when nothing changed, so it is paid once per answer, not per name.
    /// </summary>
    public void CatchUp()
    {
        var snapshot = _snapshot;
        if (snapshot.Pinned) return;
        var version = _database.Version;
        if (version != snapshot.Version) Refresh(version);
    }

    private Snapshot Current => _snapshot;

    private Snapshot Refresh(long version)
    {
        lock (_reloading)
        {
            var snapshot = _snapshot;
            if (snapshot.Pinned || snapshot.Version >= version) return snapshot;
            // Never a moment's connection (a member's answer reads one): its older view of the file would be stamped with the
            // newer version, and an actor added meanwhile would stay unknown until the next commit.
            using var connection = _database.OpenOutsideMoment();
            // Most commits are facts, not actors: a one-row look at the actor tables decides whether to read them again.
            var signature = connection.ExecuteScalar<string>(SignatureSql)!;
            _snapshot = signature == snapshot.Signature
                ? snapshot.At(version)
                : new Snapshot(Read(connection, null), version, signature);
            return _snapshot;
        }
    }

    private static List<Actor> Read(System.Data.IDbConnection connection, System.Data.IDbTransaction? tx)
    {
        var actors = connection.Query<(long Id, string Name, string Kind)>("SELECT id, name, kind FROM actors ORDER BY id", transaction: tx).ToList();
        var aliases = connection.Query<(string Alias, long ActorId, bool Place)>("SELECT alias, actor_id, place FROM actor_aliases ORDER BY id", transaction: tx)
            .ToLookup(a => a.ActorId);
        return actors.Select(a => new Actor(a.Id, a.Name, Vocabulary.Parse<ActorKind>(a.Kind), aliases[a.Id].Select(x => x.Alias).ToList())
        {
            Places = aliases[a.Id].Where(x => x.Place).Select(x => x.Alias).ToList(),
        }).ToList();
    }

    internal static string Key(string text) => Spelling.Fold(text);

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([], -1, "");

        public Snapshot(IReadOnlyList<Actor> actors, long version, string signature)
        {
            Version = version;
            Signature = signature;
            Actors = actors;
            ById = actors.ToDictionary(a => a.Id);
            ByKey = new Dictionary<string, Actor>();
            foreach (var actor in actors)
                foreach (var n in actor.Aliases.Prepend(actor.Name).Prepend(actor.Display))
                    ByKey.TryAdd(Key(n), actor);
            SearchNames = actors.Select(a => (a, a.Aliases.Prepend(a.Name).Select(Key).Distinct().ToArray())).ToList();
        }

        private Snapshot(Snapshot same, long version)
        {
            (Actors, ById, ByKey, SearchNames, Signature, Version) = (same.Actors, same.ById, same.ByKey, same.SearchNames, same.Signature, version);
        }

        /// <summary>The data version this snapshot was last found current at.</summary>
        public long Version { get; }

        /// <summary>What the actor tables looked like when read; equal signatures mean nothing was added.</summary>
        public string Signature { get; }

        /// <summary>Held on purpose (mid-transaction), never refreshed until the next reload.</summary>
        public bool Pinned { get; init; }

        public Snapshot At(long version) => new(this, version);

        public IReadOnlyList<Actor> Actors { get; }
        public Dictionary<long, Actor> ById { get; }
        public Dictionary<string, Actor> ByKey { get; }
        public List<(Actor Actor, string[] Names)> SearchNames { get; }
    }
}
