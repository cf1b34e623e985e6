using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Past views pick each fact's version from every revision's times kept in memory (RevisionTimes). A serving instance keeps
/// them across answers while another instance writes: after each write its past answers must be those of an instance that
/// has just opened the file and read every time afresh. The answer cache is off, so every answer is composed again.
/// </summary>
public class RevisionTimesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _time = new(TestBot.Start);
    private readonly TestBot _serving;
    private readonly TestBot _script;

    private static readonly string[] PastQuestions =
    [
        "/terms proposal:P1 on:2025-03-07", "/terms proposal:P1 on:2025-03-12", "/terms proposal:P1 as_of:2025-03-11",
        "/terms proposal:P1 as_of:2025-03-12 on:2025-03-08", "/terms as_of:2025-03-13", "/briefing on:2025-03-12 since:2025-03-01",
        "/briefing as_of:2025-03-12 since:2025-03-01", "/contacts on:2025-03-12", "/aid on:2025-03-12", "/statements about:P1 on:2025-03-12",
    ];

    public RevisionTimesTests()
    {
        _serving = new TestBot(folder: _folder, time: _time, configure: NoAnswerCache);
        _script = new TestBot(folder: _folder, time: _time, configure: NoAnswerCache);
    }

    private static void NoAnswerCache(IServiceCollection services) => services.Configure<KnowledgeOptions>(o => o.AnswerCacheMegabytes = 0);

    public void Dispose()
    {
        _serving.Dispose();
        _script.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void After_each_write_by_another_instance_past_answers_are_those_of_an_instance_reading_the_file_afresh()
    {
        string[] writes =
        [
            // An edit dated back before the day asked, one dated ahead, a late entry, a retraction, undos of both kinds.
            "/update term id:T1 status:agreed source:AFP effective:2025-03-08",
            "/update term id:T2 text:\"Air, sea and energy.\" source:Reuters effective:2025-03-13",
            "/update term proposal:P1 topic:Prisoners text:\"An all-for-all exchange.\" status:proposed source:Reuters effective:2025-03-07",
            "/update contact kind:call people:\"Emmanuel Macron, Volodymyr Zelenskyy\" date:2025-03-09 summary:\"Truce talks\" source:Reuters",
            "/update retract id:T3 reason:\"Misreported\"",
            "/update undo",
            "/update term id:T4 status:disputed source:AFP effective:2025-03-09",
            "/update undo",
        ];
        foreach (var question in PastQuestions) _serving.Ask(question);
        for (var day = 0; day < writes.Length; day++)
        {
            // Each write a day later, so the as-of views fall on both sides of it.
            _time.SetUtcNow(TestBot.Start.AddDays(day));
            _script.Moderate(writes[day]);
            using var fresh = new TestBot(folder: _folder, time: _time, configure: NoAnswerCache);
            foreach (var question in PastQuestions)
                Assert.Equal(TestBot.Text(fresh.Ask(question)), TestBot.Text(_serving.Ask(question)));
        }

        // And the answers moved as the story says, not merely alike: T1 agreed from 8 March, T3 back after the undo.
        var world = TestBot.Text(_serving.Ask("/terms proposal:P1 on:2025-03-12"));
        Assert.Contains("T1 Duration: A partial truce lasting one month. (agreed)", world);
        Assert.Contains("T3 Energy infrastructure:", world);
        Assert.Contains("T4 Ground combat: Ground combat is excluded from the truce. (proposed)", world);
        Assert.Contains("T1 Duration: A partial truce lasting one month. (proposed)",
            TestBot.Text(_serving.Ask("/terms proposal:P1 on:2025-03-07")));
    }

    [Fact]
    public void A_revision_recorded_by_a_clock_set_back_falls_in_the_briefing_window_of_when_it_was_recorded()
    {
        // Another instance's clock runs two days behind: its change is recorded before the one already in the file.
        _time.SetUtcNow(TestBot.Start.AddDays(3));
        _script.Moderate("/update term id:T1 status:agreed source:AFP");
        _serving.Ask("/briefing since:2025-03-12");
        using var behind = new TestBot(folder: _folder, time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Start.AddDays(1)),
            configure: NoAnswerCache);
        behind.Moderate("/update term id:T2 status:disputed source:AFP");

        // Recorded on 11 March: in a window from 11 March, not in one from 12 March, whichever instance answers.
        using var fresh = new TestBot(folder: _folder, time: _time, configure: NoAnswerCache);
        foreach (var since in new[] { "2025-03-11", "2025-03-12" })
            Assert.Equal(TestBot.Text(fresh.Ask($"/briefing since:{since}")), TestBot.Text(_serving.Ask($"/briefing since:{since}")));
        Assert.Contains("T2 Changed term: Scope:", TestBot.Text(_serving.Ask("/briefing since:2025-03-11")));
        var fromTwelfth = TestBot.Text(_serving.Ask("/briefing since:2025-03-12"));
        Assert.DoesNotContain("T2 Changed term", fromTwelfth);
        Assert.Contains("T1 Changed term: Duration:", fromTwelfth);
    }

    [Fact]
    public void Within_one_reading_lookups_read_the_revisions_as_they_stood_at_its_first_and_after_it_as_they_stand()
    {
        var database = _serving.Get<KnowledgeDatabase>();
        var t1 = _serving.Get<FactQueries>().Get(new FactCode(FactKind.Term, 1))!;
        long Version()
        {
            using var connection = database.Open();
            return database.Times.Versions(connection, [t1.Current.FactId], TimeView.Now).Single();
        }
        var before = Version();
        using (database.Times.OneReading())
        {
            Assert.Equal(before, Version());
            _script.Moderate("/update term id:T1 status:agreed source:AFP");
            // As a briefing composed of ten lookups sees it: one moment, the one it began at.
            Assert.Equal(before, Version());
        }
        Assert.NotEqual(before, Version());
        Assert.Contains("T1 Duration: A partial truce lasting one month. (agreed)", TestBot.Text(_serving.Ask("/briefing on:2025-03-12 since:2025-03-01")));
    }

    [Fact]
    public void Within_one_reading_every_read_sees_the_file_as_it_was_at_the_first_whoever_writes_meanwhile()
    {
        var queries = _serving.Get<FactQueries>();
        var p1 = queries.Get(new FactCode(FactKind.Proposal, 1))!.Current.FactId;
        string Terms() => string.Join("; ", queries.Terms(p1).Select(t => t.Data.Kind.Describe(t.Data, id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        int Contacts() => queries.Contacts(new ContactFilter(), 50).Items.Count;
        var (terms, contacts) = (Terms(), Contacts());
        using (queries.OneReading())
        {
            Assert.Equal(terms, Terms());
            _script.Moderate("/update term id:T1 status:agreed source:AFP");
            _script.Moderate("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-09 summary:\"Phone call\" source:AFP");
            // As a briefing's ten reads see the file: one moment, the one it began at, not half before a write and half after.
            Assert.Equal(terms, Terms());
            Assert.Equal(contacts, Contacts());
        }
        Assert.Contains("(agreed)", Terms());
        Assert.Equal(contacts + 1, Contacts());
        // The moment's connection went back to the pool in good order: writes and answers go on as before.
        _serving.Moderate("/update term id:T1 status:disputed source:TASS");
        Assert.Contains("(disputed)", Terms());
    }

    [Fact]
    public void An_actor_added_while_an_answer_reads_one_moment_is_known_at_the_next_answer()
    {
        var queries = _serving.Get<FactQueries>();
        var p1 = queries.Get(new FactCode(FactKind.Proposal, 1))!.Current.FactId;
        using (queries.OneReading())
        {
            Assert.NotEmpty(queries.Terms(p1));
            _script.Moderate("/update actor name:\"Kaja Kallas\" kind:person aliases:Kallas");
            // What a briefing does once it has begun: the directory catches up with the file, not with the moment's view of it.
            _serving.Get<ActorDirectory>().CatchUp();
        }
        Assert.DoesNotContain("No one called", TestBot.Text(_serving.Ask("/contacts person:Kallas")));
    }

    [Fact]
    public void A_migration_committed_while_an_answer_reads_one_moment_is_not_undone_by_that_answer()
    {
        Assert.Contains("T1 Duration:", TestBot.Text(_serving.Ask("/terms proposal:P1 on:2025-03-07")));
        var queries = _serving.Get<FactQueries>();
        var p1 = queries.Get(new FactCode(FactKind.Proposal, 1))!.Current.FactId;
        var onThe7th = new TimeView(On: EventDate.Day(new DateOnly(2025, 3, 7)));
        using (queries.OneReading())
        {
            Assert.NotEmpty(queries.Terms(p1));
            OlderSchema.RewriteRevisions(_serving.DatabasePath, "UPDATE revisions SET effective_on = '2025-03-09' WHERE fact_id = (SELECT id FROM facts WHERE kind = 'term' AND number = 1)");
            // Another request sees the migration and empties what is kept; this answer's own lookups go on after it.
            _ = _serving.Get<KnowledgeDatabase>().Version;
            queries.TermsAt(p1, onThe7th);
        }
        var terms = TestBot.Text(_serving.Ask("/terms proposal:P1 on:2025-03-07"));
        Assert.DoesNotContain("T1 Duration:", terms);
        Assert.Contains("T2 Scope:", terms);
    }

    [Fact]
    public async Task A_revision_another_request_has_read_since_an_answer_began_is_not_lost_from_that_answer()
    {
        var queries = _serving.Get<FactQueries>();
        var p1 = queries.Get(new FactCode(FactKind.Proposal, 1))!.Current.FactId;
        using (queries.OneReading())
        {
            Assert.NotEmpty(queries.Terms(p1));
            _script.Moderate("/update term id:T1 status:agreed source:AFP");
            // Another request, outside this answer's moment, catches every revision's times up with the new revision (without
            // reading the revision itself, as a lookup of some other fact does).
            Task other;
            using (ExecutionContext.SuppressFlow())
                other = Task.Run(() =>
                {
                    var database = _serving.Get<KnowledgeDatabase>();
                    using var connection = database.Open();
                    database.Times.Versions(connection, [], TimeView.Now);
                });
            await other;
            var known = queries.Terms(p1, _time.GetUtcNow());
            Assert.Contains(known, t => t.Code == new FactCode(FactKind.Term, 1));
        }
    }

    [Fact]
    public void A_migration_another_process_runs_that_rewrites_when_revisions_took_effect_is_read_at_the_next_answer()
    {
        Assert.Contains("T1 Duration:", TestBot.Text(_serving.Ask("/terms proposal:P1 on:2025-03-07")));

        // What a newer build's migration may do (0009 did): rewrite stored rows under a serving instance.
        OlderSchema.RewriteRevisions(_serving.DatabasePath, "UPDATE revisions SET effective_on = '2025-03-09' WHERE fact_id = (SELECT id FROM facts WHERE kind = 'term' AND number = 1)");

        var terms = TestBot.Text(_serving.Ask("/terms proposal:P1 on:2025-03-07"));
        Assert.DoesNotContain("T1 Duration:", terms);
        Assert.Contains("T2 Scope:", terms);
    }
}
