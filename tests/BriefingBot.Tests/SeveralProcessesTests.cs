using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Tests;

/// <summary>
/// Several real processes on one database file, as in normal use: the bot serving while a moderator scripts `ask`,
/// or two instances. Nothing is lost, nothing is applied twice, and each sees the others' writes.
/// </summary>
public class SeveralProcessesTests : IDisposable
{
    private readonly BotProcess _bot = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _bot.Dispose();
    }

    [Fact]
    public async Task Processes_started_together_on_a_new_file_all_answer_and_seed_it_once()
    {
        var alone = await _bot.Run("ask", "/terms", "--db", "alone.db");
        Assert.Equal(0, alone.ExitCode);

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _bot.Run("ask", "/terms", "--db", "shared.db")));

        Assert.All(together, r =>
        {
            Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Out}{r.Err}");
            Assert.StartsWith("Terms of the Franco-British partial truce plan (P1)", r.Out);
        });
        foreach (var table in new[] { "actors", "actor_aliases", "facts", "revisions", "settings" })
            Assert.Equal(Count("alone.db", $"SELECT COUNT(*) FROM {table}"), Count("shared.db", $"SELECT COUNT(*) FROM {table}"));
    }

    [Fact]
    public async Task Writes_from_four_processes_at_once_are_all_kept()
    {
        const int writers = 4, each = 25;
        Assert.Equal(0, (await _bot.Run("ask", "/terms", "--db", "shared.db")).ExitCode);
        var before = Count("shared.db", "SELECT COUNT(*) FROM revisions");
        var seededContacts = Count("shared.db");

        var runs = await Task.WhenAll(Enumerable.Range(1, writers).Select(w =>
        {
            var input = string.Concat(Enumerable.Range(1, each).Select(i =>
                $"/update contact kind:call people:\"Macron, Starmer\" date:2025-03-{10 + i % 15:00} summary:\"writer {w} call {i}\" source:AFP\n"));
            return _bot.Run(input, new Dictionary<string, string> { ["BRIEFINGBOT_Terminal__User"] = $"writer{w}" }, "--db", "shared.db");
        }));

        Assert.All(runs, r => Assert.Equal(each, r.Out.Split('\n').Count(l => l.StartsWith("Recorded new contact C", StringComparison.Ordinal))));
        Assert.Equal(before + writers * each, Count("shared.db", "SELECT COUNT(*) FROM revisions"));
        for (var w = 1; w <= writers; w++)
            Assert.Equal(each, Count("shared.db", $"SELECT COUNT(*) FROM revisions WHERE payload LIKE '%writer {w} call %'"));
        // Every contact got its own number: no two processes handed out the same C-code.
        Assert.Equal(seededContacts + writers * each, Count("shared.db", "SELECT COUNT(DISTINCT number) FROM facts WHERE kind = 'contact'"));
    }

    [Fact]
    public async Task A_running_chat_sees_people_and_contacts_another_process_added()
    {
        await using var chat = new ChatSession(_bot.Folder, new Dictionary<string, string>(), "--db", "shared.db");
        Assert.Contains("No one called “Kallas”", await chat.Ask("/contacts person:Kallas"));

        var added = await _bot.Run("ask", "/update actor name:\"Kaja Kallas\" kind:person aliases:Kallas", "--db", "shared.db", "--user", "Mo");
        Assert.Equal(0, added.ExitCode);
        var logged = await _bot.Run("ask",
            "/update contact kind:call people:\"Kallas, Zelenskyy\" date:2025-03-11 summary:\"EU support\" source:Reuters",
            "--db", "shared.db", "--user", "Mo");
        Assert.StartsWith("Recorded new contact C", logged.Out);

        var contacts = await chat.Ask("/contacts person:Kallas");
        Assert.Contains("Contacts of Kaja Kallas", contacts);
        Assert.Contains("EU support", contacts);
        Assert.DoesNotContain("actor ", contacts);

        var again = await chat.Ask("/update actor name:\"Kaja Kallas\" kind:person");
        Assert.Contains("'Kaja Kallas' already names Kaja Kallas.", again);
        Assert.DoesNotContain("went wrong", again);
        Assert.Equal(0, await chat.Quit());
        Assert.DoesNotContain("Exception", chat.Errors);
    }

    [Fact]
    public async Task A_running_chat_never_answers_from_before_another_process_wrote()
    {
        await using var chat = new ChatSession(_bot.Folder, new Dictionary<string, string>(), "--db", "shared.db");
        var first = await chat.Ask("/terms");
        Assert.Contains("T1   Duration: A partial truce lasting one month.", first);
        // Asked again, it is the answer kept from the first time (nothing was written in between).
        Assert.Equal(first.Trim(), (await chat.Ask("/terms")).Trim());

        var changed = await _bot.Run("ask", "/update term id:T1 text:\"Thirty days.\" source:AFP", "--db", "shared.db", "--user", "Mo");
        Assert.StartsWith("Updated T1.", changed.Out);

        var after = await chat.Ask("/terms");
        Assert.Contains("T1   Duration: Thirty days.", after);
        Assert.DoesNotContain("A partial truce lasting one month.", after);
        Assert.Contains("Thirty days.", await chat.Ask("/history T1"));

        var undone = await _bot.Run("ask", "/update undo", "--db", "shared.db", "--user", "Mo");
        Assert.Equal(0, undone.ExitCode);

        Assert.Contains("T1   Duration: A partial truce lasting one month.", await chat.Ask("/terms"));
        Assert.Contains("Restored by undo", await chat.Ask("/history T1"));
        Assert.Equal(0, await chat.Quit());
        Assert.DoesNotContain("Exception", chat.Errors);
    }

    private long Count(string db, string sql = "SELECT COUNT(*) FROM facts WHERE kind = 'contact'")
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_bot.Folder, db)};Pooling=false");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
