using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// The search index stays in few segments: a start-up that rebuilds every fact's words merges the index at its end, and
/// migration 15 merges what earlier rebuilds left, so a file upgraded in place searches as fast as a new one, with the
/// same answers.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));

    private static readonly string[] Questions = ["/search truce", "/search ceasefire", "/search Jeddah talks", "/search grain"];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    // The file's words in several segments, as a rebuild or many writes with automatic merging off leave them; and the answers.
    private List<string> Fragmented()
    {
        using var made = new TestBot(folder: _folder);
        made.Count("SELECT 0"); // the file is made
        Exec(made.DatabasePath, "INSERT INTO fact_text (fact_text, rank) VALUES ('automerge', 0)");
        for (var i = 1; i <= 6; i++)
            made.Moderate($"/update contact kind:call people:\"Emmanuel Macron, Volodymyr Zelenskyy\" date:2025-03-0{i} summary:\"Ceasefire call {i} on grain and the truce\" source:Reuters");
        made.Moderate("/update term id:T1 text:\"A truce of thirty days.\" source:AFP");
        Assert.True(Segments(made.DatabasePath) > 3, "the writes left the index in several segments");
        return Questions.Select(q => TestBot.Text(made.Ask(q))).ToList();
    }

    [Fact]
    public void A_version_14_file_has_its_search_index_merged_and_answers_the_same()
    {
        var before = Fragmented();
        Assert.Contains("Ceasefire call 6", before[1]);
        Exec(Path.Combine(_folder, "knowledge.db"), OlderSchema.TakeBackLaterColumns + "PRAGMA user_version = 14");

        using var upgraded = new TestBot(folder: _folder);
        Assert.Equal(1, Segments(upgraded.DatabasePath));
        Assert.Equal(before, Questions.Select(q => TestBot.Text(upgraded.Ask(q))).ToList());
    }

    [Fact]
    public void A_start_up_that_rebuilds_every_facts_words_leaves_the_index_merged()
    {
        var before = Fragmented();
        Exec(Path.Combine(_folder, "knowledge.db"), "INSERT INTO settings (key, value) VALUES ('reproject_needed', '13')");

        using var rebuilt = new TestBot(folder: _folder);
        Assert.Equal(0, rebuilt.Count("SELECT COUNT(*) FROM settings WHERE key = 'reproject_needed'"));
        Assert.Equal(1, Segments(rebuilt.DatabasePath));
        Assert.Equal(before, Questions.Select(q => TestBot.Text(rebuilt.Ask(q))).ToList());
    }

    private static long Segments(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT segid) FROM fact_text_idx";
        return (long)command.ExecuteScalar()!;
    }

    private static void Exec(string path, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
