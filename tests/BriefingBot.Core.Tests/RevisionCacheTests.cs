using BriefingBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Core.Tests;

/// <summary>
/// The revisions a process has read are kept and reused (they never change), with the answer cache off so every answer
/// below is composed from them: another instance's writes, an undo and a write rolled back must all show as the file has them.
/// </summary>
public class RevisionCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _time = new(TestBot.Start);
    private readonly TestBot _serving;
    private readonly TestBot _script;

    public RevisionCacheTests()
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
    public void A_term_changed_and_undone_by_another_instance_reads_as_the_file_has_it_each_time()
    {
        var before = TestBot.Text(_serving.Ask("/terms"));
        Assert.Contains("T1 Duration: A partial truce lasting one month.", before);

        Assert.StartsWith("Updated T1.", _script.Ask("/update term id:T1 text:\"Thirty days.\" source:AFP", TestBot.Moderator()).Title);
        var changed = TestBot.Text(_serving.Ask("/terms"));
        Assert.Contains("T1 Duration: Thirty days.", changed);
        Assert.DoesNotContain("A partial truce lasting one month.", changed);

        _script.Ask("/update undo", TestBot.Moderator());
        Assert.Equal(before, TestBot.Text(_serving.Ask("/terms")));
        var history = TestBot.Text(_serving.Ask("/history T1"));
        Assert.Contains("Thirty days.", history);
        Assert.Contains("Restored by undo", history);
    }

    [Fact]
    public void A_revision_read_inside_a_write_that_is_rolled_back_never_answers_for_the_one_committed_in_its_place()
    {
        var database = _serving.Get<KnowledgeDatabase>();
        var log = _serving.Get<FactLog>();
        var t1 = _serving.Get<FactQueries>().Get(new FactCode(FactKind.Term, 1))!;
        var abandoned = (TermData)t1.Data with { Text = "Words that were never committed." };
        long abandonedId = 0;
        Assert.Throws<InvalidOperationException>(() => database.Write<int>((connection, tx) =>
        {
            abandonedId = log.Append(connection, tx, t1.Current.FactId, RevisionAction.Change, false, abandoned, t1.Current.Provenance,
                new ChangeAuthor("test", "mo", "mo"), null, null, _time.GetUtcNow());
            Assert.Contains(RevisionRows.Query(connection, "WHERE r.id = $id", tx, ("$id", abandonedId)), r => r.Data == abandoned);
            throw new InvalidOperationException("the moderator's command failed after reading its own revision");
        }));

        // The next revision takes the same id in the file; the answers must show what was committed.
        _script.Ask("/update term id:T1 text:\"Thirty days.\" source:AFP", TestBot.Moderator());
        Assert.Equal(abandonedId, _serving.Count("SELECT MAX(id) FROM revisions"));
        var terms = TestBot.Text(_serving.Ask("/terms"));
        Assert.Contains("T1 Duration: Thirty days.", terms);
        Assert.DoesNotContain("never committed", terms + TestBot.Text(_serving.Ask("/history T1")));
    }

    [Fact]
    public void A_migration_another_process_runs_that_rewrites_stored_revisions_is_read_at_the_next_answer()
    {
        Assert.Contains("T1 Duration: A partial truce lasting one month.", TestBot.Text(_serving.Ask("/terms")));

        // What a newer build's migration may do (0009 did): rewrite stored rows under a serving instance.
        OlderSchema.RewriteRevisions(_serving.DatabasePath, "UPDATE revisions SET payload = replace(payload, 'A partial truce lasting one month.', 'One month, as a migration rewrote it.')");

        var terms = TestBot.Text(_serving.Ask("/terms"));
        Assert.Contains("T1 Duration: One month, as a migration rewrote it.", terms);
        Assert.DoesNotContain("A partial truce lasting one month.", terms);
    }

    [Fact]
    public void Answers_are_the_same_with_revisions_kept_or_read_from_the_file_every_time()
    {
        using var reading = new TestBot(folder: _folder, time: _time, configure: s =>
        {
            NoAnswerCache(s);
            s.Configure<StorageOptions>(o => o.RevisionCacheSize = 0);
        });
        _script.Ask("/update contact kind:call people:\"Emmanuel Macron, Volodymyr Zelenskyy\" date:2025-03-09 summary:\"Talks on the truce\" source:Reuters",
            TestBot.Moderator());
        _script.Ask("/update term id:T2 status:disputed source:AFP", TestBot.Moderator());
        foreach (var question in new[] { "/terms", "/contacts", "/aid", "/briefing", "/changes since:2025-03-01", "/history T2", "/search truce",
                     "/terms as_of:2025-03-09", "/contacts on:2025-03-09", "/terms on:2025-03-09", "/aid on:2025-03-09", "/aid as_of:2025-03-09",
                     "/briefing on:2025-03-09", "/briefing as_of:2025-03-09", "/statements", "/who Macron", "/contacts person:France" })
        {
            _serving.Ask(question);
            Assert.Equal(TestBot.Text(reading.Ask(question)), TestBot.Text(_serving.Ask(question)));
        }
    }
}
