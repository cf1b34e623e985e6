using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// The seed gives the coalition of the willing its article ("the Coalition of the willing"), as a moderator would: set, never
/// guessed. A store seeded before it gets the article at its next start, once.
/// </summary>
public sealed class SeededArticleTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private const string Statement = "/update statement people:\"Coalition of the willing\" date:2025-03-15 text:\"Ready to deploy after a ceasefire\" source:Reuters";

    [Fact]
    public void A_new_store_names_the_seeded_coalition_with_its_article()
    {
        Assert.Contains("S1 Statement by the Coalition of the willing, Saturday 15 March 2025: Ready to deploy after a ceasefire", _bot.Moderate(Statement));
        Assert.Contains("S1 Statement by the Coalition of the willing,", TestBot.Text(_bot.Ask("/statements person:\"willing countries\"")));
        // The name it is stored under, its other names and a search by them are as before.
        Assert.Equal(1, _bot.Count("SELECT count(*) FROM actors WHERE name = 'Coalition of the willing' AND kind = 'organisation'"));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search coalition deploy")));
        Assert.Equal("'Coalition of the willing' already names Coalition of the willing.",
            _bot.Ask("/update actor name:\"the Coalition of the willing\" kind:organisation", TestBot.Moderator()).Title);
    }

    [Fact]
    public void A_store_seeded_before_gets_the_article_at_its_next_start_once()
    {
        _bot.Moderate(Statement);
        var facts = _bot.Count("SELECT count(*) FROM facts");
        // What the earlier seed left: the coalition without the name that says it takes the article.
        using (var raw = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False"))
        {
            raw.Open();
            OlderSchema.Run(raw, "DELETE FROM actor_aliases WHERE alias = 'the Coalition of the willing'");
        }
        SqliteConnection.ClearAllPools();
        using (var before = new TestBot(seed: false, folder: _bot.Folder, time: _bot.Time))
            Assert.Contains("S1 Statement by Coalition of the willing,", TestBot.Text(before.Ask("/statements")));
        SqliteConnection.ClearAllPools();
        using (var upgraded = new TestBot(folder: _bot.Folder, time: _bot.Time))
        {
            Assert.Contains("S1 Statement by the Coalition of the willing,", TestBot.Text(upgraded.Ask("/statements")));
            // Given its article, not seeded again.
            Assert.Equal(facts, upgraded.Count("SELECT count(*) FROM facts"));
        }
        SqliteConnection.ClearAllPools();
        using var again = new TestBot(folder: _bot.Folder, time: _bot.Time);
        Assert.Equal(1, again.Count("SELECT count(*) FROM actor_aliases WHERE alias = 'the Coalition of the willing'"));
        Assert.Contains("S1 Statement by the Coalition of the willing,", TestBot.Text(again.Ask("/statements")));
    }
}
