using System.Text.Json;
using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 5 (facts without a CHECK on kind) upgrades a database of the previous release in place, keeping everything.</summary>
public sealed class KindUpgradeTests
{
    private const int PreviousVersion = 4;

    private static readonly string[] Questions =
    [
        "/history T1", "/history C4", "/history A1", "/terms", "/contacts", "/aid", "/search ceasefire", "/changes since:2025-03-01",
        "/briefing since:2025-03-01",
    ];

    [Fact]
    public void A_database_of_the_previous_schema_is_upgraded_in_place_and_reads_the_same()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        var madeFolder = Path.Combine(root, "made");
        var oldFolder = Path.Combine(root, "old");
        Directory.CreateDirectory(oldFolder);
        List<string> answersBefore;
        string exportBefore;
        using (var made = new TestBot(folder: madeFolder))
        {
            // Knowledge with history: changes, a retraction, an undo and a new term, written the way moderators write it.
            var mo = TestBot.Moderator();
            made.Ask("/update term id:T1 text:\"Thirty days, extendable.\" source:Reuters", mo);
            made.Ask("/update aid donor:US recipient:Ukraine category:military status:resumed source:Reuters", mo);
            made.Ask("/update retract id:C4 reason:\"no such call\"", mo);
            made.Ask("/update term proposal:P1 topic:Prisoners text:\"All for all\" source:AFP", mo);
            made.Ask("/update retract id:T2 reason:\"misreported\"", mo);
            made.Ask("/update undo", mo);
            answersBefore = Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            exportBefore = made.ExportText();
        }
        SqliteConnection.ClearAllPools();

        // The same rows in a file at the previous schema version, as the previous release would hold them.
        var oldPath = Path.Combine(oldFolder, "knowledge.db");
        OlderSchema.Build(oldPath, PreviousVersion, Path.Combine(madeFolder, "knowledge.db"));
        using (var old = new SqliteConnection($"Data Source={oldPath};Pooling=False"))
        {
            old.Open();
            Assert.Contains("CHECK (kind IN", Scalar(old, "SELECT sql FROM sqlite_schema WHERE name = 'facts'"));
        }
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: oldFolder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(answersBefore, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(exportBefore, upgraded.ExportText());

            using var connection = upgraded.Get<KnowledgeDatabase>().Open();
            Assert.DoesNotContain("CHECK", Scalar(connection, "SELECT sql FROM sqlite_schema WHERE name = 'facts'"));
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal("", Scalar(connection, "PRAGMA foreign_key_check"));
            Assert.Equal("1", Scalar(connection, "PRAGMA foreign_keys"));
            Assert.Equal("1", Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = 'facts_parent'"));
            // References still hold after the rebuild: a term may not name a fact that is not there.
            Assert.Throws<SqliteException>(() => Run(connection, "INSERT INTO facts (kind, number, parent_id) VALUES ('term', 99, 12345)"));

            // And it keeps going: numbers continue where they were.
            upgraded.Ask("/update term proposal:P1 topic:Energy text:\"No strikes on power plants\" source:AFP", TestBot.Moderator());
            Assert.Contains("T9", TestBot.Codes(upgraded.Ask("/terms")));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static void Run(SqliteConnection connection, string sql) => OlderSchema.Run(connection, sql);

    private static string Scalar(SqliteConnection connection, string sql) => OlderSchema.Scalar(connection, sql);
}
