using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 6 (statements' stance, current_links, fact_parents) upgrades a database of the schema before it in place.</summary>
public sealed class LinkUpgradeTests
{
    [Fact]
    public void A_database_of_schema_5_keeps_its_terms_as_of_any_day_and_can_then_move_them()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        var madeFolder = Path.Combine(root, "made");
        var oldFolder = Path.Combine(root, "old");
        Directory.CreateDirectory(oldFolder);
        string termsBefore;
        using (var made = new TestBot(folder: madeFolder))
        {
            made.Ask("/update term proposal:P1 topic:Prisoners text:\"All for all\" source:AFP", TestBot.Moderator());
            termsBefore = TestBot.Text(made.Ask("/terms as_of:2025-03-10"));
        }
        SqliteConnection.ClearAllPools();

        var oldPath = Path.Combine(oldFolder, "knowledge.db");
        OlderSchema.Build(oldPath, 5, Path.Combine(madeFolder, "knowledge.db"));
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: oldFolder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(8, upgraded.Count("SELECT COUNT(*) FROM fact_parents"));
            Assert.Equal(termsBefore, TestBot.Text(upgraded.Ask("/terms as_of:2025-03-10")));
            var mo = TestBot.Moderator();
            upgraded.Time.Advance(TimeSpan.FromDays(2));
            upgraded.Ask("/update proposal name:\"US ceasefire proposal\" sponsors:\"United States\" source:Reuters", mo);
            Assert.Contains("Moved from P1 to P2.", TestBot.Text(upgraded.Ask("/update term id:T8 proposal:P2 source:Reuters", mo)));
            // What was known that day still lists T8 under P1 (the footer naming other proposals is about now).
            Assert.Equal(["P1", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"], TestBot.Codes(upgraded.Ask("/terms proposal:P1 as_of:2025-03-10")));
            Assert.DoesNotContain("T8", TestBot.Codes(upgraded.Ask("/terms proposal:P1")));
            Assert.Equal(["P2", "T8"], TestBot.Codes(upgraded.Ask("/terms proposal:P2")));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
