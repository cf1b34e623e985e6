using BriefingBot.Commands;
using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A term entered late (recorded 20 March, in effect from 11 March), edited (recorded 22 March, agreed from 21 March),
/// retracted (24 March) and brought back by undo (26 March), built once; each case asks /terms as known on one day
/// (as_of, the record) and as it stood on another (on, the world). An aid stream (A2, by mo2) and a call (C7, by mo3) live
/// the same story on the same days, so /aid, /contacts, /search source: and /briefing are asked the same table
/// (<see cref="TimeTableTests"/>).
/// </summary>
public sealed class TimeScenario : IDisposable
{
    public TestBot Bot { get; } = new();

    public TimeScenario()
    {
        var (mo, mo2, mo3) = (TestBot.Moderator(), TestBot.Moderator("mo2"), TestBot.Moderator("mo3"));
        At(20);
        Bot.Moderate("/update term proposal:P1 topic:Prisoners text:\"An all-for-all exchange of prisoners.\" status:proposed source:Reuters effective:2025-03-11", mo);
        Bot.Moderate("/update aid donor:\"United Kingdom\" recipient:Ukraine category:financial status:pledged since:2025-03-11 source:Reuters", mo2);
        Bot.Moderate("/update contact kind:call people:\"Macron, Zelensky\" date:2025-03-11 summary:\"Guarantees discussed\" source:Reuters", mo3);
        At(22);
        Bot.Moderate("/update term id:T8 status:agreed source:AFP effective:2025-03-21", mo);
        Bot.Moderate("/update aid id:A2 status:active since:2025-03-21 source:BBC", mo2);
        Bot.Moderate("/update contact id:C7 summary:\"Guarantees agreed\" source:BBC effective:2025-03-21", mo3);
        At(24);
        Bot.Moderate("/update retract id:T8 reason:\"Misreported\"", mo);
        Bot.Moderate("/update retract id:A2 reason:\"Misreported\"", mo2);
        Bot.Moderate("/update retract id:C7 reason:\"Misreported\"", mo3);
        At(26);
        Bot.Moderate("/update undo", mo);
        Bot.Moderate("/update undo", mo2);
        Bot.Moderate("/update undo", mo3);
        At(28);
    }

    public void At(int march) => Bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Bot.Dispose();
}

/// <summary>The two kinds of time, as a table of cases; and dates as people write them.</summary>
public sealed class TimeTests(TimeScenario scenario) : IClassFixture<TimeScenario>
{
    private const string Absent = "-";

    /// <summary>as_of day (0: now), on day (0: left out), and what T8 says then: its status, or absent.</summary>
    public static TheoryData<int, int, string> Cases()
    {
        var cases = new TheoryData<int, int, string>();
        int[] ons = [0, 10, 11, 20, 21, 25];
        foreach (var asOf in new[] { 19, 20, 21, 22, 23, 24, 25, 26, 27, 0 })
            foreach (var on in ons)
                cases.Add(asOf, on, Expected(asOf, on));
        return cases;
    }

    // Written out as the story reads, not computed the way the code does.
    internal static string Expected(int asOf, int on)
    {
        var known = asOf == 0 ? 31 : asOf;
        if (known < 20) return Absent;                      // not yet recorded
        if (known is 24 or 25) return Absent;               // retracted: never so, on any day
        if (on is > 0 and < 11) return Absent;              // before it took effect
        if (known < 22) return "proposed";                  // only the late entry is known
        if (on is > 0 and < 21) return "proposed";          // the edit took effect on 21 March
        return "agreed";                                    // the edit, also after the undo brought it back
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_term_entered_late_edited_retracted_and_undone_reads_on_each_day(int asOf, int on, string expected)
    {
        var command = "/terms proposal:P1" + (asOf > 0 ? $" as_of:2025-03-{asOf:00}" : "") + (on > 0 ? $" on:2025-03-{on:00}" : "");
        var reply = scenario.Bot.Ask(command);
        var line = reply.Sections.SelectMany(s => s.Lines).FirstOrDefault(l => l.Provenance?.Code.ToString() == "T8");
        if (expected == Absent) Assert.Null(line);
        else Assert.EndsWith($"({expected})", Assert.IsType<Replies.ReplyLine>(line).Text);
        // The answer says which view it shows.
        if (on > 0) Assert.Contains($"as things stood on {on} March 2025", reply.Title);
        if (asOf > 0) Assert.Contains($"as known on {asOf} March 2025", reply.Title);
    }

    [Fact]
    public void History_says_when_a_late_entry_took_effect()
    {
        var history = TestBot.Text(scenario.Bot.Ask("/history T8"));
        Assert.Contains("1. Recorded by mo on 20 March 2025: Prisoners: An all-for-all exchange of prisoners. (proposed) (in effect from 11 March 2025)", history);
        Assert.Contains("(in effect from 21 March 2025)", history);
    }

    [Theory]
    [InlineData("2025-03-11", "11 March 2025")]
    [InlineData("11 March 2025", "11 March 2025")]
    [InlineData("11 Mar", "11 March 2025")]
    [InlineData("March 11th, 2025", "11 March 2025")]
    [InlineData("2025-W11", "the week of 10 March 2025")]
    [InlineData("March 2025", "March 2025")]
    [InlineData("2025-03", "March 2025")]
    [InlineData("2025-03-23..2025-03-25", "23–25 March 2025")]
    [InlineData("23-25 March 2025", "23–25 March 2025")]
    [InlineData("2025-03-30..2025-04-02", "30 March – 2 April 2025")]
    [InlineData("2025-03-23..25", "23–25 March 2025")]
    [InlineData("yesterday", "27 March 2025")]
    public void Dates_read_as_people_write_them_and_keep_their_precision(string typed, string shown)
    {
        Assert.True(DateInput.TryParsePeriod(typed, new DateTimeOffset(2025, 3, 28, 10, 0, 0, TimeSpan.Zero), out var period));
        Assert.Equal(shown, period.Short());
        // What is stored reads back as the same period.
        Assert.True(DateInput.TryParsePeriod(DateInput.Canonical(period), DateTimeOffset.UnixEpoch, out var again));
        Assert.Equal(period, again);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("2025-02-30")]
    [InlineData("2025-W54")]
    [InlineData("2025-03-25..2025-03-23")]
    [InlineData("13/2025")]
    public void A_date_that_is_not_one_gets_a_polite_answer_naming_the_forms(string typed)
    {
        var reply = scenario.Bot.Ask($"/terms on:\"{typed}\"");
        Assert.Equal(Replies.ReplyTone.Error, reply.Tone);
        Assert.Equal($"“{typed}” is not a date I understand for on. {DateInput.Hint}", reply.Title);
    }
}
