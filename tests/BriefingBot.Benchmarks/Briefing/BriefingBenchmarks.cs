using BenchmarkDotNet.Attributes;
using BriefingBot.Benchmarks.Core;
using BriefingBot.Briefing;
using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Briefing;

/// <summary>
/// The daily briefing over a year of history (365 days × 50 changes a day: new contacts, changed terms, aid status
/// changes, retractions). Targets: composing under 50 ms; the contact picture for 200 contacts under 100 ms.
/// </summary>
[MemoryDiagnoser]
public class BriefingBenchmarks
{
    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private ServiceProvider _services = null!;
    private BriefingComposer _composer = null!;
    private ContactGraph _graph = null!;
    private List<ContactData> _contacts200 = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        // Named after the schema it was built at (migration 0017), like the generated store: a build of another schema never
        // upgrades it under this one (v1 was upgraded in place by every branch that ran these).
        var path = Path.Combine(Path.GetTempPath(), "briefingbot-bench", "year-of-history-v2-m18.db");
        var build = !File.Exists(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _services = GeneratedStore.Open(path);
        _services.GetRequiredService<KnowledgeStartup>().Start(seed: false);
        if (build) Build();
        _composer = _services.GetRequiredService<BriefingComposer>();
        _graph = _services.GetRequiredService<ContactGraph>();
        _now = YearStart.AddDays(365).AddHours(8);
        _contacts200 = _services.GetRequiredService<FactQueries>().Contacts(new ContactFilter(), 200).Items.Select(c => (ContactData)c.Data).ToList();
        if (_contacts200.Count != 200) throw new InvalidOperationException($"expected 200 contacts, found {_contacts200.Count}");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark] public object DailyBriefing() => _composer.Compose(_now.AddDays(-1), _now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    [Benchmark] public object BriefingCoveringTheYear() => _composer.Compose(YearStart, _now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    [Benchmark] public byte[] ContactPictureOf200() => _graph.Render(_contacts200, "Who spoke to whom");

    private void Build()
    {
        var actors = _services.GetRequiredService<ActorDirectory>();
        var log = _services.GetRequiredService<FactLog>();
        var database = _services.GetRequiredService<KnowledgeDatabase>();
        var author = new ChangeAuthor("bench", "mod", "Moderator");
        var people = Enumerable.Range(0, 60).Select(i => actors.Add($"Leader {i}", i % 3 == 0 ? ActorKind.State : ActorKind.Person, [], author).Id).ToList();
        var random = new Random(365);
        var terms = new List<long>();
        var aid = new List<long>();
        var contacts = new List<long>();
        database.Write((connection, tx) =>
        {
            var proposal = FactLog.NewFact(connection, tx, FactKind.Proposal, null);
            var cite = new Provenance(new SourceRef("Reuters", null, DateOnly.FromDateTime(YearStart.UtcDateTime)), Confidence.Reported);
            log.Append(connection, tx, proposal, RevisionAction.Create, false, new ProposalData("Year plan", ProposalStatus.UnderDiscussion, [people[0], people[3]], "A plan"), cite, author, null, null, YearStart);
            for (var t = 0; t < 40; t++)
            {
                var id = FactLog.NewFact(connection, tx, FactKind.Term, proposal);
                log.Append(connection, tx, id, RevisionAction.Create, false, new TermData(proposal, $"Topic {t}", $"Wording {t}", TermStatus.Proposed), cite, author, null, null, YearStart);
                terms.Add(id);
            }
            for (var a = 0; a < 30; a++)
            {
                var id = FactLog.NewFact(connection, tx, FactKind.Aid, null);
                log.Append(connection, tx, id, RevisionAction.Create, false, new AidData(people[a % 20 * 3], people[(a + 1) % 20 * 3], (AidCategory)(a % 4), AidStatus.Active, null, null, null), cite, author, null, null, YearStart);
                aid.Add(id);
            }
            for (var day = 0; day < 365; day++)
                for (var n = 0; n < 50; n++)
                {
                    var at = YearStart.AddDays(day).AddMinutes(10 + n * 25);
                    var source = new Provenance(new SourceRef(n % 2 == 0 ? "AFP" : "AP", null, DateOnly.FromDateTime(at.UtcDateTime)), (Confidence)(n % 3));
                    if (n < 20)
                    {
                        var id = FactLog.NewFact(connection, tx, FactKind.Contact, null);
                        var who = new List<long> { people[random.Next(60)], people[random.Next(60)] }.Distinct().ToList();
                        if (who.Count < 2) who.Add(people.First(p => p != who[0]));
                        log.Append(connection, tx, id, RevisionAction.Create, false, new ContactData((ContactKind)random.Next(5), who,
                            new EventDate(DateOnly.FromDateTime(at.UtcDateTime), DatePrecision.Day), false, "Geneva", $"Talks on day {day}", "calm"), source, author, null, null, at);
                        contacts.Add(id);
                    }
                    else if (n < 35)
                    {
                        var id = terms[random.Next(terms.Count)];
                        log.Append(connection, tx, id, RevisionAction.Change, false, new TermData(proposal, "Topic", $"Wording of day {day} #{n}", TermStatus.Proposed), source, author, "new wording", null, at);
                    }
                    else if (n < 45)
                    {
                        var id = aid[random.Next(aid.Count)];
                        log.Append(connection, tx, id, RevisionAction.Change, false, new AidData(people[0], people[3], AidCategory.Military, (AidStatus)random.Next(6),
                            new EventDate(DateOnly.FromDateTime(at.UtcDateTime), DatePrecision.Day), null, null), source, author, "status", null, at);
                    }
                    else
                    {
                        var id = contacts[random.Next(contacts.Count)];
                        var last = FactLog.Standing(connection, tx, new FactCode(FactKind.Contact, (int)NumberOf(connection, tx, id)))!;
                        log.Append(connection, tx, id, last.Retracted ? RevisionAction.Change : RevisionAction.Retract, !last.Retracted, last.Data, last.Provenance, author, "wrong", null, at);
                    }
                }
            return 0;
        });

        static long NumberOf(LeasedConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, long factId)
        {
            var command = connection.Statement("SELECT number FROM facts WHERE id = $id", tx);
            command.Parameters.AddWithValue("$id", factId);
            return (long)command.ExecuteScalar()!;
        }
    }
}
