using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>/statements in a past view, and /briefing as_of a day written as it could have been at the end of that day.</summary>
public sealed class PastBriefingTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");
    private readonly Commands.Caller _bob = TestBot.Moderator("bob");

    public void Dispose() => _bot.Dispose();

    private void On(int day, int hour) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, day, hour, 0, 0, TimeSpan.Zero));

    private string Mod(string command, Commands.Caller? who = null) => _bot.Moderate(command, who ?? _mo);

    private const string FalseClaim =
        "/update statement people:Russia date:2025-03-14 via:\"a post\" stance:supports text:\"Russia has accepted the full 30-day ceasefire\" source:\"a Telegram channel\"";

    [Fact]
    public void Statements_answer_both_questions_by_what_each_statement_was_then()
    {
        On(14, 10);
        Mod(FalseClaim, _bob);
        On(16, 9);
        Mod("/update statement id:S1 people:\"+Vladimir Putin\" source:TASS");
        On(18, 9);
        Mod("/update retract id:S1 reason:\"No such acceptance\"");
        On(20, 9);

        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/statements")));
        var asKnown = _bot.Ask("/statements as_of:2025-03-15");
        Assert.Equal("Statements as known on 15 March 2025", asKnown.Title);
        Assert.Contains("Statement by Russia, Friday 14 March 2025", TestBot.Text(asKnown));
        Assert.Contains("S1", TestBot.Codes(_bot.Ask("/statements person:Russia as_of:2025-03-15")));
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/statements person:Putin as_of:2025-03-15")));
        Assert.Contains("S1", TestBot.Codes(_bot.Ask("/statements person:Putin stance:supports as_of:2025-03-17")));
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/statements stance:rejects as_of:2025-03-17")));
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/statements as_of:2025-03-13")));
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/statements as_of:2025-03-18")));
        Assert.Equal("Statements as things stood on 13 March 2025, as known on 15 March 2025", _bot.Ask("/statements on:2025-03-13 as_of:2025-03-15").Title);
        Assert.DoesNotContain("S1", TestBot.Codes(_bot.Ask("/statements on:2025-03-13 as_of:2025-03-15")));
        Assert.Contains("S1", TestBot.Codes(_bot.Ask("/statements on:2025-03-14 as_of:2025-03-15")));

        // A briefing in a past view has its statements section again.
        var briefing = _bot.Ask("/briefing as_of:2025-03-15");
        Assert.Contains(briefing.Sections, s => s.Heading == "Statements in the last week" && s.Lines.Any(l => l.Provenance?.Code.ToString() == "S1"));
        Assert.DoesNotContain(_bot.Ask("/briefing").Sections, s => s.Heading == "Statements in the last week");
    }

    [Fact]
    public void A_briefing_as_of_a_day_gives_the_net_changes_as_they_could_have_been_written_that_evening()
    {
        On(14, 10);
        Mod(FalseClaim, _bob);
        Mod("/update term id:T1 text:\"A partial truce lasting two months.\" source:AFP");
        Mod("/update term id:T2 status:disputed source:AFP");
        On(15, 9);
        // Recorded the next day: none of it may reach the briefing as of the 14th.
        Mod("/update retract id:S1 reason:\"No such acceptance\"");
        Mod("/update term id:T1 text:\"A partial truce lasting three months.\" source:AFP");
        Mod("/update term id:T2 status:proposed source:AFP");
        Mod("/update proposal name:\"Black Sea arrangement\" status:proposed sponsors:\"United States\" source:Reuters");
        On(20, 9);

        var then = _bot.Ask("/briefing since:2025-03-14 as_of:2025-03-14");
        var text = TestBot.Text(then);
        Assert.Equal("Briefing as known on 14 March 2025", then.Title);
        Assert.Contains("S1 New statement: Statement by Russia, Friday 14 March 2025", text);
        Assert.Contains("T1 Changed term: Duration: A partial truce lasting two months. (proposed) (“…lasting one month.” became “…lasting two months.”)", text);
        Assert.Contains("T2 Changed term", text);
        Assert.Contains("(was proposed, now disputed)", text);
        Assert.DoesNotContain("three months", text);
        Assert.DoesNotContain("Retracted", text);
        Assert.DoesNotContain("Entered and retracted", text);
        Assert.DoesNotContain("Black Sea", text);
        Assert.DoesNotContain(then.Sections, s => s.Heading!.StartsWith("Withdrawn", StringComparison.Ordinal));
        // The window runs to the end of the 14th, in the words of that evening.
        Assert.Contains(then.Sections, s => s.Heading!.StartsWith("Terms and proposals — changed since 14 March 2025, 00:00 UTC", StringComparison.Ordinal));

        // Asked now over the same days, the claim is withdrawn and T1 reads three months.
        var now = TestBot.Text(_bot.Ask("/briefing since:2025-03-14"));
        Assert.Contains("Entered and retracted", now);
        Assert.Contains("three months", now);
        Assert.Contains("Black Sea", now);
    }
}
