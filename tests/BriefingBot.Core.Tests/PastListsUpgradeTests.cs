using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 11 (every list a contact or statement has been in) upgrades a version-10 database in place.</summary>
public sealed class PastListsUpgradeTests
{
    private static readonly string[] Questions =
    [
        "/contacts person:Starmer as_of:2025-03-12", "/contacts person:Zelensky as_of:2025-03-15", "/contacts as_of:2025-03-12",
        "/contacts place:Geneva as_of:2025-03-12", "/statements as_of:2025-03-12", "/contacts on:2025-03-09",
    ];

    [Fact]
    public void A_version_10_database_lists_contacts_retracted_or_changed_before_the_upgrade_as_they_were()
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        List<string> answersBefore;
        long rows;
        using (var made = new TestBot(folder: folder))
        {
            var mo = TestBot.Moderator();
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-08 place:Geneva summary:\"Geneva channel\" source:Reuters", mo);
            made.Ask("/update statement people:Russia date:2025-03-09 text:\"A claim\" source:TASS", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update contact id:C7 people:\"Macron, Zelensky\" source:AFP", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update retract id:C7 reason:\"No such call\"", mo);
            made.Ask("/update retract id:S1 reason:\"No such claim\"", mo);
            answersBefore = Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            Assert.Contains("C7", answersBefore[0]);
            Assert.Contains("S1", answersBefore[4]);
            rows = made.Count("SELECT COUNT(*) FROM past_lists");
        }
        SqliteConnection.ClearAllPools();
        // The file as the release before left it: everything else the same, without the lists or their migration (nor
        // what later migrations added).
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, "knowledge.db")};Pooling=False"))
        {
            old.Open();
            OlderSchema.Run(old, "DROP TABLE past_lists; DROP INDEX current_moves; PRAGMA user_version = 10;");
        }
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: folder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(rows, upgraded.Count("SELECT COUNT(*) FROM past_lists"));
            Assert.Equal(answersBefore, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(0, upgraded.Count("SELECT COUNT(*) FROM settings WHERE key = 'past_lists_needed'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
