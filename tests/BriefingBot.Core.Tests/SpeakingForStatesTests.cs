using Xunit;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Russia speaks through the Kremlin and its spokesman, and at Riyadh through a delegation: a desk enters what they said in
/// March 2025, then (on 14 March) that the Kremlin speaks for Russia and Peskov for the Kremlin; members ask what Russia
/// said and whom it spoke to, now and as known or as things stood on earlier days.
/// </summary>
public sealed class SpeakingForStatesTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    private string Mod(string command) => _bot.ModerateAloud(command, output, _mo);

    private string Ask(string command) => _bot.AskAloud(command, output);

    private IReadOnlyList<string> Codes(string command) => TestBot.Codes(_bot.Ask(command));

    private void RecordMarch()
    {
        At(12);
        Mod("/update actor name:Kremlin kind:organisation");
        Mod("/update statement people:Kremlin date:2025-03-11 via:\"a readout\" stance:conditions text:\"Moscow will study the Jeddah proposal\" source:TASS");
        Mod("/update statement people:\"+Dmitry Peskov\" date:2025-03-12 via:\"a briefing\" text:\"Moscow awaits the details from Washington\" source:Reuters");
        Mod("/update contact kind:call people:\"Peskov, +Steve Witkoff\" date:2025-03-12 summary:\"Arranging the envoy's visit\" source:Reuters");
        Mod("/update role person:Witkoff represents:\"United States\" role:\"Special Envoy\" since:2025-01-20 source:\"White House\"");
        At(14);
        Mod("/update role person:Kremlin represents:Russia role:\"the presidential administration\" since:2000-01-01 source:Reuters");
        Mod("/update role person:Peskov represents:Kremlin role:\"Press Secretary\" since:2012-05-22 source:Reuters");
        At(25);
        // At Riyadh a delegation, in being only from 24 March, spoke for Russia.
        Mod("/update role person:\"+Russian delegation (organisation)\" represents:Russia role:\"the delegation to the Riyadh talks\" since:2025-03-24 source:Reuters");
        Mod("/update role person:\"+Grigory Karasin\" represents:\"Russian delegation\" role:\"head\" since:2025-03-24 source:Reuters");
        Mod("/update statement people:Karasin date:2025-03-24 via:\"remarks to reporters\" text:\"The talks were creative\" source:Reuters");
    }

    [Fact]
    public void What_the_Kremlin_and_its_spokesman_said_counts_as_Russia_s()
    {
        RecordMarch();
        var said = Ask("/statements person:Russia");
        Assert.Contains("Including statements of those who represent Russia now: Kremlin, Russian delegation, Dmitry Peskov for Kremlin and Grigory Karasin for Russian delegation.", said);
        Assert.Contains("Statement by Kremlin, Tuesday 11 March 2025, a readout (sets conditions): Moscow will study the Jeddah proposal", said);
        Assert.Equal(["S3", "S2", "S1"], Codes("/statements person:Russia"));
        // An organisation's own people count as its own, as a state's do.
        Assert.Equal(["S2", "S1"], Codes("/statements person:Kremlin"));
        var met = Ask("/contacts person:Russia");
        Assert.Contains("C7 Call between Dmitry Peskov and Steve Witkoff, Wednesday 12 March 2025: Arranging the envoy's visit", met);
        // Both sides through those who speak for them: the United States' envoy and Russia's spokesman.
        Assert.Equal(["C7"], Codes("/contacts person:\"United States\" with:Russia"));
        Assert.Contains("Including contacts with those who represent Russia now:", Ask("/contacts person:\"United States\" with:Russia"));
        // A store moved by export and import keeps who speaks for whom.
        using var copy = _bot.CopyByExport();
        Assert.Equal(said, TestBot.Text(copy.Ask("/statements person:Russia")).TrimEnd());
    }

    [Fact]
    public void Who_speaks_for_a_state_names_its_organisations_and_their_people()
    {
        RecordMarch();
        var russia = _bot.Ask("/who Russia");
        Ask("/who Russia");
        Assert.Equal(["Represented by", "Through Kremlin", "Through Russian delegation"], russia.Sections.Select(s => s.Heading).OfType<string>());
        Assert.Contains("R3 Dmitry Peskov represents Kremlin as Press Secretary since Tuesday 22 May 2012", Ask("/who Russia"));
        var kremlin = Ask("/who Kremlin");
        Assert.Contains("Represents\nR2 Kremlin represents Russia as the presidential administration since Saturday 1 January 2000", kremlin);
        Assert.Contains("Represented by\nR3 Dmitry Peskov represents Kremlin as Press Secretary", kremlin);
    }

    [Fact]
    public void A_role_recorded_later_or_begun_later_does_not_count_on_an_earlier_day()
    {
        RecordMarch();
        // On 13 March nothing said the Kremlin spoke for Russia: its words were its own.
        var known = Ask("/statements person:Russia as_of:2025-03-13");
        Assert.DoesNotContain("Including", known);
        Assert.Empty(Codes("/statements person:Russia as_of:2025-03-13"));
        Assert.Empty(Codes("/contacts person:Russia as_of:2025-03-13"));
        Assert.Equal(["S2", "S1"], Codes("/statements person:Russia as_of:2025-03-14"));
        // As things stood on 20 March, as known now: the Kremlin and Peskov, not yet the delegation.
        Assert.Contains("Including statements of those who represented Russia on 20 March 2025: Kremlin and Dmitry Peskov for Kremlin.",
            Ask("/statements person:Russia on:2025-03-20"));
        Assert.Equal(["S2", "S1"], Codes("/statements person:Russia on:2025-03-20"));
        Assert.Contains("Including statements of those who represented Russia on 20 March 2025, as known on 14 March 2025: Kremlin and Dmitry Peskov for Kremlin.",
            Ask("/statements person:Russia on:2025-03-20 as_of:2025-03-14"));
        Assert.DoesNotContain("Including", Ask("/statements person:Russia on:2025-03-20 as_of:2025-03-13"));
        Assert.Equal(["C7"], Codes("/contacts person:\"United States\" with:Russia on:2025-03-20"));
        Assert.Empty(Codes("/contacts person:\"United States\" with:Russia on:2025-03-20 as_of:2025-03-13"));
        var who = _bot.Ask("/who Russia on:2025-03-20");
        Assert.DoesNotContain(who.Sections, s => s.Heading == "Through Russian delegation");
    }

    [Fact]
    public void A_role_is_held_by_a_person_or_an_organisation_never_a_state_nor_for_itself()
    {
        RecordMarch();
        Assert.Equal("Russia is a state; a role is held by a person.",
            _bot.Ask("/update role person:Russia represents:Kremlin role:x source:Reuters", _mo).Title);
        Assert.Equal("Kremlin cannot represent itself.", _bot.Ask("/update role person:Kremlin represents:Kremlin role:x source:Reuters", _mo).Title);
        Assert.Equal("Dmitry Peskov is a person; a person represents a state or organisation.",
            _bot.Ask("/update role person:Kremlin represents:Peskov role:x source:Reuters", _mo).Title);
        // A loop in the roles (a mistake) ends: each speaks for Russia once.
        Mod("/update role person:\"Russian delegation\" represents:Kremlin role:x source:Reuters");
        Mod("/update role person:Kremlin represents:\"Russian delegation\" role:x source:Reuters");
        Assert.Equal(["S3", "S2", "S1"], Codes("/statements person:Russia"));
    }
}
