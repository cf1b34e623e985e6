using System.Globalization;
using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Migration 6 upgrades a database of the previous release: capitals become place aliases, and at start-up every fact's
/// search text and place are rebuilt, so /search Washington is right at once and /contacts place: finds old contacts.
/// </summary>
public sealed class PlaceUpgradeTests
{
    private const int PreviousVersion = 5;

    [Fact]
    public void After_the_upgrade_search_reads_what_the_words_say_and_old_contacts_have_places()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        var madeFolder = Path.Combine(root, "made");
        var oldFolder = Path.Combine(root, "old");
        Directory.CreateDirectory(oldFolder);
        string whoBefore;
        using (var made = new TestBot(folder: madeFolder))
            whoBefore = TestBot.Text(made.Ask("/contacts person:Zelenskyy"));
        SqliteConnection.ClearAllPools();

        var oldPath = Path.Combine(oldFolder, "knowledge.db");
        // The previous release spelled every actor out with all its aliases, capitals included.
        OlderSchema.Build(oldPath, PreviousVersion, Path.Combine(madeFolder, "knowledge.db"), """
            SELECT rowid, body || CASE WHEN body LIKE '%United States%' THEN ' Washington' ELSE '' END
                               || CASE WHEN body LIKE '%Ukraine%' THEN ' Kyiv Kiev' ELSE '' END FROM made.fact_text
            """);
        using (var old = new SqliteConnection($"Data Source={oldPath};Pooling=False"))
        {
            old.Open();
            Assert.True(Count(old, "SELECT COUNT(*) FROM fact_text WHERE fact_text MATCH 'Washington'") > 2);
        }
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: oldFolder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(["C1", "C6"], TestBot.Codes(upgraded.Ask("/search Washington")).Order());
            Assert.Equal(["C6", "C1"], TestBot.Codes(upgraded.Ask("/contacts place:washington")));
            Assert.Equal(["Washington"], upgraded.Get<ActorDirectory>().Find("Kyiv") is { } ukraine && ukraine.Places.Contains("Kyiv")
                ? upgraded.Get<ActorDirectory>().Find("US")!.Places : []);
            Assert.Equal(whoBefore, TestBot.Text(upgraded.Ask("/contacts person:Zelenskyy")));
            Assert.Equal(0, upgraded.Count("SELECT COUNT(*) FROM settings WHERE key = 'reproject_needed'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
