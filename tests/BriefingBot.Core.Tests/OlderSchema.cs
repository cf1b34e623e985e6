using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A database file as an earlier release left it: the schema only up to a version, holding the rows a current bot
/// wrote (only the columns that version's tables have), so an upgrade test starts from what users really have.
/// </summary>
internal static class OlderSchema
{
    private static readonly string[] Tables =
    [
        "actors", "actor_aliases", "sources", "facts", "revisions", "current_facts", "current_participants", "settings",
        "briefing_schedules", "briefing_runs",
    ];

    /// <summary>
    /// Creates <paramref name="oldPath"/> at <paramref name="version"/> and copies <paramref name="madePath"/>'s rows
    /// into it; <paramref name="searchIndex"/> fills its full-text index (by default the same bodies).
    /// </summary>
    public static void Build(string oldPath, int version, string madePath, string searchIndex = "SELECT rowid, body FROM made.fact_text")
    {
        using var old = new SqliteConnection($"Data Source={oldPath};Foreign Keys=True;Pooling=False");
        old.Open();
        Assert.Equal(version, Knowledge.MigrationRunner.Apply(old, upTo: version));
        Run(old, $"ATTACH DATABASE '{madePath}' AS made");
        foreach (var table in Tables)
        {
            var columns = Scalar(old, $"SELECT group_concat(name, ', ') FROM pragma_table_info('{table}', 'main')");
            Run(old, $"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM made.{table}");
        }
        Run(old, "INSERT INTO main.fact_text (rowid, body) " + searchIndex);
        Run(old, "DETACH DATABASE made");
    }

    /// <summary>
    /// What a newer build's migration may do (0009 did) while a bot serves the file: lift the append-only trigger, run
    /// <paramref name="update"/> on the stored revisions, put the trigger back.
    /// </summary>
    public static void RewriteRevisions(string path, string update)
    {
        using var migration = new SqliteConnection($"Data Source={path};Pooling=False");
        migration.Open();
        Run(migration, $"""
            DROP TRIGGER revisions_no_update;
            {update};
            CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
            """);
    }

    /// <summary>
    /// SQL taking back the columns later migrations added (0018's correction of a date), which a test taking a file back to
    /// an older version by hand runs first: the migration adds them again.
    /// </summary>
    public const string TakeBackLaterColumns =
        "DROP INDEX IF EXISTS revisions_corrects; DROP INDEX IF EXISTS revisions_fact_effective; DROP INDEX IF EXISTS revisions_fact_retracts; " +
        "ALTER TABLE revisions DROP COLUMN corrects_revision_id;";

    public static void Run(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static string Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
