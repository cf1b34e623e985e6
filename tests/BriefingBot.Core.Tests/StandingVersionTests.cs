using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// What stands when a change is dated before the version that stands: a moderator filling in a backlog files history and
/// leaves what stands as it was; one who typed the wrong date puts it right, and the wrong date then counts on no day; a
/// change dated only by an older source replaces what stands rather than slipping behind it.
/// </summary>
public sealed class StandingVersionTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public StandingVersionTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public void Dispose() => _bot.Dispose();

    private void At(int march, int year = 2025) => _bot.Time.SetUtcNow(new DateTimeOffset(year, 3, march, 10, 0, 0, TimeSpan.Zero));

    private string Mod(string command) => _bot.ModerateAloud(command, _output);

    private string Ask(string command) => _bot.AskAloud(command, _output);

    // T8's line in /terms (with the options given), its status; "-" when the answer has no T8.
    private string Status(string options = "")
    {
        var reply = _bot.Ask("/terms proposal:P1" + options);
        var line = reply.Sections.SelectMany(s => s.Lines).FirstOrDefault(l => l.Provenance?.Code.ToString() == "T8");
        if (line is null) return "-";
        var open = line.Text.LastIndexOf('(');
        return line.Text[(open + 1)..line.Text.LastIndexOf(')')];
    }

    [Fact]
    public void A_late_entry_dated_before_what_stands_fills_in_history_and_leaves_now_as_it_was()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(30);
        var filed = Mod("/update term id:T8 status:proposed source:AFP source_date:2025-03-12 effective:2025-03-12");
        Assert.Contains("Filed T8's earlier state.", filed);
        Assert.Contains("Filed as history: it took effect on 12 March 2025, before the version that stands (in effect from 13 March 2025)", filed);

        // Now is the world today, and every question of time agrees with it.
        Assert.Equal("disputed", Status());
        Assert.Equal("disputed", Status(" on:2025-03-30"));
        Assert.Equal("disputed", Status(" as_of:2025-03-30"));
        Assert.Equal("proposed", Status(" on:2025-03-12"));
        Assert.Equal("disputed", Status(" on:2025-03-13"));
        // Before the late entry was recorded, nothing said how T8 stood on the 12th.
        Assert.Equal("-", Status(" as_of:2025-03-29 on:2025-03-12"));
        Assert.Equal("proposed", Status(" as_of:2025-03-30 on:2025-03-12"));

        // The log says what the entry did; the briefing announces no change of what stands.
        Assert.Contains("Filed how a term stood earlier: Monitoring: Observers monitor the truce. (proposed) (in effect from 12 March 2025, " +
                        "before the version in effect from 13 March 2025, which it left standing)", Ask("/changes since:2025-03-29"));
        var briefing = Ask("/briefing since:2025-03-29");
        Assert.DoesNotContain("now proposed", briefing);
        Assert.Contains("Nothing that stands changed.", briefing);
        Assert.Contains("History filed since 29 March 2025", briefing);
        Assert.Contains("T8 Filed how a term stood earlier: Monitoring: Observers monitor the truce. (proposed) (in effect from 12 March 2025", briefing);
        Assert.Contains("1. Recorded by mo on 13 March 2025: Monitoring: Observers monitor the truce. (disputed) — this version stands", Ask("/history T8"));

        // An edit starts from what stands, not from the late entry: it keeps "disputed".
        Mod("/update term id:T8 text:\"OSCE observers monitor the truce.\" source:Reuters");
        Assert.Equal("disputed", Status());
        Assert.Contains("OSCE observers monitor the truce. (disputed)", Ask("/terms proposal:P1"));
        Assert.Equal("proposed", Status(" on:2025-03-12"));
    }

    [Fact]
    public void A_briefing_files_only_late_entries_as_history_not_changes_replaced_later()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:proposed source:Reuters effective:2025-03-13");
        At(20);
        Mod("/update term id:T8 status:disputed source:Reuters effective:2025-03-18");
        Mod("/update term id:T8 status:agreed source:AFP effective:2025-03-20");
        var briefing = Ask("/briefing since:2025-03-19");
        Assert.Contains("was proposed, now agreed", briefing);
        Assert.DoesNotContain("History filed", briefing);
        // Undone, a late entry files nothing.
        Mod("/update term id:T8 status:dropped source:AFP effective:2025-03-15");
        Assert.Contains("History filed", Ask("/briefing since:2025-03-19"));
        _bot.Ask("/update undo", TestBot.Moderator());
        Assert.DoesNotContain("History filed", Ask("/briefing since:2025-03-19"));
    }

    [Fact]
    public void A_version_corrected_the_fix_undone_and_corrected_again_reads_each_day_as_known_then()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-07");
        At(14);
        Mod("/update term id:T8 source:Reuters effective:2025-03-12");
        Assert.Equal("-", Status(" as_of:2025-03-14 on:2025-03-10"));
        At(15);
        _bot.Ask("/update undo", TestBot.Moderator());
        Assert.Equal("disputed", Status(" as_of:2025-03-15 on:2025-03-10"));
        At(16);
        Mod("/update term id:T8 source:Reuters effective:2025-03-11");
        // What was known on the 14th does not change because of what was recorded on the 16th.
        Assert.Equal("-", Status(" as_of:2025-03-14 on:2025-03-10"));
        Assert.Equal("disputed", Status(" as_of:2025-03-15 on:2025-03-10"));
        Assert.Equal("-", Status(" on:2025-03-10"));
        Assert.Equal("disputed", Status(" on:2025-03-11"));
    }

    [Fact]
    public void A_fact_restored_in_the_window_names_who_restored_it_though_history_was_filed_after()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(20);
        _bot.Ask("/update retract id:T8 reason:misreported", TestBot.Moderator("olena"));
        At(22);
        _bot.Ask("/update undo", TestBot.Moderator("olena"));
        Mod("/update term id:T8 status:proposed source:AFP effective:2025-03-12");
        var briefing = Ask("/briefing since:2025-03-21");
        Assert.Contains("Restored term: Monitoring: Observers monitor the truce. (disputed) (by olena on 22 March 2025)", briefing);
        Assert.Contains("History filed", briefing);
    }

    [Fact]
    public void An_undone_late_entry_leaves_no_trace_in_the_world()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(30);
        Mod("/update term id:T8 status:proposed source:AFP effective:2025-03-12");
        Assert.Equal("proposed", Status(" on:2025-03-12"));
        Assert.Contains("Undid your change of T8", _bot.Ask("/update undo", TestBot.Moderator()).Title);
        Assert.Equal("disputed", Status());
        Assert.Equal("-", Status(" on:2025-03-12"));
        Assert.Equal("disputed", Status(" on:2025-03-14"));
    }

    [Fact]
    public void A_late_entry_with_the_wrong_year_put_right_counts_on_no_day()
    {
        At(11);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:proposed source:Reuters effective:2025-03-11");
        At(14);
        // A typo: 2024 for 2025. It files history before the version that stands, and says so.
        Assert.Contains("Filed as history: it took effect on 13 March 2024",
            Mod("/update term id:T8 status:disputed source:AFP effective:2024-03-13"));
        Assert.Equal("proposed", Status());
        // Entered again with the right year: it puts the late entry's date right.
        var fixedYear = Mod("/update term id:T8 status:disputed source:AFP effective:2025-03-13");
        Assert.Contains("Put right when it took effect: 13 March 2025, not 13 March 2024.", fixedYear);
        Assert.Equal("disputed", Status());
        Assert.Equal("proposed", Status(" on:2025-03-12"));
        Assert.Equal("disputed", Status(" on:2025-03-13"));
        // No phantom: before the term was proposed (11 March) it stood nowhere, though P1 did.
        Assert.Equal("-", Status(" on:2025-03-08"));
        Assert.Contains("puts right when version 2 took effect", Ask("/history T8"));
    }

    [Fact]
    public void A_standing_version_s_date_put_right_and_the_fix_undone()
    {
        At(11);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:proposed source:Reuters effective:2025-03-11");
        At(14);
        // Entered as disputed from the 14th; it was the 12th. Put right by its date alone, it counts from the 12th only.
        Mod("/update term id:T8 status:disputed source:AFP effective:2025-03-14");
        Assert.Equal("proposed", Status(" on:2025-03-13"));
        var put = Mod("/update term id:T8 source:AFP effective:2025-03-12");
        Assert.Contains("Put right when it took effect: 12 March 2025, not 14 March 2025.", put);
        Assert.DoesNotContain("Source or confidence updated", put);
        Assert.Equal("proposed", Status(" on:2025-03-11"));
        Assert.Equal("disputed", Status(" on:2025-03-12"));
        Assert.Equal("disputed", Status(" on:2025-03-13"));
        Assert.Contains("puts right when version 2 took effect", Ask("/history T8"));

        // Undoing the fix brings the wrong date back, as it was.
        _bot.Ask("/update undo", TestBot.Moderator());
        Assert.Equal("disputed", Status());
        Assert.Equal("proposed", Status(" on:2025-03-13"));
        Assert.Equal("disputed", Status(" on:2025-03-14"));
    }

    [Fact]
    public void A_date_put_right_before_another_version_says_that_one_now_stands()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(20);
        Mod("/update term id:T8 status:agreed source:AFP effective:2025-03-20");
        var moved = Mod("/update term id:T8 source:AFP effective:2025-03-01");
        Assert.Contains("Updated T8; another version now stands.", moved);
        Assert.Contains("Put right when it took effect: 1 March 2025, not 20 March 2025. That is before the version in effect from 13 March 2025, which now stands", moved);
        Assert.Equal("disputed", Status());
        Assert.Equal("agreed", Status(" on:2025-03-12"));
    }

    [Fact]
    public void A_change_after_a_retraction_stands_alone_the_retracted_words_never_held()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(20);
        Mod("/update retract id:T8 reason:misreported");
        // Brought back with other words from an older report: they stand, from their own date; the retracted ones held on no day.
        Mod("/update term id:T8 status:proposed source:AFP source_date:2025-03-10");
        Assert.Equal("proposed", Status());
        Assert.Equal("proposed", Status(" on:2025-03-25"));
        Assert.Equal("proposed", Status(" on:2025-03-10"));
        Assert.Equal("-", Status(" on:2025-03-09"));
        Assert.Contains("T8", TestBot.Codes(_bot.Ask("/briefing since:2025-03-19")));
    }

    [Fact]
    public void A_date_put_right_after_a_source_was_added_leaves_no_phantom()
    {
        At(18);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-07");
        Mod("/sources add id:T8 source:AFP");
        Mod("/update term id:T8 source:Reuters effective:2025-03-17");
        Assert.Equal("-", Status(" on:2025-03-10"));
        Assert.Equal("disputed", Status(" on:2025-03-17"));
    }

    [Fact]
    public void Another_moderator_s_entry_with_the_same_words_does_not_put_a_late_entry_s_date_right()
    {
        At(13);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(14);
        Mod("/update term id:T8 status:proposed source:AFP effective:2025-03-12");
        At(20);
        Assert.DoesNotContain("Put right", _bot.ModerateAloud("/update term id:T8 status:proposed source:AFP effective:2025-03-20", _output, TestBot.Moderator("olena")));
        Assert.Equal("proposed", Status(" on:2025-03-12"));
        Assert.Equal("disputed", Status(" on:2025-03-13"));
        Assert.Equal("proposed", Status());
    }

    [Fact]
    public void A_late_entry_that_moves_a_term_is_in_its_new_proposal_on_its_day()
    {
        At(13);
        Mod("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters effective:2025-03-11");
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
        At(20);
        Mod("/update term id:T8 proposal:P2 source:AFP effective:2025-03-12");
        Assert.Contains("T8", TestBot.Codes(_bot.Ask("/terms proposal:P2 on:2025-03-12")));
        Assert.DoesNotContain("T8", TestBot.Codes(_bot.Ask("/terms proposal:P2")));
    }

    [Fact]
    public void A_change_dated_only_by_an_older_source_replaces_what_stands()
    {
        At(22);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:agreed source:Reuters effective:2025-03-21");
        At(23);
        var typo = Mod("/update term id:T8 text:\"Observers monitor the ceasefire.\" source:Reuters source_date:2025-03-06");
        Assert.Contains("In effect from 21 March 2025, the date of the version it replaces: a change with no date given never takes effect before it.", typo);
        Assert.Contains("Observers monitor the ceasefire. (agreed)", Ask("/terms proposal:P1"));
        Assert.Contains("Observers monitor the ceasefire. (agreed)", Ask("/terms proposal:P1 on:2025-03-21"));
        Assert.Equal("-", Status(" on:2025-03-20"));
    }

    [Fact]
    public void An_aid_stream_s_since_put_right_moves_its_start()
    {
        At(12);
        Mod("/update aid donor:\"United Kingdom\" recipient:Ukraine category:financial status:pledged since:2025-03-11 source:Reuters");
        Assert.Contains("pledged", Ask("/aid on:2025-03-11"));
        Assert.Contains("Put right when it took effect: 12 March 2025, not 11 March 2025.", Mod("/update aid id:A2 since:2025-03-12 source:Reuters"));
        Assert.DoesNotContain("A2", TestBot.Codes(_bot.Ask("/aid on:2025-03-11")));
        Assert.Contains("A2", TestBot.Codes(_bot.Ask("/aid on:2025-03-12")));
    }

    [Fact]
    public void Export_and_import_keep_a_date_put_right()
    {
        At(11);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:proposed source:Reuters effective:2025-03-11");
        At(14);
        Mod("/update term id:T8 status:disputed source:AFP effective:2024-03-13");
        Mod("/update term id:T8 status:disputed source:AFP effective:2025-03-13");
        Mod("/update term id:T8 status:agreed source:AFP effective:2025-03-10");
        var export = _bot.ExportText();
        Assert.Contains("\"version\": 4", export.Replace("\"version\":4", "\"version\": 4", StringComparison.Ordinal));
        Assert.Contains("\"correctsRevisionId\":", export);

        using var copy = new TestBot(seed: false);
        copy.Time.SetUtcNow(_bot.Time.GetUtcNow());
        copy.Get<KnowledgeTransfer>().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(export)));
        Assert.Equal(export, copy.ExportText());
        foreach (var q in new[] { "/terms proposal:P1", "/terms proposal:P1 on:2025-03-08", "/terms proposal:P1 on:2025-03-10", "/terms proposal:P1 on:2025-03-12", "/history T8" })
            Assert.Equal((q, TestBot.Text(_bot.Ask(q))), (q, TestBot.Text(copy.Ask(q))));
        Assert.Equal("disputed", Status());
        Assert.Equal("agreed", Status(" on:2025-03-10"));
    }

    [Fact]
    public void A_version_17_database_shows_what_stands_after_the_upgrade()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        var folder = Path.Combine(root, "made");
        using (var made = new TestBot(folder: folder))
        {
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 13, 10, 0, 0, TimeSpan.Zero));
            made.Moderate("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:disputed source:Reuters effective:2025-03-13");
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 30, 10, 0, 0, TimeSpan.Zero));
            made.Moderate("/update term id:T8 status:proposed source:AFP effective:2025-03-12");
        }
        SqliteConnection.ClearAllPools();
        // The release before projected the newest revision, the late entry, as what stands.
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, "knowledge.db")};Pooling=False"))
        {
            old.Open();
            OlderSchema.Run(old, OlderSchema.TakeBackLaterColumns + """
                UPDATE current_facts SET revision_id = (SELECT MAX(id) FROM revisions r WHERE r.fact_id = current_facts.fact_id);
                DELETE FROM settings WHERE key = 'reproject_needed';
                PRAGMA user_version = 17;
                """);
            Assert.Equal(1L, new SqliteCommand("""
                SELECT COUNT(*) FROM current_facts c JOIN revisions r ON r.id = c.revision_id
                WHERE json_extract(r.payload, '$.topic') = 'Monitoring' AND json_extract(r.payload, '$.status') = 'proposed'
                """, old).ExecuteScalar());
        }
        SqliteConnection.ClearAllPools();
        using (var upgraded = new TestBot(seed: false, folder: folder))
        {
            upgraded.Time.SetUtcNow(new DateTimeOffset(2025, 3, 30, 11, 0, 0, TimeSpan.Zero));
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Contains("Observers monitor the truce. (disputed)", TestBot.Text(upgraded.Ask("/terms proposal:P1")));
            Assert.Contains("Observers monitor the truce. (proposed)", TestBot.Text(upgraded.Ask("/terms proposal:P1 on:2025-03-12")));
            Assert.Equal(0, upgraded.Count("SELECT COUNT(*) FROM settings WHERE key = 'reproject_needed'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void The_projection_the_past_views_and_the_rule_agree_on_what_stands_through_a_random_month_of_edits()
    {
        var random = new Random(18);
        string[] statuses = ["proposed", "agreed", "disputed", "dropped"];
        At(10);
        Mod("/update term proposal:P1 topic:Monitoring text:\"Observers monitor the truce.\" status:proposed source:Reuters effective:2025-03-01");
        for (var step = 0; step < 60; step++)
        {
            var day = 10 + step / 3;
            _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, day, 11 + step % 3, 0, 0, TimeSpan.Zero));
            var effective = $"2025-03-{random.Next(1, day + 1):00}";
            var command = random.Next(8) switch
            {
                0 or 1 or 2 => $"/update term id:T8 status:{statuses[random.Next(4)]} source:Reuters effective:{effective}",
                3 => $"/update term id:T8 text:\"Observers, take {step}.\" source:AFP",
                4 => $"/update term id:T8 text:\"Observers, older take {step}.\" source:AFP source_date:{effective}",
                5 => "/update retract id:T8 reason:\"checking\"",
                6 => "/update undo",
                _ => $"/update term id:T8 source:Reuters effective:{effective}",
            };
            _output.WriteLine($"{step}: {command} → {_bot.Ask(command, TestBot.Moderator()).Title}");
            var now = Line("");
            Assert.Equal(now, Line($" as_of:2025-03-{day:00}"));
            Assert.Equal(now, Line(" on:2025-12-31"));
            Assert.Equal(now, Line($" on:2025-03-{day:00}"));
            Assert.Equal(now, Line($" as_of:2025-03-{day:00} on:2025-12-31"));
        }
        // A projection rebuilt by the rule holds what the writes left.
        using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        Assert.Empty(StandingVersion.All(connection, tx, onlyMisprojected: true));
    }

    // T8's words and status in /terms with the options given, or "-".
    private string Line(string options) =>
        _bot.Ask("/terms proposal:P1" + options).Sections.SelectMany(s => s.Lines).FirstOrDefault(l => l.Provenance?.Code.ToString() == "T8")?.Text ?? "-";
}
