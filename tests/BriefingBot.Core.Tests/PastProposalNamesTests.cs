using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A proposal named in a past view is found as it was then: by id or by the name it had then, even if it was renamed or
/// retracted since, and the answer calls it by that name.
/// </summary>
public sealed class PastProposalNamesTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator();

    public void Dispose() => _bot.Dispose();

    private void At(int march) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    private string Mod(string command)
    {
        var reply = _bot.Ask(command, _mo);
        Assert.NotEqual(ReplyTone.Error, reply.Tone);
        return TestBot.Codes(reply) is [var first, ..] ? first : "";
    }

    // P2 "US ceasefire proposal" from 10 March, renamed "Jeddah ceasefire proposal" on 13 March; P3 "Black Sea arrangement"
    // from 10 March, retracted on 15 March; a statement about each, made on 11 March.
    private (string Renamed, string Retracted, string AboutRenamed, string AboutRetracted) Story()
    {
        At(10);
        var renamed = Mod("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters");
        var retracted = Mod("/update proposal name:\"Black Sea arrangement\" status:proposed sponsors:\"United States\" source:Reuters");
        Mod($"/update term proposal:{retracted} topic:Shipping text:\"Safe passage for merchant ships.\" status:proposed source:Reuters");
        At(11);
        var aboutRenamed = Mod($"/update statement people:Zelensky date:2025-03-11 via:\"a post\" text:\"We are ready\" stance:supports about:{renamed} source:AFP");
        var aboutRetracted = Mod($"/update statement people:Zelensky date:2025-03-11 via:\"a post\" text:\"Ships must pass\" about:{retracted} source:AFP");
        At(13);
        Mod($"/update proposal id:{renamed} name:\"Jeddah ceasefire proposal\" source:Reuters");
        At(15);
        Mod($"/update retract id:{retracted} reason:\"No such arrangement was tabled\"");
        At(20);
        return (renamed, retracted, aboutRenamed, aboutRetracted);
    }

    [Fact]
    public void A_past_briefing_says_what_a_statement_is_now_about_and_was_about_by_the_names_they_had_that_day()
    {
        var (p2, p3, _, aboutP3) = Story();
        // Recorded on the 20th, in effect on the 12th: the statement was about P2 from then, and P2 was renamed on the 13th.
        Mod($"/update statement id:{aboutP3} about:{p2} effective:2025-03-12 source:AFP");

        // The window is the 12th alone: the statement stood before it (about P3), so its net change there is the move.
        var then = TestBot.Text(_bot.Ask("/briefing since:2025-03-12 on:2025-03-12"));
        Assert.Contains($"now about the US ceasefire proposal ({p2}), was the Black Sea arrangement ({p3})", then);
        Assert.DoesNotContain("Jeddah", then);
    }

    [Fact]
    public void A_proposal_retracted_since_is_found_by_id_and_by_its_name_where_it_stood()
    {
        var (_, p3, _, about) = Story();
        foreach (var name in new[] { p3, "Black Sea arrangement", "black sea" })
        {
            var terms = _bot.Ask($"/terms proposal:\"{name}\" as_of:2025-03-12");
            Assert.Equal($"Terms of the Black Sea arrangement ({p3}) as known on 12 March 2025", terms.Title);
            Assert.Contains("Safe passage for merchant ships.", TestBot.Text(terms));
            var statements = _bot.Ask($"/statements about:\"{name}\" as_of:2025-03-12");
            Assert.Equal($"Statements about the Black Sea arrangement ({p3}) as known on 12 March 2025", statements.Title);
            Assert.Equal([about], TestBot.Codes(statements));
        }
        // Both questions, when we knew of it: it stood on 11 March as known on 14 March.
        Assert.Equal([about], TestBot.Codes(_bot.Ask("/statements about:\"Black Sea arrangement\" on:2025-03-11 as_of:2025-03-14")));
        // Now, and in the world on any day as known now, a retracted proposal never was: by name it is unknown, by id it says why.
        Assert.StartsWith("No proposal called “Black Sea arrangement”", _bot.Ask("/terms proposal:\"Black Sea arrangement\"").Title);
        Assert.StartsWith($"{p3} was retracted.", _bot.Ask($"/terms proposal:{p3} on:2025-03-12").Title);
        Assert.StartsWith("No proposal called “Black Sea arrangement” as things stood on 12 March 2025",
            _bot.Ask("/terms proposal:\"Black Sea arrangement\" on:2025-03-12").Title);
    }

    [Fact]
    public void A_proposal_renamed_since_is_found_by_the_name_it_had_then_and_called_by_it()
    {
        var (p2, _, about, _) = Story();
        var terms = _bot.Ask("/terms proposal:\"US ceasefire proposal\" as_of:2025-03-12");
        Assert.Equal($"Terms of the US ceasefire proposal ({p2}) as known on 12 March 2025", terms.Title);
        // The name it has now finds it too, called by the name it had in the view.
        Assert.Equal($"Terms of the US ceasefire proposal ({p2}) as known on 12 March 2025", _bot.Ask("/terms proposal:Jeddah as_of:2025-03-12").Title);
        var statements = _bot.Ask("/statements about:\"US ceasefire proposal\" on:2025-03-11");
        Assert.Equal($"Statements about the US ceasefire proposal ({p2}) as things stood on 11 March 2025", statements.Title);
        Assert.Equal([about], TestBot.Codes(statements));
        Assert.Equal($"Statements about the US ceasefire proposal ({p2}) as known on 12 March 2025",
            _bot.Ask($"/statements about:{p2} as_of:2025-03-12").Title);
        // Now it goes by its new name only, as before.
        Assert.Equal($"Terms of the Jeddah ceasefire proposal ({p2})", _bot.Ask("/terms proposal:Jeddah").Title);
        Assert.StartsWith("No proposal called “US ceasefire proposal”", _bot.Ask("/terms proposal:\"US ceasefire proposal\"").Title);
        // A name no proposal had then offers those that stood then.
        var unknown = _bot.Ask("/terms proposal:Minsk as_of:2025-03-12");
        Assert.Equal(ReplyTone.Error, unknown.Tone);
        Assert.Contains("as known on 12 March 2025 — did you mean", unknown.Title);
        Assert.Contains("US ceasefire proposal", unknown.Title);
    }

    [Fact]
    public void A_line_about_a_proposal_renamed_since_names_it_as_it_was_in_the_view()
    {
        var (p2, p3, about, aboutRetracted) = Story();
        // A call about P2 entered late (on 20 March), dated 11 March.
        var call = Mod($"/update contact kind:call people:\"Zelensky, Macron\" date:2025-03-11 summary:\"The truce\" about:{p2} source:Reuters");
        string Said(string command, string code) =>
            _bot.Ask(command).Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == code).Text;
        var then = $"— about the US ceasefire proposal ({p2})";
        var renamed = $"— about the Jeddah ceasefire proposal ({p2})";
        // Before the rename, as known then or as things stood then, it goes by the name it had.
        Assert.EndsWith(then, Said("/statements as_of:2025-03-12", about));
        Assert.EndsWith(then, Said("/statements on:2025-03-12", about));
        Assert.EndsWith(then, Said("/statements on:2025-03-12 as_of:2025-03-14", about));
        Assert.EndsWith(then, Said($"/statements about:{p2} on:2025-03-12", about));
        Assert.EndsWith(then, Said("/contacts on:2025-03-12", call));
        var briefing = _bot.Ask("/briefing on:2025-03-12");
        Assert.EndsWith(then, briefing.Sections.Single(s => s.Heading == "Statements in the last week").Lines.Single(l => l.Provenance?.Code.ToString() == about).Text);
        // What took effect in the window names it as it stood then too.
        Assert.EndsWith(then, briefing.Sections.Where(s => s.Heading?.Contains("took effect", StringComparison.Ordinal) == true)
            .SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == about).Text);
        // After it, and now, by its new name.
        Assert.EndsWith(renamed, Said("/statements on:2025-03-14", about));
        Assert.EndsWith(renamed, Said("/statements as_of:2025-03-14", about));
        Assert.EndsWith(renamed, Said("/statements", about));
        Assert.EndsWith(renamed, Said("/contacts", call));
        // A proposal retracted since is named as it was before the retraction.
        Assert.EndsWith($"— about the Black Sea arrangement ({p3})", Said("/statements as_of:2025-03-12", aboutRetracted));
    }

    [Fact]
    public void A_line_about_a_proposal_not_yet_tabled_that_day_takes_its_first_name_known_then()
    {
        var (p2, _, _, _) = Story();
        // A statement of 5 March about P2 (tabled on 10 March) entered on 20 March; P2 renamed again on 22 March.
        var early = Mod($"/update statement people:Zelensky date:2025-03-05 via:\"a post\" text:\"A truce must come first\" about:{p2} source:AFP");
        At(22);
        Mod($"/update proposal id:{p2} name:\"Riyadh ceasefire proposal\" source:Reuters");
        string Said(string command) => _bot.Ask(command).Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == early).Text;
        // P2 did not stand on 6 March: it goes by the first name it had, as known by the as-of day, never by a later one.
        Assert.EndsWith($"— about the US ceasefire proposal ({p2})", Said("/statements on:2025-03-06 as_of:2025-03-21"));
        Assert.EndsWith($"— about the US ceasefire proposal ({p2})", Said("/statements on:2025-03-06"));
        // As known on 21 March (no day asked), by the name it had then; now by its newest.
        Assert.EndsWith($"— about the Jeddah ceasefire proposal ({p2})", Said("/statements as_of:2025-03-21"));
        Assert.EndsWith($"— about the Riyadh ceasefire proposal ({p2})", Said("/statements"));
    }

    [Fact]
    public void Other_proposals_in_a_past_view_go_by_the_names_they_had_then()
    {
        var (p2, _, _, _) = Story();
        // The seeded P1 is shown; P2 is among the others, by the name it had in the view.
        Assert.NotEqual("P1", p2);
        foreach (var view in new[] { "as_of:2025-03-12", "on:2025-03-12", "as_of:2025-03-14 on:2025-03-12" })
            Assert.Contains($"US ceasefire proposal ({p2})", _bot.Ask($"/terms proposal:P1 {view}").Footer);
        Assert.Contains($"Jeddah ceasefire proposal ({p2})", _bot.Ask("/terms proposal:P1").Footer);
        Assert.Contains($"Jeddah ceasefire proposal ({p2})", _bot.Ask("/terms proposal:P1 on:2025-03-14").Footer);
    }
}
