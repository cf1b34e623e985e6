using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Benchmarks;

/// <summary>
/// Time per statement text while <see cref="QuickLatency"/> runs with BRIEFINGBOT_SQL_PROFILE set: SQLite's own profile
/// callback, from a statement's first step to its reset, so it includes the time spent reading its rows. With the value
/// <c>plan</c>, each statement's query plan as the bundled SQLite makes it follows (the sqlite3 shell of the machine is an
/// older SQLite that plans differently).
/// </summary>
public static class SqlProfile
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, long Nanos)> Totals = new();
    private static string? _connectionString;

    public static void Attach(SqliteConnection connection)
    {
        _connectionString ??= connection.ConnectionString;
        SQLitePCL.raw.sqlite3_profile(connection.Handle, (_, statement, nanos) =>
        {
            var text = statement.utf8_to_string();
            Totals.AddOrUpdate(text, (1, nanos), (_, t) => (t.Count + 1, t.Nanos + nanos));
        }, null);
    }

    public static void Reset() => Totals.Clear();

    public static void Print(int calls)
    {
        var plans = Environment.GetEnvironmentVariable("BRIEFINGBOT_SQL_PROFILE") == "plan";
        foreach (var (text, (count, nanos)) in Totals.OrderByDescending(t => t.Value.Nanos).Take(15))
        {
            var line = text.ReplaceLineEndings(" ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{nanos / 1000.0 / calls,9:F1} us/call {count / (double)calls,5:F1}x  {line[..Math.Min(plans ? 2000 : 300, line.Length)]}"));
            if (plans) Console.WriteLine(Plan(text));
        }
    }

    private static string Plan(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        try
        {
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add("        | " + reader.GetString(3));
            return string.Join('\n', lines);
        }
        catch (SqliteException e) { return "        | (no plan: " + e.Message + ")"; }
    }
}
