using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A name given to an actor later ("Selenskyj", another spelling) finds the facts recorded before it, in the present search and in
/// every past view, as a name given when the actor was added does: names are the directory's, not the facts'.
/// </summary>
public sealed class NamesAddedLaterTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    // C7 recorded on the 11th and reworded on the 12th; C8, retracted on the 13th; then, on the 21st, Zelenskyy is also Selenskyj.
    private void History()
    {
        At(11);
        _bot.Moderate("/update contact kind:call people:\"Trump, Zelensky\" date:2025-03-11 summary:\"Talks on the ceasefire\" source:Reuters");
        _bot.Moderate("/update contact kind:call people:\"Macron, Zelensky\" date:2025-03-11 summary:\"Talks on guarantees\" source:Reuters");
        At(12);
        _bot.Moderate("/update contact id:C7 summary:\"Talks on the 30-day ceasefire\" source:Reuters");
        At(13);
        _bot.Moderate("/update retract id:C8 reason:\"No such call\"");
        At(21);
        Assert.Empty(TestBot.Codes(_bot.Ask("/search selenskyj talks")));
        Assert.Equal("Volodymyr Zelenskyy is now also called Selenskyj.", _bot.Ask("/update actor name:Zelensky kind:person aliases:Selenskyj", TestBot.Moderator()).Title);
    }

    [Fact]
    public void The_present_search_and_past_views_find_older_facts_by_it()
    {
        History();
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/search selenskyj talks")));
        var then = _bot.Ask("/search selenskyj talks as_of:2025-03-11");
        Assert.Equal(["C8", "C7"], TestBot.Codes(then).Order().Reverse());
        Assert.Contains("C7 Call between Donald Trump and Volodymyr Zelenskyy, Tuesday 11 March 2025: Talks on the ceasefire", TestBot.Text(then));
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/search selenskyj 30 day on:2025-03-12")));
        // The retracted call is found as withdrawn by its new name too, now and as known on the 13th.
        Assert.Contains("C8 was retracted by mo on 13 March 2025", TestBot.Text(_bot.Ask("/search selenskyj guarantees")));
        Assert.Contains("C8 was retracted by mo on 13 March 2025", TestBot.Text(_bot.Ask("/search selenskyj guarantees as_of:2025-03-13")));
        // A name does not make a fact say more than it did: the words it had then still decide.
        Assert.Empty(TestBot.Codes(_bot.Ask("/search selenskyj 30 day as_of:2025-03-11")));
        // And the copy a desk moves its store to searches the same way.
        using var copy = _bot.CopyByExport();
        Assert.Equal(["C7"], TestBot.Codes(copy.Ask("/search selenskyj 30 day on:2025-03-12")));
        Assert.Equal(["C7"], TestBot.Codes(copy.Ask("/search selenskyj talks")));
    }

    [Fact]
    public void A_store_whose_names_were_given_before_this_build_is_respelled_once_at_start_up()
    {
        At(11);
        _bot.Moderate("/update contact kind:call people:\"Trump, Zelensky\" date:2025-03-11 summary:\"Talks on the ceasefire\" source:Reuters");
        var folder = _bot.Folder;
        // What an older build left: the name in the directory, not in the words, and no mark that they were written again.
        using (var raw = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False"))
        {
            raw.Open();
            OlderSchema.Run(raw, "INSERT INTO actor_aliases (alias, actor_id, place) SELECT 'Selenskyj', id, 0 FROM actors WHERE name = 'Volodymyr Zelenskyy'");
            OlderSchema.Run(raw, "DELETE FROM settings WHERE key = 'actor_words_respelled'");
        }
        SqliteConnection.ClearAllPools();
        using var restarted = new TestBot(seed: false, folder: folder, time: _bot.Time);
        Assert.Equal(["C7"], TestBot.Codes(restarted.Ask("/search selenskyj talks")));
        Assert.Equal(["C7"], TestBot.Codes(restarted.Ask("/search selenskyj talks as_of:2025-03-11")));
        Assert.Equal(1, restarted.Count("SELECT count(*) FROM settings WHERE key = 'actor_words_respelled'"));
    }
}
