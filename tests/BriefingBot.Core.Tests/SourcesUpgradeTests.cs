using System.Text.Json;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>Migration 6 (several sources per fact) upgrades a version-5 database in place: each revision's one source stays its first.</summary>
public sealed class SourcesUpgradeTests
{
    private const int PreviousVersion = 5;

    private static readonly string[] Questions =
        ["/history T1", "/history A1", "/terms", "/contacts", "/aid", "/changes since:2025-03-01", "/terms as_of:2025-03-09"];

    [Fact]
    public void A_version_5_database_keeps_every_source_and_can_cite_more()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        var madeFolder = Path.Combine(root, "made");
        var oldFolder = Path.Combine(root, "old");
        Directory.CreateDirectory(oldFolder);
        List<string> answersBefore;
        string exportBefore;
        using (var made = new TestBot(folder: madeFolder))
        {
            var mo = TestBot.Moderator();
            made.Ask("/update term id:T1 text:\"Thirty days, extendable.\" source:AFP source_url:https://afp.com/a source_date:2025-03-09", mo);
            made.Ask("/update aid donor:US recipient:Ukraine category:military status:resumed source:Reuters confidence:confirmed", mo);
            answersBefore = Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
            exportBefore = made.ExportText();
        }
        SqliteConnection.ClearAllPools();

        // The same rows in a file at schema version 5, which had one source per revision and no revision_sources.
        OlderSchema.Build(Path.Combine(oldFolder, "knowledge.db"), PreviousVersion, Path.Combine(madeFolder, "knowledge.db"));
        SqliteConnection.ClearAllPools();

        using (var upgraded = new TestBot(seed: false, folder: oldFolder))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(answersBefore, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
            Assert.Equal(exportBefore, upgraded.ExportText());
            // Every revision's one source is its first, confirming; nothing else is cited.
            var history = upgraded.Get<FactQueries>().History(new FactCode(FactKind.Term, 1));
            Assert.Equal(["Reuters", "AFP"], history.Select(r => r.Provenance.Source.Outlet));
            Assert.All(history, r => Assert.Equal(SourceStance.Confirms, Assert.Single(r.Provenance.Sources).Stance));
            Assert.Equal(new SourceRef("AFP", "https://afp.com/a", new DateOnly(2025, 3, 9)), history[^1].Provenance.Source);

            upgraded.Ask("/sources add id:T1 source:Reuters source_date:2025-03-10 stance:disputes", TestBot.Moderator());
            var line = upgraded.Ask("/terms").Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == "T1").Provenance!;
            Assert.Equal("AFP, 9 March 2025 (yesterday) · reported · disputed by Reuters", Phrases.Provenance(line, upgraded.Time.GetUtcNow()));

            using var connection = upgraded.Get<KnowledgeDatabase>().Open();
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal("", Scalar(connection, "PRAGMA foreign_key_check"));
            // Part of a revision, so as append-only as it.
            Assert.Throws<SqliteException>(() => Run(connection, "DELETE FROM revision_sources"));
            Assert.Throws<SqliteException>(() => Run(connection, "UPDATE revision_sources SET stance = 'confirms'"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static void Run(SqliteConnection connection, string sql) => OlderSchema.Run(connection, sql);

    private static string Scalar(SqliteConnection connection, string sql) => OlderSchema.Scalar(connection, sql);
}
