using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

/// <summary>
/// <c>/search source:TASS</c> in a past view: <c>as_of:</c> what TASS was cited for as known at the end of a day (a source
/// added later does not count), <c>on:</c> what TASS's claims said held in the world that day; by the rules of every past view.
/// </summary>
public sealed class OutletPastTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private void At(int day) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, day, 18, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// S1 (10 March) cites Reuters, and TASS from the 20th; S2 (12 March) cites TASS alone; S3 (14 March, TASS) was retracted
    /// on the 16th and the retraction undone on the 17th; S4 (11 March, TASS) was recorded late, on the 22nd.
    /// </summary>
    private void History()
    {
        _bot.Moderate("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin");
        At(10);
        _bot.Moderate("/update statement people:Putin date:2025-03-10 text:\"No talks before the front is settled\" source:Reuters");
        At(12);
        _bot.Moderate("/update statement people:Putin date:2025-03-12 text:\"Europe has no place at the table\" source:TASS");
        At(14);
        _bot.Moderate("/update statement people:Putin date:2025-03-14 text:\"Supports a ceasefire in principle\" source:TASS");
        At(16);
        _bot.Moderate("/update retract id:S3 reason:\"Misquoted\"");
        At(17);
        _bot.Moderate("/update undo");
        At(20);
        _bot.Moderate("/sources add id:S1 source:TASS source_date:2025-03-20");
        At(22);
        _bot.Moderate("/update statement people:Putin date:2025-03-11 text:\"Kursk is retaken\" source:TASS");
        At(25);
    }

    public static TheoryData<string, string[]> Views => new()
    {
        // What was known: only what was recorded by the end of the day, each fact with the sources it cited then.
        { "as_of:2025-03-11", [] },
        { "as_of:2025-03-13", ["S2"] },
        { "as_of:2025-03-15", ["S3", "S2"] },
        { "as_of:2025-03-16", ["S2"] },
        { "as_of:2025-03-17", ["S3", "S2"] },
        { "as_of:2025-03-19", ["S3", "S2"] },
        { "as_of:2025-03-21", ["S3", "S2", "S1"] },
        { "as_of:2025-03-23", ["S3", "S2", "S4", "S1"] },
        // What held: as known now, the source added on the 20th backs S1 from the day it took effect; S4 counts from the 11th.
        { "on:2025-03-10", ["S1"] },
        { "on:2025-03-11", ["S4", "S1"] },
        { "on:2025-03-13", ["S2", "S4", "S1"] },
        { "on:2025-03-15", ["S3", "S2", "S4", "S1"] },
        // Both: what held then, by what was known at the end of the as-of day.
        { "on:2025-03-11 as_of:2025-03-19", [] },
        { "on:2025-03-11 as_of:2025-03-21", ["S1"] },
        { "on:2025-03-15 as_of:2025-03-16", ["S2"] },
        { "on:2025-03-15 as_of:2025-03-17", ["S3", "S2"] },
        // Alone: S1 is confirmed by Reuters too, whenever TASS cites it.
        { "alone:true as_of:2025-03-23", ["S3", "S2", "S4"] },
        { "alone:true on:2025-03-11", ["S4"] },
        { "alone:true", ["S3", "S2", "S4"] },
        { "", ["S3", "S2", "S4", "S1"] },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void An_outlet_in_a_past_view_lists_what_it_was_cited_for_then(string view, string[] codes)
    {
        History();
        var reply = _bot.Ask($"/search source:TASS {view}");
        Assert.NotEqual(Replies.ReplyTone.Error, reply.Tone);
        Assert.Equal(codes, TestBot.Codes(reply));
    }

    [Fact]
    public void The_title_says_which_view_and_an_empty_one_says_so()
    {
        History();
        Assert.Equal("Facts citing TASS as known on 21 March 2025", _bot.Ask("/search source:TASS as_of:2025-03-21").Title);
        Assert.Equal("Facts citing TASS as things stood on 11 March 2025", _bot.Ask("/search source:TASS on:2025-03-11").Title);
        Assert.Equal("Facts confirmed by TASS alone as things stood on 11 March 2025, as known on 23 March 2025",
            _bot.Ask("/search source:TASS alone:true on:2025-03-11 as_of:2025-03-23").Title);
        var none = _bot.Ask("/search source:TASS on:2025-03-11 as_of:2025-03-19");
        Assert.Equal("No standing fact cited TASS as things stood on 11 March 2025, as known on 19 March 2025.", none.Sections[0].Lines[0].Text);
        // Nothing withdrawn is counted in a past view: the count is of what stands retracted now.
        Assert.Null(none.Footer);
    }

    [Fact]
    public void A_source_added_later_shows_in_a_past_view_only_once_it_was_known()
    {
        History();
        // As known on the 19th S1 cited Reuters alone, so its line names no TASS; as known now, it names it.
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/search source:TASS as_of:2025-03-19")));
        var line = _bot.Ask("/search source:TASS as_of:2025-03-21").Sections[0].Lines.Single(l => l.Provenance!.Code.ToString() == "S1");
        Assert.EndsWith("— cited by TASS", line.Text);
        Assert.Equal(2, line.Provenance!.Sources!.Count);
        // A source removed since still counts in a view from before its removal.
        _bot.Moderate("/sources remove id:S1 source:TASS");
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/search source:TASS")));
        Assert.Contains("S1", TestBot.Codes(_bot.Ask("/search source:TASS as_of:2025-03-21")));
    }

    [Fact]
    public void An_outlet_cited_only_before_is_found_in_a_past_view_and_named_as_not_cited_now()
    {
        _bot.Moderate("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin");
        At(12);
        _bot.Moderate("/update statement people:Putin date:2025-03-12 text:\"Talks in Riyadh\" source:Reuters");
        _bot.Moderate("/sources add id:S1 source:Izvestia");
        At(14);
        _bot.Moderate("/sources remove id:S1 source:Izvestia");
        Assert.Equal("No fact cites Izvestia now; /history of a fact shows the sources it cited before.", _bot.Ask("/search source:izvestia").Title);
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search source:izvestia as_of:2025-03-12")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/search source:izvestia as_of:2025-03-14")));
        Assert.StartsWith("No source called “Izvestja” — did you mean Izvestia?", _bot.Ask("/search source:Izvestja as_of:2025-03-12").Title);
    }

    [Fact]
    public void What_a_fact_is_about_is_named_as_it_was_in_the_view()
    {
        _bot.Moderate("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin");
        At(12);
        var created = _bot.Moderate("/update proposal name:\"Energy truce\" status:proposed sponsors:\"United States\" source:Reuters");
        var proposal = System.Text.RegularExpressions.Regex.Match(created, @"P\d+").Value;
        _bot.Moderate($"/update statement people:Putin date:2025-03-12 text:\"Open to it\" about:{proposal} source:TASS");
        At(14);
        _bot.Moderate($"/update proposal id:{proposal} name:\"Black Sea and energy truce\" source:Reuters");
        Assert.Contains("— about the Black Sea and energy truce", TestBot.Text(_bot.Ask("/search source:TASS")));
        var then = TestBot.Text(_bot.Ask("/search source:TASS as_of:2025-03-13"));
        Assert.Contains("— about the Energy truce", then);
        Assert.DoesNotContain("Black Sea", then);
    }

    [Fact]
    public void Pages_of_a_past_view_repeat_the_view()
    {
        _bot.Moderate("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin");
        At(12);
        for (var day = 1; day <= 17; day++)
            _bot.Moderate($"/update statement people:Putin date:2025-02-{day:00} text:\"Statement {day}\" source:TASS");
        At(20);
        _bot.Moderate("/update statement people:Putin date:2025-02-28 text:\"Later\" source:TASS");
        var first = _bot.Ask("/search source:TASS as_of:2025-03-12");
        Assert.Equal(15, TestBot.Codes(first).Count);
        Assert.Equal("S17", TestBot.Codes(first)[0]);
        // Adapted: a past view's list now offers words too, as the present one does (they are answered there now).
        Assert.Equal("Only the 15 newest are shown; /search source:TASS as_of:2025-03-12 page:2 shows the next ones, or narrow with query:.", first.Sections[0].More);
        var second = _bot.Ask("/search source:TASS as_of:2025-03-12 page:2");
        Assert.Equal(["S2", "S1"], TestBot.Codes(second));
        Assert.Null(second.Sections[0].More);
        Assert.Equal("No more facts cite it.", _bot.Ask("/search source:TASS as_of:2025-03-12 page:3").Sections[0].Lines[0].Text);
    }

    [Fact]
    public void A_past_view_takes_words_with_an_outlet_or_alone()
    {
        History();
        // Refused before (a past view took no words with an outlet); now answered (Words_and_an_outlet_both_narrow_a_past_view_…).
        Assert.Equal("Search: ceasefire, citing TASS, as known on 20 March 2025", _bot.Ask("/search ceasefire source:TASS as_of:2025-03-20").Title);
        // Words alone in a past view are answered now (PastSearchTests): what matched as things stood that day.
        Assert.StartsWith("Search: ceasefire as things stood on 20 March 2025", _bot.Ask("/search ceasefire on:2025-03-20").Title);
    }

    [Fact]
    public void Words_and_an_outlet_both_narrow_a_past_view_by_what_each_version_said_and_cited_then()
    {
        History();
        // S1 cited Reuters alone until TASS was added on the 20th: its words match on every day, TASS only from the 20th.
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search talks as_of:2025-03-19")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/search talks source:TASS as_of:2025-03-19")));
        Assert.Equal("Nothing citing TASS matched every word as known on 19 March 2025.",
            _bot.Ask("/search talks source:TASS as_of:2025-03-19").Sections[0].Lines[0].Text);
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search talks source:TASS as_of:2025-03-21")));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/search talks source:Reuters alone:true as_of:2025-03-19")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/search talks source:Reuters alone:true as_of:2025-03-21")));
        Assert.Equal("Search: talks, confirmed by Reuters alone, as known on 21 March 2025", _bot.Ask("/search talks source:Reuters alone:true as_of:2025-03-21").Title);
        // Words of one fact, an outlet of another: nothing, as now.
        Assert.Empty(TestBot.Codes(_bot.Ask("/search talks source:TASS as_of:2025-03-13")));
        // S3, retracted on the 16th and restored on the 17th: withdrawn as known on the 16th, standing on the 17th.
        var retracted = TestBot.Text(_bot.Ask("/search ceasefire source:TASS as_of:2025-03-16"));
        Assert.Contains("Nothing citing TASS that stood matched every word as known on 16 March 2025.", retracted);
        Assert.Contains("S3 was retracted by mo on 16 March 2025", retracted);
        Assert.Equal(["S3"], TestBot.Codes(_bot.Ask("/search ceasefire source:TASS as_of:2025-03-17")));
        // In the world: S4, recorded on the 22nd of the 11th, stood on the 11th as known now, not as known on the 21st.
        Assert.Equal(["S4"], TestBot.Codes(_bot.Ask("/search kursk source:TASS on:2025-03-11")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/search kursk source:TASS on:2025-03-11 as_of:2025-03-21")));
        // Now and as known today agree.
        Assert.Equal(TestBot.Codes(_bot.Ask("/search putin source:TASS")).Order(), TestBot.Codes(_bot.Ask("/search putin source:TASS as_of:2025-03-25")).Order());
        // A line names the outlet where its citation would not, as the present search's lines do.
        _bot.Moderate("/sources add id:S2 source:AFP stance:disputes");
        var line = _bot.Ask("/search europe source:AFP as_of:2025-03-25").Sections[0].Lines[0];
        Assert.EndsWith("Europe has no place at the table — cited by AFP (disputes it)", line.Text);
        Assert.Equal(_bot.Ask("/search europe source:AFP").Sections[0].Lines[0].Text, line.Text);
    }

    [Fact]
    public void Past_views_of_an_outlet_survive_export_and_import()
    {
        History();
        using var copy = _bot.CopyByExport();
        foreach (var question in new[] { "/search source:TASS as_of:2025-03-21", "/search source:TASS on:2025-03-11", "/search source:TASS alone:true as_of:2025-03-23" })
        {
            Assert.NotEmpty(TestBot.Codes(_bot.Ask(question)));
            Assert.Equal(TestBot.Text(_bot.Ask(question)), TestBot.Text(copy.Ask(question)));
        }
    }
}
