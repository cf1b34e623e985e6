using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// The steps every test of a migration that fills something at start-up takes: a file is made by the current code, taken
/// back to the release before by undoing what the migration added, and opened again by the current code, which must
/// bring it to the latest version, fill the same rows, answer every question as before and leave no marker behind.
/// </summary>
internal static class UpgradeInPlace
{
    /// <param name="make">Records the facts through a moderator's commands; the bot's clock is where it leaves it.</param>
    /// <param name="undo">SQL taking the made file back to the older version (it ends by setting <c>user_version</c>).</param>
    /// <param name="rowsSql">Counts the rows the migration's fill must rebuild.</param>
    /// <param name="marker">The settings key the migration sets for the start-up's fill.</param>
    /// <param name="before">Checks on the answers before the upgrade, so the test cannot pass on answers that show nothing.</param>
    public static void Check(Action<TestBot> make, string undo, IReadOnlyList<string> questions, string rowsSql, string marker,
        Action<List<string>> before)
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        List<string> answers;
        long rows;
        DateTimeOffset at;
        using (var made = new TestBot(folder: folder))
        {
            make(made);
            answers = questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            before(answers);
            rows = made.Count(rowsSql);
            at = made.Time.GetUtcNow();
        }
        SqliteConnection.ClearAllPools();
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, "knowledge.db")};Pooling=False"))
        {
            old.Open();
            OlderSchema.Run(old, OlderSchema.TakeBackLaterColumns + undo);
        }
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: folder))
        {
            upgraded.Time.SetUtcNow(at);
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(rows, upgraded.Count(rowsSql));
            Assert.Equal(answers, questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(0, upgraded.Count($"SELECT COUNT(*) FROM settings WHERE key = '{marker}'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
