using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 12 (proposals and aid in the past lists, and the index of their last moves) upgrades a version-11 database in place.</summary>
public sealed class ProposalListsUpgradeTests
{
    private static readonly string[] Questions =
    [
        "/terms on:2025-03-12", "/terms proposal:P1 on:2025-03-12", "/terms on:2025-03-20", "/briefing on:2025-03-20",
        "/terms as_of:2025-03-21 on:2025-03-12", "/briefing", "/aid on:2025-03-08", "/aid on:2025-03-20", "/aid as_of:2025-03-19",
    ];

    [Fact]
    public void A_version_11_database_answers_which_proposals_stood_on_a_day_as_before()
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        List<string> answersBefore;
        long rows;
        using (var made = new TestBot(folder: folder))
        {
            var mo = TestBot.Moderator();
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update proposal name:\"US 30-day ceasefire proposal\" status:proposed sponsors:\"United States\" effective:2025-03-11 source:\"Joint statement\"", mo);
            made.Ask("/update proposal name:\"Black Sea arrangement\" status:proposed sponsors:\"United States\" effective:2025-03-16 source:Reuters", mo);
            made.Ask("/update aid donor:\"United States\" recipient:Ukraine category:military status:resumed since:2025-03-12 source:Reuters", mo);
            made.Time.SetUtcNow(new DateTimeOffset(2025, 3, 21, 10, 0, 0, TimeSpan.Zero));
            made.Ask("/update retract id:P3 reason:\"Never tabled\"", mo);
            answersBefore = Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            Assert.Contains("US 30-day ceasefire proposal", answersBefore[0]);
            Assert.Contains("Terms of the US 30-day ceasefire proposal (P2) as things stood on 20 March 2025", answersBefore[2]);
            Assert.DoesNotContain("Black Sea arrangement", answersBefore[2]);
            Assert.Contains("resumed", answersBefore[7]);
            Assert.DoesNotContain("resumed", answersBefore[6]);
            rows = made.Count("SELECT COUNT(*) FROM past_lists WHERE list IN ('proposal', 'aid')");
            Assert.True(rows > 3);
        }
        SqliteConnection.ClearAllPools();
        // The file as the release before left it: no proposals in the past lists, no index of moves.
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, "knowledge.db")};Pooling=False"))
        {
            old.Open();
            OlderSchema.Run(old, "DELETE FROM past_lists WHERE list LIKE 'proposal%' OR list LIKE 'aid%'; DROP INDEX current_moves; PRAGMA user_version = 11;");
        }
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: folder))
        {
            upgraded.Time.SetUtcNow(new DateTimeOffset(2025, 3, 21, 10, 0, 0, TimeSpan.Zero));
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(rows, upgraded.Count("SELECT COUNT(*) FROM past_lists WHERE list IN ('proposal', 'aid')"));
            Assert.Equal(answersBefore, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(0, upgraded.Count("SELECT COUNT(*) FROM settings WHERE key = 'past_lists_needed'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
