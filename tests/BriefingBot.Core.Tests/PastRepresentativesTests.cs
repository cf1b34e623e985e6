using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Ukraine's foreign minister replaced: Kuleba's role (since 2020) entered on 10 March 2025 with his call of 1 August 2024
/// and a statement; on 14 March his role is ended on 5 September 2024 and Sybiha's begun that day, with Sybiha's call of
/// 9 March 2025 and a statement. Built once; each case asks about Ukraine in one view.
/// </summary>
public sealed class PastRepresentativesScenario : IDisposable
{
    public TestBot Bot { get; } = new();

    public string KulebaCall { get; }
    public string SybihaCall { get; }
    public string KulebaSaid { get; }
    public string SybihaSaid { get; }

    public PastRepresentativesScenario()
    {
        var mo = TestBot.Moderator();
        At(10);
        Ask("/update role person:\"+Dmytro Kuleba\" represents:Ukraine role:\"Minister of Foreign Affairs\" since:2020-03-04 source:Reuters", mo);
        KulebaCall = Code(Ask("/update contact kind:call people:\"Dmytro Kuleba, +Antony Blinken\" date:2024-08-01 summary:\"Air defence for the winter\" source:Reuters", mo));
        KulebaSaid = Code(Ask("/update statement people:Kuleba date:2024-08-02 via:\"a briefing\" text:\"We need more air defence\" source:Reuters", mo));
        SybihaCall = Code(Ask("/update contact kind:call people:\"+Andrii Sybiha, +Marco Rubio\" date:2025-03-09 summary:\"Preparing the Jeddah talks\" source:\"State Department\"", mo));
        SybihaSaid = Code(Ask("/update statement people:Sybiha date:2025-03-09 via:\"a post\" text:\"Ready for the Jeddah talks\" source:AFP", mo));
        At(14);
        Ask("/update role person:Kuleba represents:Ukraine until:2024-09-05 source:Reuters reason:\"Replaced by Andrii Sybiha\"", mo);
        Ask("/update role person:Sybiha represents:Ukraine role:\"Minister of Foreign Affairs\" since:2024-09-05 source:Reuters", mo);
        At(20);
    }

    private Reply Ask(string command, Commands.Caller caller)
    {
        var reply = Bot.Ask(command, caller);
        Assert.NotEqual(ReplyTone.Error, reply.Tone);
        return reply;
    }

    private static string Code(Reply reply) => TestBot.Codes(reply)[0];

    public void At(int march) => Bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, march, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Bot.Dispose();
}

/// <summary>A state's contacts and statements in a past view take in the people who represented it then, and say so.</summary>
public sealed class PastRepresentativesTests(PastRepresentativesScenario scenario) : IClassFixture<PastRepresentativesScenario>
{
    /// <summary>The options of a view, who represented Ukraine in it, and how the answer says when.</summary>
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "", "Andrii Sybiha", "represent Ukraine now" },
        { " on:2024-08-15", "Dmytro Kuleba", "represented Ukraine on 15 August 2024" },
        { " on:2025-03-10", "Andrii Sybiha", "represented Ukraine on 10 March 2025" },
        // Known on 12 March: Kuleba's role, not yet ended, and nothing of Sybiha's.
        { " as_of:2025-03-12", "Dmytro Kuleba", "represented Ukraine on 12 March 2025, as known then" },
        { " as_of:2025-03-15", "Andrii Sybiha", "represented Ukraine on 15 March 2025, as known then" },
        { " on:2025-03-10 as_of:2025-03-12", "Dmytro Kuleba", "represented Ukraine on 10 March 2025, as known on 12 March 2025" },
        { " on:2024-08-15 as_of:2025-03-15", "Dmytro Kuleba", "represented Ukraine on 15 August 2024, as known on 15 March 2025" },
        { " on:2024-09-05", "Andrii Sybiha", "represented Ukraine on 5 September 2024" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Contacts_of_a_state_take_in_who_represented_it_in_the_view(string view, string minister, string when)
    {
        var reply = scenario.Bot.Ask("/contacts person:Ukraine" + view);
        var codes = TestBot.Codes(reply);
        var kuleba = minister == "Dmytro Kuleba";
        Assert.Equal(kuleba, codes.Contains(scenario.KulebaCall));
        // Sybiha's call of 9 March 2025 had not happened by 5 September 2024.
        Assert.Equal(!kuleba && !view.Contains("2024", StringComparison.Ordinal), codes.Contains(scenario.SybihaCall));
        Assert.Contains($"Including contacts of people who {when}: {minister}.", TestBot.Text(reply));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Statements_of_a_state_take_in_who_represented_it_in_the_view(string view, string minister, string when)
    {
        var reply = scenario.Bot.Ask("/statements person:Ukraine" + view);
        var codes = TestBot.Codes(reply);
        var kuleba = minister == "Dmytro Kuleba";
        Assert.Equal(kuleba, codes.Contains(scenario.KulebaSaid));
        Assert.Equal(!kuleba && !view.Contains("2024", StringComparison.Ordinal), codes.Contains(scenario.SybihaSaid));
        Assert.Contains($"Including statements of people who {when}: {minister}.", TestBot.Text(reply));
    }

    [Fact]
    public void Before_anyone_represented_it_a_past_view_names_no_one()
    {
        var reply = scenario.Bot.Ask("/contacts person:Ukraine on:2019-01-01");
        Assert.DoesNotContain("Including", TestBot.Text(reply));
        Assert.Empty(TestBot.Codes(reply));
    }
}
