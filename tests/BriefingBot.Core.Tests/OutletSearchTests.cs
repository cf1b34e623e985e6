using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>A desk asks what it has from one outlet: <c>/search source:TASS</c>, alone or narrowing a word search.</summary>
public sealed class OutletSearchTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("mo");

    public void Dispose() => _bot.Dispose();

    /// <summary>S1 cites TASS alone; C7 cites Reuters with TASS disputing it; S2 cited TASS and was retracted.</summary>
    private void TassAndReuters()
    {
        _bot.Ask("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin", _mo);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal("Recorded new statement S1.", _bot.Ask(
            "/update statement people:Putin date:2025-03-13 text:\"Supports a ceasefire in principle, with conditions\" source:TASS source_date:2025-03-13", _mo).Title);
        Assert.Equal("Recorded new contact C7.", _bot.Ask(
            "/update contact kind:call people:\"Putin, Trump\" date:2025-03-18 summary:\"A 30-day ceasefire on energy infrastructure\" source:Reuters source_date:2025-03-18", _mo).Title);
        _bot.Ask("/sources add id:C7 source:TASS stance:disputes source_date:2025-03-19 reason:\"denies any halt was agreed\"", _mo);
        Assert.Equal("Recorded new statement S2.", _bot.Ask(
            "/update statement people:Putin date:2025-03-16 text:\"A ceasefire claim that was never made\" source:TASS", _mo).Title);
        _bot.Ask("/update retract id:S2 reason:\"No such claim\"", _mo);
    }

    private static string Line(Reply reply, string code) =>
        reply.Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == code).Text;

    [Fact]
    public void Source_alone_lists_the_standing_facts_citing_it_newest_first_and_counts_the_retracted()
    {
        TassAndReuters();
        var tass = _bot.Ask("/search source:TASS", TestBot.Member());
        Assert.Equal("Facts citing TASS", tass.Title);
        Assert.Equal(["C7", "S1"], TestBot.Codes(tass));
        // C7's citation begins with Reuters and ends "disputed by TASS"; the line says TASS is why it is listed.
        Assert.EndsWith("A 30-day ceasefire on energy infrastructure — cited by TASS (disputes it)", Line(tass, "C7"));
        Assert.Contains("· disputed by TASS", Phrases.Provenance(tass.Sections[0].Lines[0].Provenance!, _bot.Time.GetUtcNow()));
        // S1 cites TASS alone: its citation already says so.
        Assert.DoesNotContain("cited by", Line(tass, "S1"));
        Assert.StartsWith("TASS, 13 March 2025", Phrases.Provenance(tass.Sections[0].Lines[1].Provenance!, _bot.Time.GetUtcNow()));
        Assert.Equal("1 retracted fact also cited TASS; it is not listed. A word search with source: shows withdrawn facts with that word.", tass.Footer);

        // Reuters is C7's first source, which its citation names: nothing is added.
        var reuters = _bot.Ask("/search source:reuters");
        Assert.Equal("C7", TestBot.Codes(reuters)[0]);
        Assert.DoesNotContain("cited by", Line(reuters, "C7"));
        Assert.DoesNotContain("S1", TestBot.Codes(reuters));
    }

    [Fact]
    public void Source_narrows_a_word_search_and_its_withdrawn_matches()
    {
        TassAndReuters();
        // The seed's T6 (Reuters) speaks of a ceasefire too.
        Assert.Equal(["C7", "S1", "T6"], TestBot.Codes(_bot.Ask("/search ceasefire")).Order());
        var narrowed = _bot.Ask("/search query:ceasefire source:Reuters");
        Assert.Equal("Search: ceasefire, citing Reuters", narrowed.Title);
        Assert.Equal(["C7", "T6"], TestBot.Codes(narrowed).Order());

        var tass = _bot.Ask("/search ceasefire source:TASS");
        Assert.Equal(["C7", "S1"], tass.Sections[0].Lines.Select(l => l.Provenance!.Code.ToString()).Order());
        Assert.EndsWith("— cited by TASS (disputes it)", Line(tass, "C7"));
        Assert.Equal("Withdrawn: these were retracted and no longer hold", tass.Sections[1].Heading);
        Assert.Contains("S2", TestBot.Text(tass));
        Assert.Null(_bot.Ask("/search ceasefire source:Reuters").Sections.ElementAtOrDefault(1));

        _bot.Ask("/update statement people:Macron date:2025-03-18 text:\"Europe stands with Ukraine\" source:AFP", _mo);
        Assert.Equal("Nothing citing AFP matches every word.", _bot.Ask("/search ceasefire source:AFP").Sections[0].Lines[0].Text);
    }

    [Fact]
    public void A_rare_outlet_read_word_by_word_finds_what_the_full_text_index_finds()
    {
        TassAndReuters();
        Assert.Equal("Recorded new statement S3.", _bot.Ask(
            "/update statement people:Zelenskyy date:2025-03-18 text:\"Zelenskyy's call: a Ceasefire, a CEASE-fire, Énergie first\" source:TASS", _mo).Title);
        var queries = _bot.Get<FactQueries>();
        foreach (var typed in new[] { "ceasefire", "energie", "ENERGY infrastructure", "zelenskyy s", "cease fire", "call", "Putin ceasefire", "Kremlin" })
        {
            var words = FactQueries.SearchWords(typed);
            foreach (var outlet in new[] { "tass", "reuters" })
            {
                // rareBelow 0: every outlet is common (the index's matches, checked against the outlet); a million: every one is rare.
                var byIndex = queries.SearchCiting(words, outlet, 0, 10, rareBelow: 0).Items.Select(v => v.Current.Code.ToString()).ToList();
                var byWords = queries.SearchCiting(words, outlet, 0, 10, rareBelow: 1_000_000).Items.Select(v => v.Current.Code.ToString()).ToList();
                Assert.Equal(byIndex, byWords);
            }
        }
        Assert.Equal(["S3", "C7", "S1"], queries.SearchCiting(FactQueries.SearchWords("ceasefire"), "tass", 0, 10, rareBelow: 0).Items.Select(v => v.Current.Code.ToString()));
        Assert.Equal(["S3"], queries.SearchCiting(FactQueries.SearchWords("energie"), "tass", 0, 10, rareBelow: 1_000_000).Items.Select(v => v.Current.Code.ToString()));
        Assert.Equal(["C7"], queries.SearchCiting(FactQueries.SearchWords("ceasefire"), "tass", 1, 1, rareBelow: 0).Items.Select(v => v.Current.Code.ToString()));
        Assert.True(queries.SearchCiting(FactQueries.SearchWords("ceasefire"), "tass", 1, 1, rareBelow: 1_000_000).More);
    }

    [Fact]
    public void An_unknown_outlet_gets_did_you_mean_from_the_outlets_known()
    {
        TassAndReuters();
        Assert.Equal("No source called “Reutres” — did you mean Reuters?", _bot.Ask("/search source:Reutres").Title);
        Assert.Equal("No source called “Reu” — did you mean Reuters?", _bot.Ask("/search source:Reu").Title);
        Assert.Equal("No source called “Pravda”. /sources show <id> lists the sources of a fact.", _bot.Ask("/search source:Pravda").Title);
        Assert.Equal("/search needs query or source. Usage: /search [query] [source] [alone] [as_of] [on] [page]", _bot.Ask("/search").Title);
        Assert.Equal("Name an outlet, such as source:Reuters.", _bot.Ask("/search source:\"--\"").Title);
    }

    [Fact]
    public void An_outlet_matches_ignoring_case_and_accents_whole_or_by_its_words()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 20, 0, 0, TimeSpan.Zero));
        _bot.Ask("/update statement people:Macron date:2025-03-17 text:\"France will keep its support\" source:\"Le Télégramme\"", _mo);
        _bot.Ask("/update statement people:Starmer date:2025-03-18 text:\"A coalition of the willing\" source:\"Kremlin readout\"", _mo);
        _bot.Ask("/sources add id:S2 source:\"White House readout\"", _mo);
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search source:\"le telegramme\"")));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search source:TÉLÉGRAMME")));
        Assert.Equal(["S2"], TestBot.Codes(_bot.Ask("/search source:kremlin")));
        Assert.Equal(["S2"], TestBot.Codes(_bot.Ask("/search source:\"White House\"")));
        Assert.EndsWith("— cited by White House readout", Line(_bot.Ask("/search source:\"white house\""), "S2"));
        // Words out of order are not the outlet's.
        Assert.StartsWith("No source called “House White”", _bot.Ask("/search source:\"House White\"").Title);
        // A word matches every outlet that has it; the line names which source that is.
        var readouts = _bot.Ask("/search source:readout");
        Assert.Equal(["S2"], TestBot.Codes(readouts));
        Assert.EndsWith("— cited by Kremlin readout and White House readout", Line(readouts, "S2"));
    }

    [Fact]
    public void Outlets_are_suggested_as_they_are_typed()
    {
        TassAndReuters();
        _bot.Ask("/sources add id:C7 source:\"Kremlin readout\"", _mo);
        var source = Commands.CommandCatalogue.Find(["search"])!.Option("source")!;
        Assert.Equal(Commands.OptionType.Outlet, source.Type);
        Assert.True(source.Autocomplete);
        var suggest = _bot.Get<Commands.Autocompleter>();
        Assert.Equal(["TASS"], suggest.Suggest(source, "ta").Select(s => s.Value));
        Assert.Equal(["Kremlin readout"], suggest.Suggest(source, "READ").Select(s => s.Value));
        Assert.Equal(["Kremlin readout", "Reuters", "TASS"], suggest.Suggest(source, "").Select(s => s.Value));
    }

    [Fact]
    public void Pages_walk_down_newest_first()
    {
        for (var day = 1; day <= 17; day++)
            _bot.Ask($"/update statement people:Macron date:2025-02-{day:00} text:\"Statement {day}\" source:TASS", _mo);
        var first = _bot.Ask("/search source:TASS");
        Assert.Equal(15, TestBot.Codes(first).Count);
        Assert.Equal("S17", TestBot.Codes(first)[0]);
        Assert.Equal("Only the 15 newest are shown; /search source:TASS page:2 shows the next ones, or narrow with query:.", first.Sections[0].More);
        var second = _bot.Ask("/search source:TASS page:2");
        Assert.Equal(["S2", "S1"], TestBot.Codes(second));
        Assert.Null(second.Sections[0].More);
        Assert.Equal("No more facts cite it.", _bot.Ask("/search source:TASS page:3").Sections[0].Lines[0].Text);
        Assert.Equal("page counts from 1 (the first lines) up to 200.", _bot.Ask("/search source:TASS page:0").Title);
    }

    [Fact]
    public void Cached_answers_follow_the_outlet_and_every_change()
    {
        TassAndReuters();
        var cache = _bot.Get<Commands.AnswerCache>();
        var kept = cache.Count;
        Assert.Equal(["C7", "S1"], TestBot.Codes(_bot.Ask("/search source:TASS")));
        Assert.Equal(kept + 1, cache.Count);
        Assert.Equal(["C7", "S1"], TestBot.Codes(_bot.Ask("/search source:TASS")));
        Assert.Equal(kept + 1, cache.Count);
        // Another outlet is another question, kept apart.
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/search source:Reuters")));
        Assert.Equal(kept + 2, cache.Count);
        _bot.Ask("/sources remove id:C7 source:TASS reason:\"misread\"", _mo);
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search source:TASS")));
        _bot.Ask("/update retract id:S1 reason:\"wrong\"", _mo);
        var none = _bot.Ask("/search source:TASS");
        Assert.Equal("No standing fact cites TASS.", none.Sections[0].Lines[0].Text);
        Assert.StartsWith("2 retracted facts also cited TASS", none.Footer);
    }

    [Fact]
    public void Export_then_import_finds_the_same_facts_by_outlet()
    {
        TassAndReuters();
        using var copy = _bot.CopyByExport();
        foreach (var question in new[] { "/search source:TASS", "/search ceasefire source:TASS", "/search source:Reuters" })
            Assert.Equal(TestBot.Text(_bot.Ask(question)), TestBot.Text(copy.Ask(question)));
    }
}
