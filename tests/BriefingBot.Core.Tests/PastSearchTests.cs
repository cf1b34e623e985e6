using BriefingBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Core.Tests;

/// <summary>
/// /search with words as_of or on a day: a claim reworded since is found by the words it had then and not by the ones it
/// gained; an upgraded store and an imported one search their past as a new one does (migration 0017, revision_text).
/// </summary>
public sealed class PastSearchTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    // The term of P1 on energy, reworded on the 20th in effect from the 19th: "energy infrastructure" became "power plants".
    private void Reword()
    {
        At(20);
        _bot.Moderate("/update term id:T3 text:\"The truce covers attacks on power plants.\" source:AFP effective:2025-03-19");
    }

    [Fact]
    public void A_view_a_while_back_finds_its_matches_below_hundreds_of_later_ones_it_cannot_show()
    {
        // More later revisions matching the word than the search skips in one stretch (it skips gaps of 256 at a time).
        At(21);
        for (var i = 0; i < 300; i++)
            _bot.Moderate($"/update statement people:Macron date:2025-03-20 text:\"Truce talks, round {i}\" source:AFP source_date:2025-03-20");
        var then = _bot.Ask("/search truce on:2025-03-10");
        Assert.Contains("T1", TestBot.Codes(then));
        Assert.DoesNotContain(TestBot.Codes(then), c => c.StartsWith('S'));
        Assert.Contains("S300", TestBot.Codes(_bot.Ask("/search truce on:2025-03-21")));
    }

    [Fact]
    public void A_claim_reworded_since_is_found_by_the_words_it_had_then()
    {
        Reword();
        Assert.Contains("T3", TestBot.Codes(_bot.Ask("/search attacks targeting as_of:2025-03-19")));
        Assert.DoesNotContain("T3", TestBot.Codes(_bot.Ask("/search power plants as_of:2025-03-19")));
        Assert.Contains("T3", TestBot.Codes(_bot.Ask("/search power plants as_of:2025-03-20")));
        Assert.DoesNotContain("T3", TestBot.Codes(_bot.Ask("/search attacks targeting as_of:2025-03-20")));
        // In the world the new words hold from the 19th.
        Assert.Contains("T3", TestBot.Codes(_bot.Ask("/search attacks targeting on:2025-03-18")));
        Assert.Contains("T3", TestBot.Codes(_bot.Ask("/search power plants on:2025-03-19")));
        var line = TestBot.Text(_bot.Ask("/search attacks targeting on:2025-03-18"));
        Assert.StartsWith("Search: attacks targeting as things stood on 18 March 2025", line);
        Assert.Contains("T3 Energy infrastructure: The truce covers attacks targeting energy infrastructure. (proposed)", line);
        Assert.Equal("Nothing matched every word as known on 5 March 2025.", TestBot.Text(_bot.Ask("/search truce as_of:2025-03-05")).Split('\n')[2]);
    }

    [Fact]
    public void A_store_upgraded_from_version_15_and_one_imported_search_their_past()
    {
        Reword();
        var root = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(root);
        SqliteConnection.ClearAllPools();
        OlderSchema.Build(Path.Combine(root, "knowledge.db"), 15, _bot.DatabasePath);
        SqliteConnection.ClearAllPools();
        using (var upgraded = new TestBot(seed: false, folder: root, time: _bot.Time))
        {
            Assert.Equal(MigrationRunner.LatestVersion, upgraded.Count("PRAGMA user_version"));
            Assert.Equal(upgraded.Count("SELECT count(*) FROM revisions"), upgraded.Count("SELECT count(*) FROM revision_text"));
            Assert.Contains("T3", TestBot.Codes(upgraded.Ask("/search attacks targeting as_of:2025-03-19")));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);

        using var copy = _bot.CopyByExport();
        Assert.Contains("T3", TestBot.Codes(copy.Ask("/search attacks targeting as_of:2025-03-19")));
        Assert.DoesNotContain("T3", TestBot.Codes(copy.Ask("/search attacks targeting as_of:2025-03-20")));
    }
}
