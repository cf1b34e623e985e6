using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 13 (the outlets each fact cites) upgrades a version-12 database in place.</summary>
public sealed class OutletUpgradeTests
{
    private static readonly string[] Questions =
        ["/search source:TASS", "/search source:Reuters", "/search ceasefire source:TASS", "/search source:kremlin"];

    [Fact]
    public void A_version_12_database_finds_facts_by_the_outlets_they_cited_before_the_upgrade()
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        List<string> answersBefore;
        long rows;
        using (var made = new TestBot(folder: folder))
        {
            var mo = TestBot.Moderator();
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update statement people:Russia date:2025-03-13 text:\"A ceasefire with conditions\" source:TASS", mo);
            made.Ask("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-17 summary:\"A ceasefire call\" source:Reuters", mo);
            made.Ask("/sources add id:C7 source:TASS stance:disputes", mo);
            made.Ask("/sources add id:C7 source:\"Kremlin readout\"", mo);
            made.Ask("/update statement people:Russia date:2025-03-14 text:\"A ceasefire claim\" source:TASS", mo);
            made.Ask("/update retract id:S2 reason:\"No such claim\"", mo);
            answersBefore = Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            Assert.Contains("C7", answersBefore[0]);
            Assert.Contains("1 retracted fact also cited TASS", answersBefore[0]);
            rows = made.Count("SELECT COUNT(*) FROM current_sources");
        }
        SqliteConnection.ClearAllPools();
        // The file as the release before left it: everything else the same, without the outlets or their migration.
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, "knowledge.db")};Pooling=False"))
        {
            old.Open();
            OlderSchema.Run(old, "DROP TABLE current_sources; PRAGMA user_version = 12;");
        }
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: folder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(rows, upgraded.Count("SELECT COUNT(*) FROM current_sources"));
            upgraded.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            Assert.Equal(answersBefore, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(0, upgraded.Count("SELECT COUNT(*) FROM settings WHERE key = 'reproject_needed'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
