using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Every member answer reads through statements prepared once per connection. SQLite plans a query by the value bound to its
/// LIMIT, so a statement with a bound LIMIT was compiled anew at every run (a third of a past list's time); asked twice, no
/// answer may make SQLite prepare any of its statements again.
/// </summary>
public sealed class PreparedStatementTests : IDisposable
{
    // The answer cache off, so each question asked again reads the file again.
    private readonly TestBot _bot = new(configure: s => s.Configure<KnowledgeOptions>(o => o.AnswerCacheMegabytes = 0));
    private readonly List<SqliteConnection> _watched = [];
    private readonly List<LeasedConnection> _held = [];

    public PreparedStatementTests()
    {
        _bot.Moderate("/update contact kind:call people:\"Zelensky, Starmer\" date:2025-03-09 summary:\"Call on the truce plan\" source:BBC");
        _bot.Moderate("/update statement people:Macron date:2025-03-09 text:\"A truce in the air and at sea\" source:\"Le Monde\"");
        _bot.Moderate("/update aid donor:US recipient:Ukraine category:military status:resumed source:Reuters");
        // The connections already open are held aside, so the answers below open new ones, each watched from its start.
        var database = _bot.Get<KnowledgeDatabase>();
        database.Opened = connection =>
        {
            connection.Handle!.enable_sqlite3_next_stmt(true);
            _watched.Add(connection);
        };
        for (var i = 0; i < 20; i++) _held.Add(database.Open());
        foreach (var connection in _held.Where(_watched.Contains).ToList())
        {
            _held.Remove(connection);
            connection.Dispose();
        }
    }

    [Theory]
    [InlineData("/briefing on:2025-03-09")]
    [InlineData("/briefing as_of:2025-03-09")]
    [InlineData("/briefing since:2025-03-01")]
    [InlineData("/terms")]
    [InlineData("/contacts")]
    [InlineData("/contacts person:Zelensky")]
    [InlineData("/contacts on:2025-03-09")]
    [InlineData("/statements")]
    [InlineData("/statements person:Macron")]
    [InlineData("/aid as_of:2025-03-09")]
    [InlineData("/changes since:2025-03-01")]
    [InlineData("/changes since:2025-03-01 page:2")]
    // Not /search with words: the full-text index prepares statements of its own on the connection, which SQLitePCL cannot
    // list (sqlite3_next_stmt throws on them); the search's own statements take their LIMIT the same way as these.
    [InlineData("/search source:Reuters")]
    public void An_answer_asked_again_prepares_none_of_its_statements_again(string question)
    {
        for (var i = 0; i < 3; i++) Assert.NotEqual(Replies.ReplyTone.Error, _bot.Ask(question).Tone);
        Assert.NotEmpty(_watched);
        var preparedAgain = Statements().Where(s => s.Reprepared > 0).Select(s => $"{s.Reprepared} of {s.Runs} runs: {s.Sql}").ToList();
        Assert.Empty(preparedAgain);
        Assert.Contains(Statements(), s => s.Runs >= 3);
    }

    private List<(string Sql, int Runs, int Reprepared)> Statements()
    {
        // sqlite3.h: SQLITE_STMTSTATUS_REPREPARE = 5, SQLITE_STMTSTATUS_RUN = 6.
        var found = new List<(string, int, int)>();
        foreach (var connection in _watched.Where(c => c.State == System.Data.ConnectionState.Open))
            for (var statement = SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, null); statement is { IsInvalid: false };
                 statement = SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, statement))
                found.Add((SQLitePCL.raw.sqlite3_sql(statement).utf8_to_string(), SQLitePCL.raw.sqlite3_stmt_status(statement, 6, 0),
                    SQLitePCL.raw.sqlite3_stmt_status(statement, 5, 0)));
        return found;
    }

    public void Dispose()
    {
        foreach (var connection in _held) connection.Dispose();
        _bot.Dispose();
    }
}
