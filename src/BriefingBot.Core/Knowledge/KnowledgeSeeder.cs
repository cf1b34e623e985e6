using System.Text.Json;
using Dapper;

namespace BriefingBot.Knowledge;

/// <summary>Fills a new database from the seed files, once: a database that was ever seeded or written to is left alone.</summary>
public sealed class KnowledgeSeeder(KnowledgeDatabase database, ActorDirectory actors, FactLog log, TimeProvider time)
{
    private const string SeededKey = "seeded_at";

    /// <summary>Applies every <c>*.json</c> in <paramref name="folder"/>; returns how many facts were added.</summary>
    public int SeedIfNew(string folder)
    {
        if (database.GetSetting(SeededKey) is not null || HasRevisions()) return 0;
        if (!Directory.Exists(folder)) return 0;
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => (path, seed: Read(path))).ToList();

        // One write transaction for all of it: processes starting together on a new file queue on the lock, and the
        // ones after the first find the marker and add nothing, not even an actor.
        try
        {
            return database.Write((connection, tx) =>
            {
                if (connection.ExecuteScalar<long>(
                        "SELECT EXISTS (SELECT 1 FROM settings WHERE key = @SeededKey) OR EXISTS (SELECT 1 FROM revisions)",
                        new { SeededKey }, tx) != 0)
                    return 0;
                foreach (var (_, seed) in files)
                    foreach (var actor in seed.Actors ?? [])
                        if (connection.ExecuteScalar<long?>("SELECT actor_id FROM actor_aliases WHERE alias = @Name", new { actor.Name }, tx) is null)
                        {
                            // "the Coalition of the willing" is stored as Coalition of the willing, with the alias that says it takes
                            // the article, as /update actor stores it (Actor.WithoutArticle).
                            var (name, article) = Actor.WithoutArticle(actor.Name, actor.Kind);
                            actors.Insert(connection, tx, name, actor.Kind,
                                ActorDirectory.Names(name, (article ? [actor.Name.Trim()] : Array.Empty<string>()).Concat(actor.Aliases ?? []).Concat(actor.Places ?? [])),
                                ChangeAuthor.Seed, actor.Places?.ToList());
                        }
                // The facts' projections name these actors before they commit.
                actors.UseWithin(connection, tx);
                return SeedFacts(connection, tx, files);
            });
        }
        finally
        {
            actors.Reload();
        }
    }

    /// <summary>
    /// A store seeded before its seed gave an actor its article ("the Coalition of the willing") gets it now: each seeded actor the
    /// seed names with its article, found under its name and kind and still without it, is given that name, as a moderator's
    /// <c>/update actor name:"the …"</c> would. Run at every start, after <see cref="SeedIfNew"/>; reads the seed files only
    /// for a store that was seeded. Returns the actors given their article.
    /// </summary>
    public IReadOnlyList<Actor> GiveArticlesIfSeeded(string folder)
    {
        if (database.GetSetting(SeededKey) is null || !Directory.Exists(folder)) return [];
        var given = new List<Actor>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            foreach (var typed in Read(path).Actors ?? [])
            {
                var (name, article) = Actor.WithoutArticle(typed.Name, typed.Kind);
                if (!article || actors.Find(name) is not { } known || known.Kind != typed.Kind || known.Aliases.Any(known.NamesWithArticle)) continue;
                // A name another actor holds is left alone: the seed never takes a moderator's name away.
                if (actors.Find(typed.Name) is { } other && other.Id != known.Id) continue;
                given.Add(actors.AddNames(known, [typed.Name.Trim()]));
            }
        return given;
    }

    private int SeedFacts(LeasedConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, List<(string path, SeedFile seed)> files)
    {
        var added = 0;
        foreach (var (path, seed) in files)
        {
            long Id(string name) => actors.Find(name)?.Id
                ?? throw new InvalidDataException($"{path}: no actor called '{name}'; add it to \"actors\".");
            Provenance Cite(Confidence c) => new(seed.Source, c);

            long NewFact(FactKind kind, long? parent) => FactLog.NewFact(connection, tx, kind, parent);

            void Add(FactData data, Confidence confidence, long? parent = null)
            {
                var id = NewFact(data.Kind, parent);
                log.Append(connection, tx, id, RevisionAction.Create, false, data, Cite(confidence), ChangeAuthor.Seed,
                    "seeded from " + Path.GetFileName(path), null, seed.RecordedAt);
                added++;
            }

            foreach (var p in seed.Proposals ?? [])
            {
                var proposalId = NewFact(FactKind.Proposal, null);
                log.Append(connection, tx, proposalId, RevisionAction.Create, false,
                    new ProposalData(p.Name, p.Status, p.Sponsors.Select(Id).ToList(), p.Summary), Cite(p.Confidence),
                    ChangeAuthor.Seed, "seeded from " + Path.GetFileName(path), null, seed.RecordedAt);
                added++;
                foreach (var t in p.Terms ?? [])
                    Add(new TermData(proposalId, t.Topic, t.Text, t.Status), t.Confidence, proposalId);
            }
            foreach (var c in seed.Contacts ?? [])
                Add(new ContactData(c.Type, c.Participants.Select(Id).ToList(), c.When, c.Planned, c.Place, c.Summary, c.Tone),
                    c.Confidence);
            foreach (var a in seed.Aid ?? [])
                Add(new AidData(Id(a.Donor), Id(a.Recipient), a.Category, a.Status, a.Since, a.Amount, a.Note), a.Confidence);
        }
        connection.Execute("INSERT INTO settings (key, value) VALUES (@SeededKey, @at)",
            new { SeededKey, at = StoredTime.Format(time.GetUtcNow()) }, tx);
        return added;
    }

    private bool HasRevisions()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM revisions)") != 0;
    }

    private static SeedFile Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), KnowledgeJson.Options)
                   ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid seed file: {e.Message}", e);
        }
    }
}
