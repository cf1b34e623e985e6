using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Benchmarks.Core;

/// <summary>
/// A store grown to 100,000 facts of realistic shapes (contacts between 2–4 of 200 actors over three years, statements by
/// 1–2 of them about a proposal, aid streams, proposals with terms), plus three people representing each state, built once
/// and kept on disk so every benchmark process opens the same file.
/// One fact in three mentions "ceasefire", the common word the search target is about.
/// </summary>
public static class GeneratedStore
{
    public const int Facts = 100_000;
    // Named for what it holds, so stores of older builds in the shared temp folder are not mistaken for it; one fact in
    // four cites 2–4 sources, one in ten of those disputing.
    // v4: every fact carries when it took effect (valid time); proposals and terms are entered up to two weeks late.
    // v5: the same facts, with every list a contact or statement has been in (migration 0011), so a store of v4 that other
    // builds share is never upgraded under them.
    // v6: the same, with the index of proposals' and terms' newest moves (migration 0012).
    // v7: the same, with the outlets each fact cites (migration 0013).
    // v8: the same, with the outlets that alone confirm each fact and every version's outlets in the past lists (migration 0014).
    // v9: the same, with the search index merged (migration 0015).
    // v10: the same, with terms' topics as their titles (migration 0016).
    // v11: the same, with every revision's words (migration 0017).
    private const string Version = "v11-gaps";

    /// <summary>Kept in the temp folder so every benchmark process, whatever folder BenchmarkDotNet runs it from, shares it.</summary>
    public static string Path => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "briefingbot-bench", $"store-{Facts}-{Version}.db");

    public static string Ensure()
    {
        var path = System.IO.Path.GetFullPath(Path);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + ".building";
        if (File.Exists(temp)) File.Delete(temp);
        Build(temp);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
            if (File.Exists(temp + suffix)) File.Delete(temp + suffix);
        File.Move(temp, path);
        return path;
    }

    /// <summary>
    /// The core's services on a copy of the generated store, as the host wires them, but composing every answer afresh
    /// unless <paramref name="answerCacheMegabytes"/> turns the answer cache on: what most benchmarks measure is composing.
    /// </summary>
    public static ServiceProvider Open(string path, TimeProvider? time = null, int answerCacheMegabytes = 0)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time ?? TimeProvider.System)
            .Configure<StorageOptions>(o => { o.Path = path; o.SeedPath = ""; })
            .Configure<KnowledgeOptions>(o => o.AnswerCacheMegabytes = answerCacheMegabytes)
            .AddBriefingCore()
            .BuildServiceProvider();
        if (Environment.GetEnvironmentVariable("BRIEFINGBOT_SQL_PROFILE") is not null)
            services.GetRequiredService<KnowledgeDatabase>().Opened = SqlProfile.Attach;
        if (StatementStatus.On) services.GetRequiredService<KnowledgeDatabase>().Opened = StatementStatus.Attach;
        return services;
    }

    private static void Build(string path)
    {
        using var services = Open(path);
        services.GetRequiredService<KnowledgeStartup>().Start(seed: false);
        var actors = services.GetRequiredService<ActorDirectory>();
        var log = services.GetRequiredService<FactLog>();
        var database = services.GetRequiredService<KnowledgeDatabase>();
        var random = new Random(20250306);
        // Its own generator, so the facts themselves stay exactly those of v1.
        var citing = new Random(20250318);
        var effect = new Random(20250311);
        var author = new ChangeAuthor("bench", "gen", "generator");

        var people = Enumerable.Range(0, 150).Select(i => actors.Add($"{First[i % First.Length]} {Last[i / First.Length % Last.Length]} {i}", ActorKind.Person, [$"{Last[i / First.Length % Last.Length]}{i}"], author).Id).ToList();
        var states = Enumerable.Range(0, 50).Select(i => actors.Add($"State {i}", ActorKind.State, [$"S{i}"], author).Id).ToList();
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var outlets = new[] { "Reuters", "AFP", "AP", "BBC", "Le Monde", "Kyiv Independent" };

        var proposalIds = new List<long>();
        var made = 0;
        while (made < Facts)
        {
            var batch = Math.Min(5000, Facts - made);
            database.Write((connection, tx) =>
            {
                for (var i = 0; i < batch; i++, made++)
                {
                    var at = start.AddMinutes(made * 15.77);
                    var common = made % 3 == 0 ? " ceasefire" : "";
                    var source = new Provenance(new SourceRef(outlets[random.Next(outlets.Length)], null, DateOnly.FromDateTime(at.UtcDateTime)),
                        (Confidence)random.Next(3));
                    if (citing.Next(4) == 0)
                        source = source with
                        {
                            Also = Enumerable.Range(0, 1 + citing.Next(3)).Select(k => new CitedSource(
                                new SourceRef(outlets[citing.Next(outlets.Length)] + (k > 0 ? $" {k}" : " readout"), null, DateOnly.FromDateTime(at.UtcDateTime)),
                                citing.Next(10) == 0 ? SourceStance.Disputes : SourceStance.Confirms)).ToList(),
                        };
                    FactData data;
                    long? parent = null;
                    var roll = made < 100 ? 0 : random.Next(100);
                    if (roll == 0 || proposalIds.Count == 0)
                        data = new ProposalData($"Plan {made}{common}", (ProposalStatus)random.Next(6), [states[random.Next(50)], states[random.Next(50)]], $"A plan drafted by envoys{common}.");
                    else if (roll < 16)
                    {
                        parent = proposalIds[random.Next(proposalIds.Count)];
                        data = new TermData(parent.Value, Topics[random.Next(Topics.Length)], $"{Sentence(random)}{common}.", (TermStatus)random.Next(4));
                    }
                    else if (roll < 76)
                    {
                        var n = 2 + random.Next(3);
                        var who = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? states[random.Next(50)] : people[random.Next(150)]).Distinct().ToList();
                        if (who.Count < 2) who.Add(states[0]);
                        data = new ContactData((ContactKind)random.Next(5), who, new EventDate(DateOnly.FromDateTime(at.UtcDateTime), DatePrecision.Day),
                            false, "Capital " + random.Next(40), $"{Sentence(random)}{common}.", random.Next(2) == 0 ? "cordial" : "tense");
                    }
                    else if (roll < 86)
                    {
                        // One speaker mostly, sometimes two; about a proposal, and a stance in four of five.
                        var who = Enumerable.Range(0, 1 + random.Next(4) / 3).Select(_ => people[random.Next(150)]).Distinct().ToList();
                        var stance = random.Next(5) is var st && st < 4 ? (Stance?)st : null;
                        data = new StatementData(who, new EventDate(DateOnly.FromDateTime(at.UtcDateTime), DatePrecision.Day), "a press conference",
                            $"{Sentence(random)}{common}.", stance, [proposalIds[random.Next(proposalIds.Count)]]);
                    }
                    else
                        data = new AidData(states[random.Next(50)], states[random.Next(50)], (AidCategory)random.Next(4), (AidStatus)random.Next(6),
                            new EventDate(DateOnly.FromDateTime(at.UtcDateTime), DatePrecision.Day), $"{random.Next(1, 900)} million", $"{Sentence(random)}{common}.");
                    // A contact, statement or aid status takes effect on its own date; a proposal or term was often entered late.
                    if (data.Kind == FactKind.Proposal || data.Kind == FactKind.Term)
                        source = source with { Effective = EventDate.Day(DateOnly.FromDateTime(at.UtcDateTime).AddDays(-effect.Next(15))) };
                    var factId = FactLog.NewFact(connection, tx, data.Kind, parent);
                    if (data.Kind == FactKind.Proposal) proposalIds.Add(factId);
                    log.Append(connection, tx, factId, RevisionAction.Create, false, data, source, author, null, null, at);
                }
                return 0;
            });
        }
        // Three people speak for each state, so "contacts of State 3" takes in theirs.
        for (var i = 0; i < people.Count; i++)
            log.Record(new RoleData(people[i], states[i / 3], Roles[i % 3], new EventDate(new DateOnly(2023, 1, 1), DatePrecision.Day), null), null,
                new Provenance(new SourceRef("Reuters"), Confidence.Confirmed), author, null);
    }

    private static readonly string[] Roles = ["President", "Foreign Minister", "Chief of Staff"];

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, 8 + random.Next(10)).Select(_ => Words[random.Next(Words.Length)]));

    private static readonly string[] First = ["Anna", "Boris", "Claire", "David", "Elena", "Farid", "Greta", "Hans", "Ines", "Jonas"];
    private static readonly string[] Last = ["Adler", "Berg", "Costa", "Dumas", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen", "Kowalski", "Laine", "Moreau", "Novak", "Olsen"];
    private static readonly string[] Topics = ["Duration", "Scope", "Monitoring", "Guarantees", "Prisoners", "Energy", "Sea lanes", "Sanctions"];
    private static readonly string[] Words =
    [
        "talks", "envoys", "agreed", "discussed", "security", "guarantees", "energy", "infrastructure", "attacks", "truce", "sea", "air",
        "prisoners", "exchange", "monitoring", "mission", "sanctions", "relief", "grain", "corridor", "summit", "leaders", "phone", "call",
        "military", "aid", "package", "delivery", "drones", "artillery", "reconstruction", "fund", "loan", "frontline", "withdrawal",
    ];
}
