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
}
