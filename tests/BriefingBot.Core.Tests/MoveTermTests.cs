using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

/// <summary>Moving a term to another proposal is a revision like any other: answers follow it and its history says so.</summary>
public sealed class MoveTermTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private string Moderate(string command) => TestBot.Text(_bot.Ask(command, TestBot.Moderator()));

    [Fact]
    public void Update_term_with_another_proposal_moves_it_and_history_says_so()
    {
        Moderate("/update proposal name:\"Jeddah framework\" status:proposed sponsors:\"United States\" source:Reuters");
        Moderate("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters");
        _bot.Time.Advance(TimeSpan.FromDays(2));

        var moved = Moderate("/update term id:T4 proposal:P3 source:Reuters reason:\"It is the US plan's clause\"");
        Assert.Contains("Updated T4.", moved);
        Assert.Contains("Moved from P1 to P3.", moved);
        Assert.DoesNotContain("Source or confidence updated", moved);

        Assert.Contains("T4", TestBot.Codes(_bot.Ask("/terms proposal:P3")));
        Assert.DoesNotContain("T4", TestBot.Codes(_bot.Ask("/terms proposal:P1")));
        Assert.Contains("(moved from P1 to P3)", TestBot.Text(_bot.Ask("/history T4")));
        Assert.Contains("moved from P1 to P3", TestBot.Text(_bot.Ask("/changes")));

        // What was known before the move still reads as it was.
        Assert.Contains("T4", TestBot.Codes(_bot.Ask("/terms proposal:P1 as_of:2025-03-10")));
        Assert.DoesNotContain("T4", TestBot.Codes(_bot.Ask("/terms proposal:P3 as_of:2025-03-10")));
        Assert.DoesNotContain("T4", TestBot.Codes(_bot.Ask("/terms proposal:P1 as_of:2025-03-12")));

        Moderate("/update undo");
        Assert.Contains("T4", TestBot.Codes(_bot.Ask("/terms proposal:P1")));
        Assert.DoesNotContain("T4", TestBot.Codes(_bot.Ask("/terms proposal:P3")));
    }

    [Fact]
    public void A_term_cannot_move_to_a_retracted_proposal_and_a_change_of_wording_with_a_move_says_both()
    {
        Moderate("/update proposal name:\"Jeddah framework\" status:proposed sponsors:\"United States\" source:Reuters");
        Moderate("/update retract id:P2 reason:\"Never tabled\"");
        Assert.Contains("P2 was retracted; a term cannot move there.", Moderate("/update term id:T1 proposal:P2 source:Reuters"));
        Assert.Contains("T1", TestBot.Codes(_bot.Ask("/terms proposal:P1")));

        Moderate("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters");
        var both = Moderate("/update term id:T1 proposal:P3 text:\"Thirty days\" source:Reuters");
        Assert.Contains("Moved from P1 to P3; was “A partial truce lasting one month.”, now “Thirty days”.", both);
        Assert.Contains("Added source AP; removed source Reuters.", Moderate("/update term id:T1 proposal:P3 source:AP"));
    }

    [Fact]
    public void Terms_as_of_a_day_names_only_the_other_proposals_known_that_day()
    {
        _bot.Time.Advance(TimeSpan.FromDays(1));
        Moderate("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters");
        _bot.Time.Advance(TimeSpan.FromDays(1));
        Moderate("/update proposal name:\"Black Sea arrangement\" status:proposed sponsors:\"United States\" source:Reuters");
        Moderate("/update retract id:P2 reason:\"Entered twice\"");

        Assert.DoesNotContain("Other proposals", TestBot.Text(_bot.Ask("/terms proposal:P1 as_of:2025-03-10")));
        var then = _bot.Ask("/terms proposal:P1 as_of:2025-03-11");
        Assert.Equal("Other proposals include US ceasefire proposal (P2). Ask /terms proposal:<name or id>.", then.Footer);
        Assert.Equal("Other proposals include Black Sea arrangement (P3). Ask /terms proposal:<name or id>.", _bot.Ask("/terms proposal:P1").Footer);
    }

    [Fact]
    public void A_term_reworded_and_agreed_in_one_update_says_both()
    {
        var changed = Moderate("/update term id:T3 status:agreed text:\"A 30-day halt to strikes on energy infrastructure.\" source:\"White House readout\"");
        Assert.Contains("Was “The truce covers attacks targeting energy infrastructure.” (proposed), now “A 30-day halt to strikes on energy infrastructure.” (agreed).", changed);
        Assert.Contains("(proposed), now", TestBot.Text(_bot.Ask("/changes")));
    }
}
