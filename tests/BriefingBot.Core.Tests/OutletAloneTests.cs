using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

/// <summary>
/// <c>/search source:"Kremlin readout" alone:true</c>: the claims no other outlet confirms. A source that disputes a fact
/// confirms nothing, so it neither makes nor spoils "alone"; an outlet that only disputes a fact did not claim it.
/// </summary>
public sealed class OutletAloneTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private void At(int day) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, day, 18, 0, 0, TimeSpan.Zero));

    /// <summary>C7 (18 March) and S1 (19 March) come from the Kremlin readout; S2 (19 March) from Reuters.</summary>
    private void Readouts()
    {
        _bot.Moderate("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin");
        At(18);
        _bot.Moderate("/update contact kind:call people:\"Putin, Trump\" date:2025-03-18 summary:\"A halt to strikes on energy infrastructure\" source:\"Kremlin readout\"");
        At(19);
        _bot.Moderate("/update statement people:Putin date:2025-03-19 text:\"Kyiv must stop mobilising during a ceasefire\" source:\"Kremlin readout\"");
        _bot.Moderate("/update statement people:Putin date:2025-03-19 text:\"Prisoner exchange agreed\" source:Reuters");
        At(20);
    }

    private IReadOnlyList<string> Alone(string options = "") => TestBot.Codes(_bot.Ask($"/search source:\"Kremlin readout\" alone:true {options}"));

    public static TheoryData<string, string[], string[]> Cases => new()
    {
        // A second outlet confirming C7: the readout no longer claims it alone.
        { "/sources add id:C7 source:\"White House readout\"", ["S1"], ["S1", "C7"] },
        // An outlet disputing C7 confirms nothing: the readout still claims it alone (and the line says who disputes it).
        { "/sources add id:C7 source:TASS stance:disputes", ["S1", "C7"], ["S1", "C7"] },
        // A second report of the same outlet is still the readout alone.
        { "/sources add id:C7 source:\"Kremlin readout\" source_date:2025-03-19", ["S1", "C7"], ["S1", "C7"] },
        // The readout disputing S2 (from Reuters) did not claim it: listed by source:, never as the readout's alone.
        { "/sources add id:S2 source:\"Kremlin readout\" stance:disputes", ["S1", "C7"], ["S2", "S1", "C7"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Alone_lists_what_no_other_outlet_confirms(string change, string[] alone, string[] citing)
    {
        Readouts();
        Assert.Equal(["S1", "C7"], Alone());
        _bot.Moderate(change);
        Assert.Equal(alone, Alone());
        Assert.Equal(citing, TestBot.Codes(_bot.Ask("/search source:\"Kremlin readout\"")));
        // The same with a word, and alone:false is no filter.
        Assert.Equal(alone.Where(c => c is "C7").ToList(), TestBot.Codes(_bot.Ask("/search energy source:\"Kremlin readout\" alone:true")));
        Assert.Equal(citing, TestBot.Codes(_bot.Ask("/search source:\"Kremlin readout\" alone:false")));
    }

    [Fact]
    public void A_removed_second_source_leaves_the_outlet_alone_again_from_then_on()
    {
        Readouts();
        _bot.Moderate("/sources add id:C7 source:\"White House readout\"");
        At(22);
        _bot.Moderate("/sources remove id:C7 source:\"White House readout\" reason:\"Cited by mistake\"");
        At(24);
        Assert.Equal(["S1", "C7"], Alone());
        Assert.Equal(["S1"], Alone("as_of:2025-03-21"));
        Assert.Equal(["S1", "C7"], Alone("as_of:2025-03-22"));
        Assert.Equal(["C7"], Alone("on:2025-03-18"));
        Assert.Empty(Alone("on:2025-03-18 as_of:2025-03-21"));
    }

    [Fact]
    public void Alone_pages_and_counts_the_withdrawn_it_would_have_listed()
    {
        Readouts();
        _bot.Moderate("/update statement people:Putin date:2025-03-20 text:\"A ceasefire claim never made\" source:\"Kremlin readout\"");
        _bot.Moderate("/update retract id:S3 reason:\"No such claim\"");
        var reply = _bot.Ask("/search source:\"Kremlin readout\" alone:true");
        Assert.Equal("Facts confirmed by Kremlin readout alone", reply.Title);
        Assert.Equal("1 retracted fact was also confirmed by Kremlin readout alone; it is not listed. A word search with source: shows withdrawn facts with that word.",
            reply.Footer);
        var words = _bot.Ask("/search ceasefire source:\"Kremlin readout\" alone:true");
        Assert.Equal("Search: ceasefire, confirmed by Kremlin readout alone", words.Title);
        Assert.Equal(["S1"], TestBot.Codes(words).Take(1));
        Assert.Contains("S3", TestBot.Text(words));
        Assert.Equal("Nothing confirmed by Kremlin readout alone matches every word.",
            _bot.Ask("/search exchange source:\"Kremlin readout\" alone:true").Sections[0].Lines[0].Text);

        for (var i = 1; i <= 15; i++)
            _bot.Moderate($"/update statement people:Putin date:2025-03-{i:00} text:\"Readout {i}\" source:\"Kremlin readout\"");
        var first = _bot.Ask("/search source:\"Kremlin readout\" alone:true");
        Assert.Equal(15, TestBot.Codes(first).Count);
        Assert.Equal("Only the 15 newest are shown; /search source:\"Kremlin readout\" alone:true page:2 shows the next ones, or narrow with query:.",
            first.Sections[0].More);
        Assert.Equal(2, TestBot.Codes(_bot.Ask("/search source:\"Kremlin readout\" alone:true page:2")).Count);
    }

    [Fact]
    public void Alone_needs_an_outlet()
    {
        Assert.Equal("alone:true goes with source:, the outlet that alone confirms: /search source:\"Kremlin readout\" alone:true.",
            _bot.Ask("/search ceasefire alone:true").Title);
    }

    [Fact]
    public void The_alone_index_matches_the_facts_it_was_built_from()
    {
        Readouts();
        _bot.Moderate("/sources add id:C7 source:TASS stance:disputes");
        _bot.Moderate("/sources add id:S2 source:\"Kremlin readout\"");
        var queries = _bot.Get<FactQueries>();
        foreach (var key in new[] { "kremlin readout", "kremlin", "readout", "reuters", "tass" })
        {
            var listed = queries.CitingOutlet(key, 0, 50, alone: true).Items.Select(v => v.Current.Code.ToString()).ToList();
            var wanted = queries.CitingOutlet(key, 0, 50).Items.Where(v => OutletKeys.IsAlone(v.Current.Provenance.Sources, key))
                .Select(v => v.Current.Code.ToString()).ToList();
            Assert.Equal(wanted, listed);
        }
        Assert.Empty(queries.CitingOutlet("tass", 0, 50, alone: true).Items);
    }
}
