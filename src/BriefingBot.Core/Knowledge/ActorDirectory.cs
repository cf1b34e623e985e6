using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>Every actor and alias, held in memory for fast lookup and suggestions; adding one writes through to the store.</summary>
public sealed class ActorDirectory
{
    private readonly KnowledgeDatabase _database;
    private readonly TimeProvider _time;
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public ActorDirectory(KnowledgeDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public IReadOnlyList<Actor> All => _snapshot.Actors;

    public void Reload()
    {
        using var connection = _database.Open();
        var actors = connection.Query<(long Id, string Name, string Kind)>("SELECT id, name, kind FROM actors ORDER BY id").ToList();
        var aliases = connection.Query<(string Alias, long ActorId)>("SELECT alias, actor_id FROM actor_aliases ORDER BY id")
            .ToLookup(a => a.ActorId, a => a.Alias);
        _snapshot = new Snapshot(actors
            .Select(a => new Actor(a.Id, a.Name, Vocabulary.Parse<ActorKind>(a.Kind), aliases[a.Id].ToList()))
            .ToList());
    }

    /// <summary>Holds the given actors in memory only, until the next <see cref="Reload"/>; import uses it mid-transaction.</summary>
    internal void Use(IEnumerable<Actor> actors) => _snapshot = new Snapshot(actors.ToList());

    public Actor Get(long id) =>
        _snapshot.ById.TryGetValue(id, out var actor) ? actor : throw new KeyNotFoundException($"No actor with id {id}.");

    public bool TryGet(long id, out Actor actor) => _snapshot.ById.TryGetValue(id, out actor!);

    /// <summary>Finds an actor by its name or any alias, ignoring case and accents.</summary>
    public Actor? Find(string nameOrAlias) =>
        _snapshot.ByKey.TryGetValue(Key(nameOrAlias), out var actor) ? actor : null;

    /// <summary>Up to <paramref name="limit"/> actors whose names start with, then contain, what was typed.</summary>
    public IReadOnlyList<Actor> Suggest(string typed, int limit = 25)
    {
        var key = Key(typed);
        if (key.Length == 0) return _snapshot.Actors.Take(limit).ToList();
        var starts = new List<Actor>();
        var contains = new List<Actor>();
        foreach (var (actor, names) in _snapshot.SearchNames)
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
        return _snapshot.SearchNames
            .Select(e => (e.Actor, Distance: e.Names.Min(n => Spelling.Distance(key, n))))
            .Where(e => e.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(e => e.Distance)
            .Take(limit)
            .Select(e => e.Actor)
            .ToList();
    }

    /// <summary>Adds an actor with its aliases; a name or alias already taken is refused.</summary>
    public Actor Add(string name, ActorKind kind, IEnumerable<string> aliases, ChangeAuthor by)
    {
        var names = new[] { name }.Concat(aliases).Select(a => a.Trim()).Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var n in names)
            if (Find(n) is { } taken)
                throw new KnowledgeException($"'{n}' already names {taken.Name}.");
        var id = _database.Write((connection, tx) =>
        {
            var newId = connection.ExecuteScalar<long>(
                "INSERT INTO actors (name, kind, recorded_at, recorded_by) VALUES (@name, @kind, @at, @by) RETURNING id",
                new { name = name.Trim(), kind = Vocabulary.Word(kind), at = StoredTime.Format(_time.GetUtcNow()), by = by.Key }, tx);
            foreach (var alias in names)
                connection.Execute("INSERT INTO actor_aliases (alias, actor_id) VALUES (@alias, @id)", new { alias, id = newId }, tx);
            return newId;
        });
        Reload();
        return Get(id);
    }

    internal static string Key(string text) => Spelling.Fold(text);

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([]);

        public Snapshot(IReadOnlyList<Actor> actors)
        {
            Actors = actors;
            ById = actors.ToDictionary(a => a.Id);
            ByKey = new Dictionary<string, Actor>();
            foreach (var actor in actors)
                foreach (var n in actor.Aliases.Prepend(actor.Name).Prepend(actor.Display))
                    ByKey.TryAdd(Key(n), actor);
            SearchNames = actors.Select(a => (a, a.Aliases.Prepend(a.Name).Select(Key).Distinct().ToArray())).ToList();
        }

        public IReadOnlyList<Actor> Actors { get; }
        public Dictionary<long, Actor> ById { get; }
        public Dictionary<string, Actor> ByKey { get; }
        public List<(Actor Actor, string[] Names)> SearchNames { get; }
    }
}
