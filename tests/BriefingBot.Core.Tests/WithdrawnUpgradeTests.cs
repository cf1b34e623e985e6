using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 9 (the words of retracted facts) upgrades a version-8 database in place: a claim retracted before is found as withdrawn.</summary>
public sealed class WithdrawnUpgradeTests
{
    private const int PreviousVersion = 8;

    private static readonly string[] Questions = ["/terms", "/contacts", "/search Macron Trump", "/changes since:2025-03-01", "/briefing since:2025-03-01"];

    [Fact]
    public void A_version_8_database_finds_a_claim_retracted_before_the_upgrade_as_withdrawn()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        var madeFolder = Path.Combine(root, "made");
        var oldFolder = Path.Combine(root, "old");
        Directory.CreateDirectory(oldFolder);
        List<string> answersBefore;
        string exportBefore;
        using (var made = new TestBot(folder: madeFolder))
        {
            made.Ask("/update retract id:C2 reason:\"wrong date\"", TestBot.Moderator());
            answersBefore = Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            exportBefore = made.ExportText();
        }
        SqliteConnection.ClearAllPools();
        OlderSchema.Build(Path.Combine(oldFolder, "knowledge.db"), PreviousVersion, Path.Combine(madeFolder, "knowledge.db"));
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: oldFolder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(answersBefore, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(exportBefore, upgraded.ExportText());
            Assert.Contains("C2 was retracted by mo on 10 March 2025 — wrong date. It said: Call between Emmanuel Macron and Donald Trump",
                TestBot.Text(upgraded.Ask("/search Macron Trump call")));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
