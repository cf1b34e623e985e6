using System.Reflection;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Knowledge;

/// <summary>Applies the numbered migration scripts embedded beside it, each once, tracked by PRAGMA user_version.</summary>
internal static class MigrationRunner
{
    private static readonly IReadOnlyList<(int Version, string Sql)> Scripts = LoadScripts();

    public static int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Applies every pending migration, or those up to <paramref name="upTo"/> (tests build older files with it).</summary>
    public static int Apply(SqliteConnection connection, int? upTo = null)
    {
        var applied = 0;
        // A script that rebuilds a table drops one that others reference, which SQLite allows only with foreign keys off,
        // and that switch is ignored inside a transaction; so it is off around each script and checked before each commit.
        var foreignKeys = Pragma(connection, null, "foreign_keys") == 1;
        if (foreignKeys) Execute(connection, null, "PRAGMA foreign_keys = OFF");
        try
        {
            while (true)
            {
                // The version is read inside the write transaction: processes starting together queue on the lock, and each
                // finds the schema where the one before it left it, so exactly one applies each script.
                using var tx = connection.BeginTransaction(deferred: false);
                var current = UserVersion(connection, tx);
                if (current > LatestVersion)
                    throw new InvalidOperationException(
                        $"The database is at schema version {current}, newer than this build knows ({LatestVersion}). Run a newer BriefingBot.");
                if (current >= Math.Min(LatestVersion, upTo ?? int.MaxValue)) return applied;
                var (version, sql) = Scripts[current];
                Execute(connection, tx, sql + $"\nPRAGMA user_version = {version};");
                ThrowOnBrokenReferences(connection, tx, version);
                tx.Commit();
                applied++;
            }
        }
        finally
        {
            if (foreignKeys) Execute(connection, null, "PRAGMA foreign_keys = ON");
        }
    }

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? tx = null) => Pragma(connection, tx, "user_version");

    private static void ThrowOnBrokenReferences(SqliteConnection connection, SqliteTransaction tx, int version)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA foreign_key_check";
        using var reader = cmd.ExecuteReader();
        if (reader.Read())
            throw new InvalidOperationException(
                $"Migration {version} would leave a row of {reader.GetString(0)} pointing at a missing {reader.GetString(2)}; nothing was changed.");
    }

    private static int Pragma(SqliteConnection connection, SqliteTransaction? tx, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"PRAGMA {name}";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static List<(int, string)> LoadScripts()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var list = new List<(int, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names end in "Migrations.0001_initial.sql"; the number before '_' is the version.
            var file = name[(name.LastIndexOf("Migrations.", StringComparison.Ordinal) + "Migrations.".Length)..];
            var version = int.Parse(file[..file.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add((version, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < list.Count; i++)
            if (list[i].Item1 != i + 1)
                throw new InvalidOperationException($"Migration numbers must run 1, 2, 3…; found {list[i].Item1} at position {i + 1}.");
        return list;
    }
}
