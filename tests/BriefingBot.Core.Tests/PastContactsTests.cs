using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A call between Macron and Starmer on 8 March, entered on 10 March, its people corrected to Macron and Zelensky on
/// 14 March, retracted on 18 March; and a meeting of Macron and Zelensky planned for 20 March, announced and entered on
/// 10 March. Built once; each case asks /contacts as known on one day and as it stood on another, by person and without.
/// </summary>
public sealed class PastContactsScenario : IDisposable
{
    public TestBot Bot { get; } = new();

    public string Call { get; }

    public string Planned { get; }

    public PastContactsScenario()
    {
        var mo = TestBot.Moderator();
        At(10);
        Call = Code(Bot.Ask("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-08 summary:\"Geneva channel\" source:Reuters", mo));
        Planned = Code(Bot.Ask("/update contact kind:meeting people:\"Macron, Zelensky\" date:2025-03-20 planned:true summary:\"Paris meeting\" source:Reuters source_date:2025-03-10", mo));
        At(14);
        Bot.Ask($"/update contact id:{Call} people:\"Macron, Zelensky\" source:AFP", mo);
        At(18);
        Bot.Ask($"/update retract id:{Call} reason:\"No such call\"", mo);
        At(28);
    }

    private static string Code(Reply reply) => TestBot.Codes(reply)[0];

    public void At(int march) => Bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Bot.Dispose();
}

/// <summary>/contacts in a past view selects by what each contact was then, not by today's lists; so do its picture and /statements.</summary>
public sealed class PastContactsTests(PastContactsScenario scenario) : IClassFixture<PastContactsScenario>
{
    /// <summary>as_of day (0: now), on day (0: left out), person (empty: any), and whether the call and the planned meeting are listed.</summary>
    public static TheoryData<int, int, string, bool, bool> Cases()
    {
        var cases = new TheoryData<int, int, string, bool, bool>();
        foreach (var asOf in new[] { 9, 10, 13, 14, 17, 18, 0 })
            foreach (var on in new[] { 0, 7, 8, 12 })
                foreach (var person in new[] { "", "Starmer", "Zelensky" })
                    cases.Add(asOf, on, person, CallListed(asOf, on, person), PlannedListed(asOf, on, person));
        return cases;
    }

    // Written out as the story reads, not computed the way the code does.
    private static bool CallListed(int asOf, int on, string person)
    {
        var known = asOf == 0 ? 31 : asOf;
        if (known < 10) return false;                       // not yet recorded
        if (known >= 18) return false;                      // retracted: never so, on any day
        if (on is > 0 and < 8) return false;                // before it happened
        var people = known < 14 ? "Starmer" : "Zelensky";   // whom it named then (with Macron)
        return person == "" || person == people;
    }

    private static bool PlannedListed(int asOf, int on, string person)
    {
        var known = asOf == 0 ? 31 : asOf;
        if (known < 10) return false;                       // not yet recorded
        if (on is > 0 and < 10) return false;               // not yet announced
        return person is "" or "Zelensky";                  // planned for after every day asked, listed as planned
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_contact_entered_edited_and_retracted_is_listed_as_it_was_on_each_day(int asOf, int on, string person, bool call, bool planned)
    {
        var command = "/contacts" + (person == "" ? "" : $" person:{person}") + (asOf > 0 ? $" as_of:2025-03-{asOf:00}" : "") + (on > 0 ? $" on:2025-03-{on:00}" : "");
        var reply = scenario.Bot.Ask(command);
        var codes = TestBot.Codes(reply);
        Assert.Equal(call, codes.Contains(scenario.Call));
        Assert.Equal(planned, codes.Contains(scenario.Planned));
        // The line reads as the contact did then.
        if (call)
        {
            var line = reply.Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == scenario.Call).Text;
            Assert.Contains(asOf is > 0 and < 14 ? "Emmanuel Macron and Keir Starmer" : "Emmanuel Macron and Volodymyr Zelenskyy", line);
        }
        if (planned) Assert.Contains("Planned meeting", TestBot.Text(reply));
        // The answer says which view it shows.
        if (on > 0) Assert.Contains($"as things stood on {on} March 2025", reply.Title);
        if (asOf > 0) Assert.Contains($"as known on {asOf} March 2025", reply.Title);
    }

    [Fact]
    public void With_kind_and_place_are_tested_on_the_contact_as_it_was()
    {
        var bot = scenario.Bot;
        Assert.Contains(scenario.Call, TestBot.Codes(bot.Ask("/contacts person:Macron with:Starmer kind:call as_of:2025-03-12")));
        Assert.DoesNotContain(scenario.Call, TestBot.Codes(bot.Ask("/contacts person:Macron with:Zelensky as_of:2025-03-12")));
        Assert.Contains(scenario.Call, TestBot.Codes(bot.Ask("/contacts person:Macron with:Zelensky as_of:2025-03-15")));
        Assert.DoesNotContain(scenario.Call, TestBot.Codes(bot.Ask("/contacts person:Starmer kind:meeting as_of:2025-03-12")));
        Assert.DoesNotContain(scenario.Call, TestBot.Codes(bot.Ask("/contacts person:Starmer since:2025-03-09 as_of:2025-03-12")));
    }

    [Fact]
    public void The_picture_of_a_past_view_draws_what_it_lists()
    {
        var reply = scenario.Bot.Ask("/contacts person:Starmer since:2025-03-08 as_of:2025-03-12 graph:true");
        Assert.Equal([scenario.Call], TestBot.Codes(reply));
        var png = Assert.Single(reply.Attachments);
        Assert.Equal("Who spoke to whom: Contacts of Keir Starmer since 8 March 2025 as known on 12 March 2025", png.Description);
        // Today the call is retracted: nothing held is left to draw in those options.
        var now = scenario.Bot.Ask("/contacts person:Starmer since:2025-03-08 graph:true");
        Assert.Empty(now.Attachments);
    }
}
