using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

public class StoreTests
{
    [Fact]
    public void A_new_database_gets_every_migration_in_WAL_mode_with_foreign_keys()
    {
        using var bot = new TestBot(seed: false);
        Assert.Equal(MigrationRunner.LatestVersion, bot.Count("PRAGMA user_version"));
        Assert.True(MigrationRunner.LatestVersion >= 1);
        using var connection = bot.Get<KnowledgeDatabase>().Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, cmd.ExecuteScalar());
        Assert.Equal(0, bot.Get<KnowledgeDatabase>().Initialise());
    }

    [Fact]
    public void An_older_database_is_upgraded_in_place_and_keeps_its_knowledge()
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "knowledge.db");
        using (var old = new SqliteConnection($"Data Source={path}"))
        {
            old.Open();
            Assert.Equal(3, MigrationRunner.Apply(old, upTo: 3));
            using var cmd = old.CreateCommand();
            // A contact as version 3 stored it: its participants had no kind beside them.
            cmd.CommandText = """
                INSERT INTO facts (id, kind, number) VALUES (1, 'contact', 1);
                INSERT INTO sources (id, outlet) VALUES (1, 'AFP');
                INSERT INTO revisions (id, fact_id, action, retracted, payload, source_id, confidence, recorded_at, recorded_by, recorded_by_name)
                VALUES (1, 1, 'create', 0, '{"$kind":"contact","type":"summit","participantIds":[1,2],"planned":false,"summary":"Talks"}', 1,
                        'reported', '2025-03-07T10:00:00.0000000Z', 'test:mo', 'mo');
                INSERT INTO current_facts (fact_id, kind, revision_id, live, sort_on, contact_kind) VALUES (1, 'contact', 1, 1, '2025-03-07', 'summit');
                INSERT INTO current_participants (actor_id, sort_on, fact_id) VALUES (1, '2025-03-07', 1), (2, '2025-03-07', 1);
                """;
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        using var bot = new TestBot(seed: false, folder: folder);
        Assert.Equal(MigrationRunner.LatestVersion, bot.Count("PRAGMA user_version"));
        Assert.Equal(2, bot.Count("SELECT COUNT(*) FROM current_participants WHERE contact_kind = 'summit'"));
        Assert.Equal(1, bot.Count("SELECT COUNT(*) FROM revisions"));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Seeding_adds_the_report_once_and_never_again()
    {
        // Both bots share the folder, as two runs of the program share data/.
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        using (var bot = new TestBot(folder: folder))
        {
            Assert.Equal(1, bot.Count("SELECT COUNT(*) FROM facts WHERE kind = 'proposal'"));
            Assert.Equal(7, bot.Count("SELECT COUNT(*) FROM facts WHERE kind = 'term'"));
            Assert.Equal(6, bot.Count("SELECT COUNT(*) FROM facts WHERE kind = 'contact'"));
            Assert.Equal(1, bot.Count("SELECT COUNT(*) FROM facts WHERE kind = 'aid'"));
            Assert.Equal(0, bot.Get<KnowledgeSeeder>().SeedIfNew(Path.Combine(AppContext.BaseDirectory, "config", "seed")));
            bot.Ask("/update term id:T1 text:\"Thirty days.\" source:Reuters", TestBot.Moderator());
        }
        using (var again = new TestBot(folder: folder))
        {
            Assert.Equal(7, again.Count("SELECT COUNT(*) FROM facts WHERE kind = 'term'"));
            Assert.Contains("Thirty days.", TestBot.Text(again.Ask("/terms")));
            Assert.Equal(16, again.Count("SELECT COUNT(*) FROM revisions"));
        }
    }

    [Fact]
    public void Revisions_cannot_be_changed_or_deleted()
    {
        using var bot = new TestBot();
        using var connection = bot.Get<KnowledgeDatabase>().Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE revisions SET reason = 'x' WHERE id = 1";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery()).Message);
        cmd.CommandText = "DELETE FROM revisions WHERE id = 1";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery()).Message);
    }

    [Fact]
    public void A_change_adds_a_revision_with_who_when_and_why_and_keeps_the_old_one()
    {
        using var bot = new TestBot();
        bot.Time.Advance(TimeSpan.FromHours(3));
        var reply = bot.Ask("/update term id:T1 text:\"A truce of thirty days.\" source:Reuters source_date:2025-03-09 confidence:reported reason:\"new report\"",
            TestBot.Moderator("mo"));
        Assert.Contains("Updated T1", reply.Title);
        var history = bot.Get<FactQueries>().History(new FactCode(FactKind.Term, 1));
        Assert.Equal(2, history.Count);
        Assert.Equal("A partial truce lasting one month.", ((TermData)history[0].Data).Text);
        var latest = history[1];
        Assert.Equal("A truce of thirty days.", ((TermData)latest.Data).Text);
        Assert.Equal("test:mo", latest.RecordedBy);
        Assert.Equal("new report", latest.Reason);
        Assert.Equal(bot.Time.GetUtcNow(), latest.RecordedAt);
        Assert.Equal(new DateOnly(2025, 3, 9), latest.Provenance.Source.Published);
        Assert.Equal(Confidence.Reported, latest.Provenance.Confidence);
    }

    [Fact]
    public void As_of_reads_what_was_known_at_the_end_of_that_day()
    {
        using var bot = new TestBot();
        bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        bot.Ask("/update term id:T1 text:\"Thirty days.\" source:Reuters", TestBot.Moderator());

        var before = TestBot.Text(bot.Ask("/terms as_of:2025-03-11"));
        Assert.Contains("A partial truce lasting one month.", before);
        Assert.DoesNotContain("Thirty days.", before);
        Assert.Contains("as known on 11 March 2025", before);

        var after = TestBot.Text(bot.Ask("/terms as_of:2025-03-12"));
        Assert.Contains("Thirty days.", after);

        var beforeSeed = bot.Ask("/terms as_of:2025-03-01");
        Assert.Equal("Nothing was known about any proposal on 1 March 2025.", beforeSeed.Title);
    }

    [Fact]
    public void Retracting_removes_a_fact_from_answers_and_search_but_not_from_history()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("/update retract id:C2 reason:\"wrong date\"", TestBot.Moderator());
        Assert.Equal("Retracted C2.", reply.Title);
        Assert.DoesNotContain("C2", TestBot.Codes(bot.Ask("/contacts person:Macron")));
        Assert.DoesNotContain("C2", TestBot.Codes(bot.Ask("/search Macron Trump call")));
        var history = TestBot.Text(bot.Ask("/history C2"));
        Assert.Contains("Retracted by mo", history);
        Assert.Contains("wrong date", history);
        Assert.Contains("already retracted", bot.Ask("/update retract id:C2 reason:again", TestBot.Moderator()).Title);
    }

    [Fact]
    public void Undo_takes_back_the_moderators_own_last_change_one_at_a_time()
    {
        using var bot = new TestBot();
        var mo = TestBot.Moderator("mo");
        bot.Ask("/update term id:T1 text:\"Two months.\" source:Reuters", mo);
        bot.Ask("/update term id:T1 text:\"Three months.\" source:Reuters", mo);
        bot.Ask("/update term topic:Monitoring text:\"Observers monitor the truce.\" source:\"Le Monde\"", mo);
        Assert.Contains("T8", TestBot.Codes(bot.Ask("/terms")));

        var undo = bot.Ask("/update undo", mo);
        Assert.Contains("Undid your create of T8", undo.Title);
        Assert.DoesNotContain("T8", TestBot.Codes(bot.Ask("/terms")));

        bot.Ask("/update undo", mo);
        Assert.Contains("Two months.", TestBot.Text(bot.Ask("/terms")));
        bot.Ask("/update undo", mo);
        Assert.Contains("A partial truce lasting one month.", TestBot.Text(bot.Ask("/terms")));
        Assert.Equal("You have no change left to undo.", bot.Ask("/update undo", mo).Title);
        Assert.Equal(3 + 3 + 15, bot.Count("SELECT COUNT(*) FROM revisions"));
    }

    [Fact]
    public void Undo_refuses_when_someone_else_changed_the_fact_since()
    {
        using var bot = new TestBot();
        bot.Ask("/update term id:T2 text:\"Air only.\" source:Reuters", TestBot.Moderator("mo"));
        bot.Ask("/update term id:T2 text:\"Air and sea.\" source:AFP", TestBot.Moderator("eve"));
        var reply = bot.Ask("/update undo", TestBot.Moderator("mo"));
        Assert.Equal(Replies.ReplyTone.Error, reply.Tone);
        Assert.Contains("changed after your edit by eve", reply.Title);
        Assert.Contains("Air and sea.", TestBot.Text(bot.Ask("/terms")));
    }

    [Fact]
    public void An_edit_made_from_an_old_version_is_refused_rather_than_overwriting_a_newer_one()
    {
        using var bot = new TestBot();
        var seen = bot.Get<FactQueries>().Get(new FactCode(FactKind.Term, 1))!.Current;
        bot.Ask("/update term id:T1 text:\"Two months.\" source:AFP", TestBot.Moderator("eve"));
        var e = Assert.Throws<KnowledgeException>(() => bot.Get<FactLog>().Record(((TermData)seen.Data) with { Text = "Three months." }, seen.Code,
            seen.Provenance, TestBot.Moderator("mo").Author, null, basedOn: seen.Id));
        Assert.Equal("T1 was changed by eve while you were editing it; nothing was recorded. /history T1 shows the change; try again.", e.Message);
        Assert.Contains("Two months.", TestBot.Text(bot.Ask("/terms")));
    }

    [Fact]
    public void A_retracted_proposal_is_still_readable_as_of_a_date_before_its_retraction()
    {
        using var bot = new TestBot();
        bot.Time.Advance(TimeSpan.FromDays(2));
        bot.Ask("/update retract id:P1 reason:\"superseded\"", TestBot.Moderator());
        Assert.Equal("P1 was retracted. /history P1 shows why; /terms proposal:P1 as_of:<date> shows what was known before.",
            bot.Ask("/terms proposal:P1").Title);
        Assert.Contains("T4", TestBot.Codes(bot.Ask("/terms proposal:P1 as_of:2025-03-10")));
    }

    [Fact]
    public void Undo_of_a_retraction_brings_the_fact_back()
    {
        using var bot = new TestBot();
        bot.Ask("/update retract id:A1 reason:duplicate", TestBot.Moderator());
        Assert.DoesNotContain("A1", TestBot.Codes(bot.Ask("/aid")));
        bot.Ask("/update undo", TestBot.Moderator());
        Assert.Contains("A1", TestBot.Codes(bot.Ask("/aid")));
    }

    [Fact]
    public void Export_then_import_into_a_new_file_keeps_every_revision()
    {
        using var bot = new TestBot();
        bot.Ask("/update aid donor:\"United States\" recipient:Ukraine category:military status:resumed source:Reuters", TestBot.Moderator());
        bot.Ask("/update retract id:C6 reason:\"never planned\"", TestBot.Moderator());
        var export = bot.Get<KnowledgeTransfer>().Export();

        using var copy = new TestBot(seed: false);
        using (var stream = new MemoryStream())
        {
            bot.Get<KnowledgeTransfer>().WriteExport(stream);
            stream.Position = 0;
            Assert.Equal(export.Revisions.Count, copy.Get<KnowledgeTransfer>().Import(stream));
        }
        var again = copy.Get<KnowledgeTransfer>().Export();
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(export with { ExportedAt = default }, KnowledgeJson.Options),
            System.Text.Json.JsonSerializer.Serialize(again with { ExportedAt = default }, KnowledgeJson.Options));
        Assert.Equal(TestBot.Text(bot.Ask("/aid")), TestBot.Text(copy.Ask("/aid")));
        Assert.Equal(TestBot.Text(bot.Ask("/search Washington")), TestBot.Text(copy.Ask("/search Washington")));
        Assert.Contains("resumed", TestBot.Text(copy.Ask("/aid")));

        using var stream2 = new MemoryStream();
        bot.Get<KnowledgeTransfer>().WriteExport(stream2);
        stream2.Position = 0;
        Assert.Contains("already holds knowledge", Assert.Throws<KnowledgeException>(() => copy.Get<KnowledgeTransfer>().Import(stream2)).Message);
    }

    [Fact]
    public void Import_checks_everything_before_it_writes_anything()
    {
        using var bot = new TestBot();
        using var stream = new MemoryStream();
        bot.Get<KnowledgeTransfer>().WriteExport(stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        // Point the last revision at an actor that does not exist.
        var broken = json.Replace("\"donorId\": 7", "\"donorId\": 999");
        Assert.NotEqual(json, broken);

        using var copy = new TestBot(seed: false);
        var e = Assert.Throws<KnowledgeException>(() => copy.Get<KnowledgeTransfer>().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(broken))));
        Assert.Contains("actor 999", e.Message);
        Assert.Equal(0, copy.Count("SELECT COUNT(*) FROM actors"));
        Assert.Equal(0, copy.Count("SELECT COUNT(*) FROM revisions"));
        Assert.Throws<KnowledgeException>(() => copy.Get<KnowledgeTransfer>().Import(new MemoryStream("{not json"u8.ToArray())));
        var bare = Assert.Throws<KnowledgeException>(() => copy.Get<KnowledgeTransfer>().Import(
            new MemoryStream("""{"format":"briefingbot-knowledge","version":1}"""u8.ToArray())));
        Assert.StartsWith("Nothing was imported", bare.Message);
        var twice = json.Replace("\"name\": \"France\"", "\"name\": \"Ukraine\"");
        Assert.NotEqual(json, twice);
        Assert.StartsWith("Nothing was imported", Assert.Throws<KnowledgeException>(() =>
            copy.Get<KnowledgeTransfer>().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(twice)))).Message);
        Assert.Equal(0, copy.Count("SELECT COUNT(*) FROM actors"));
    }
}
