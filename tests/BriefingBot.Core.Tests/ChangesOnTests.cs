namespace BriefingBot.Core.Tests;

/// <summary>
/// <c>/changes on:</c>: the audit log read in the world. A desk catching up on a backlog in late March asks which changes took
/// effect in the week of 10 March, whenever they were typed in, with who recorded each, when and why.
/// </summary>
public sealed class ChangesOnTests : IDisposable
{
    private readonly TestBot _bot = new(maxLines: 2);

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    // T8 entered on the 20th in effect from the 11th and reworded on the 22nd in effect from the 13th; T9 entered in effect from
    // the 12th and undone; T10 in effect from the 12th and retracted.
    private void Backlog()
    {
        At(20);
        _bot.Moderate("/update term proposal:P1 topic:Ports text:\"The pause also covers ports.\" source:Reuters effective:2025-03-11");
        At(22);
        _bot.Moderate("/update term id:T8 text:\"The pause also covers Black Sea ports.\" source:Reuters effective:2025-03-13 reason:\"Reuters corrected its wording\"");
        At(23);
        _bot.Moderate("/update term proposal:P1 topic:Prisoners text:\"Prisoners are exchanged.\" source:AFP effective:2025-03-12");
        _bot.Moderate("/update undo");
        _bot.Moderate("/update term proposal:P1 topic:Airports text:\"Airports reopen.\" source:TASS effective:2025-03-12");
        _bot.Moderate("/update retract id:T10 reason:\"TASS withdrew it\"");
        At(25);
    }

    [Fact]
    public void It_lists_what_took_effect_up_to_the_day_whenever_recorded_with_who_when_and_why()
    {
        Backlog();
        var reply = _bot.Ask("/changes on:2025-03-14 since:2025-03-10");
        var text = TestBot.Text(reply);
        Assert.StartsWith("Changes in effect since 10 March 2025, as things stood on 14 March 2025\n", text);
        Assert.Equal(["T8", "T8"], TestBot.Codes(reply));
        Assert.Contains("T8 Changed term: Ports: The pause also covers Black Sea ports. (proposed) (“…covers ports.” became “…covers Black Sea ports.”) — in effect from 13 March 2025; recorded by mo, 3 days ago (Reuters corrected its wording)", text);
        Assert.Contains("T8 New term: Ports: The pause also covers ports. (proposed) — in effect from 11 March 2025; recorded by mo, 5 days ago", text);
        // Undone and retracted changes held on no day; the log as recorded still lists them.
        Assert.DoesNotContain("Prisoners", text);
        Assert.DoesNotContain("Airports", text);
        var record = TestBot.Text(_bot.Ask("/changes since:2025-03-23"));
        Assert.Contains("Prisoners", record);
        Assert.Contains("Airports", record);
    }

    [Fact]
    public void It_takes_as_of_pages_and_leaves_out_what_took_effect_after_the_day()
    {
        Backlog();
        // Before the edit was recorded, and before it took effect: the entry alone.
        Assert.Equal(["T8"], TestBot.Codes(_bot.Ask("/changes on:2025-03-14 since:2025-03-10 as_of:2025-03-21")));
        Assert.Equal(["T8"], TestBot.Codes(_bot.Ask("/changes on:2025-03-12 since:2025-03-10")));
        Assert.Equal("Changes in effect since 10 March 2025, as things stood on 14 March 2025, as known on 21 March 2025",
            _bot.Ask("/changes on:2025-03-14 since:2025-03-10 as_of:2025-03-21").Title);
        // Seven days before the day when since is left out: the seed's report of 6 March is in the week to the 12th, not the 14th.
        Assert.StartsWith("Changes in effect since 5 March 2025,", _bot.Ask("/changes on:2025-03-12").Title);
        Assert.Contains("P1", TestBot.Codes(_bot.Ask("/changes on:2025-03-12 page:3")));
        Assert.Equal(["T8", "T8"], TestBot.Codes(_bot.Ask("/changes on:2025-03-14")));
        // Four a page here (maxLines 2): the seed's facts page on, newest effect first, the view repeated.
        var first = _bot.Ask("/changes on:2025-03-12 since:2025-03-01");
        Assert.Equal(4, TestBot.Codes(first).Count);
        Assert.Contains("Older changes follow on /changes since:2025-03-01 on:2025-03-12 page:2.", TestBot.Text(first));
        var second = _bot.Ask("/changes on:2025-03-12 since:2025-03-01 page:2");
        Assert.Equal(4, TestBot.Codes(second).Count);
        Assert.Empty(TestBot.Codes(first).Intersect(TestBot.Codes(second)));
        Assert.Equal("Nothing recorded took effect then.", TestBot.Text(_bot.Ask("/changes on:2025-02-01")).Split('\n')[2]);
        Assert.Equal("since is after on; give an earlier since date.", TestBot.Text(_bot.Ask("/changes on:2025-03-12 since:2025-03-13")).Split('\n')[0]);
    }
}
