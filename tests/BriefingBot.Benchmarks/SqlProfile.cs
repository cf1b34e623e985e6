namespace BriefingBot.Benchmarks;

/// <summary>
/// Time per statement text while <see cref="QuickLatency"/> runs with BRIEFINGBOT_SQL_PROFILE set: SQLite's own profile
/// callback, from a statement's first step to its reset, so it includes the time spent reading its rows.
/// </summary>
public static class SqlProfile
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, long Nanos)> Totals = new();

    public static void Attach(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_profile(connection.Handle, (_, statement, nanos) =>
        {
            var text = statement.utf8_to_string();
            Totals.AddOrUpdate(text, (1, nanos), (_, t) => (t.Count + 1, t.Nanos + nanos));
        }, null);

    public static void Reset() => Totals.Clear();

    public static void Print(int calls)
    {
        foreach (var (text, (count, nanos)) in Totals.OrderByDescending(t => t.Value.Nanos).Take(15))
            System.Console.WriteLine(System.FormattableString.Invariant($"{nanos / 1000.0 / calls,9:F1} us/call {count / (double)calls,5:F1}x  {text.ReplaceLineEndings(" ")[..Math.Min(300, text.ReplaceLineEndings(" ").Length)]}"));
    }
}
