using Microsoft.Data.Sqlite;

namespace BriefingBot.Benchmarks;

/// <summary>
/// With BRIEFINGBOT_STMT_STATUS set, <see cref="QuickLatency"/> ends by listing each prepared statement of the store's connections
/// with how often it ran and how often SQLite prepared it again (a statement whose plan depends on a bound value, such as a
/// bound LIMIT, is compiled anew at every run: that is what this finds).
/// </summary>
public static class StatementStatus
{
    private static readonly List<SqliteConnection> Connections = [];

    // sqlite3.h: SQLITE_STMTSTATUS_REPREPARE and SQLITE_STMTSTATUS_RUN.
    private const int Reprepare = 5, Run = 6;

    public static bool On => Environment.GetEnvironmentVariable("BRIEFINGBOT_STMT_STATUS") is not null;

    public static void Attach(SqliteConnection connection)
    {
        connection.Handle!.enable_sqlite3_next_stmt(true);
        lock (Connections) Connections.Add(connection);
    }

    public static void Print()
    {
        lock (Connections)
            foreach (var connection in Connections.Where(c => c.State == System.Data.ConnectionState.Open))
                for (var statement = SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, null); statement is { IsInvalid: false };
                     statement = SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, statement))
                {
                    var text = SQLitePCL.raw.sqlite3_sql(statement).utf8_to_string().ReplaceLineEndings(" ");
                    Console.WriteLine($"prepared again {SQLitePCL.raw.sqlite3_stmt_status(statement, Reprepare, 0),6} of {SQLitePCL.raw.sqlite3_stmt_status(statement, Run, 0),6} runs  {text[..Math.Min(150, text.Length)]}");
                }
    }
}
