using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>
/// /who in a past view, both ways, on the scenario of Ukraine's foreign minister replaced (Kuleba's role recorded on 10 March
/// 2025, ended on 5 September 2024 and Sybiha's begun that day, both recorded on 14 March): the roles held on the day asked,
/// as known by the as-of day, as /contacts and /statements take in a state's people.
/// </summary>
public sealed class PastWhoTests(PastRepresentativesScenario scenario) : IClassFixture<PastRepresentativesScenario>
{
    /// <summary>A view, the title of /who Ukraine in it, and who represented Ukraine then (none: the line that says so).</summary>
    public static TheoryData<string, string, string> StateCases() => new()
    {
        { "", "Who represents Ukraine", "Andrii Sybiha" },
        { " on:2024-08-15", "Who represented Ukraine as things stood on 15 August 2024", "Dmytro Kuleba" },
        // A role ends on its until day: that day is the new minister's.
        { " on:2024-09-04", "Who represented Ukraine as things stood on 4 September 2024", "Dmytro Kuleba" },
        { " on:2024-09-05", "Who represented Ukraine as things stood on 5 September 2024", "Andrii Sybiha" },
        // Known on 12 March: Kuleba's role, not yet ended, and nothing of Sybiha's.
        { " as_of:2025-03-12", "Who represented Ukraine as known on 12 March 2025", "Dmytro Kuleba" },
        { " as_of:2025-03-15", "Who represented Ukraine as known on 15 March 2025", "Andrii Sybiha" },
        { " as_of:2025-03-12 on:2025-03-10", "Who represented Ukraine as things stood on 10 March 2025, as known on 12 March 2025", "Dmytro Kuleba" },
        { " as_of:2025-03-15 on:2024-08-15", "Who represented Ukraine as things stood on 15 August 2024, as known on 15 March 2025", "Dmytro Kuleba" },
        { " on:2019-01-01", "Who represented Ukraine as things stood on 1 January 2019", "none: No one represented Ukraine on 1 January 2019." },
        { " as_of:2025-03-09", "Who represented Ukraine as known on 9 March 2025", "none: No one represented Ukraine on 9 March 2025, as known then." },
    };

    [Theory]
    [MemberData(nameof(StateCases))]
    public void Who_represented_a_state_in_a_view(string view, string title, string minister)
    {
        var reply = scenario.Bot.Ask("/who Ukraine" + view);
        Assert.Equal(title, reply.Title);
        var lines = Section(reply, "Represented by");
        if (minister.StartsWith("none: ", StringComparison.Ordinal))
        {
            Assert.Equal([minister["none: ".Length..]], lines.Select(l => l.Text));
            return;
        }
        var line = Assert.Single(lines);
        Assert.StartsWith(minister + " represent", line.Text);
        Assert.Equal("Reuters", line.Provenance!.Source.Outlet);
        // The hint asks for the same view, so the contacts it offers take in the same people.
        Assert.Equal($"/contacts person:\"Ukraine\"{view} and /statements person:\"Ukraine\"{view} include theirs.", reply.Footer);
        Assert.Contains($": {minister}.", TestBot.Text(scenario.Bot.Ask("/contacts person:Ukraine" + view)));
    }

    /// <summary>A view, who is asked about, the title, the role held then (none: the line that says so) and the role ended by then.</summary>
    public static TheoryData<string, string, string, string, string> PersonCases() => new()
    {
        { "Kuleba", "", "Who Dmytro Kuleba is", "none: No role held.", "Dmytro Kuleba" },
        { "Kuleba", " on:2024-08-15", "Who Dmytro Kuleba was as things stood on 15 August 2024", "Dmytro Kuleba", "" },
        { "Kuleba", " on:2024-09-05", "Who Dmytro Kuleba was as things stood on 5 September 2024", "none: No role held on 5 September 2024.", "Dmytro Kuleba" },
        { "Kuleba", " as_of:2025-03-12", "Who Dmytro Kuleba was as known on 12 March 2025", "Dmytro Kuleba", "" },
        { "Kuleba", " as_of:2025-03-15", "Who Dmytro Kuleba was as known on 15 March 2025", "none: No role held on 15 March 2025, as known then.", "Dmytro Kuleba" },
        { "Kuleba", " on:2025-03-10 as_of:2025-03-12", "Who Dmytro Kuleba was as things stood on 10 March 2025, as known on 12 March 2025", "Dmytro Kuleba", "" },
        { "Sybiha", "", "Who Andrii Sybiha is", "Andrii Sybiha", "" },
        { "Sybiha", " on:2024-08-15", "Who Andrii Sybiha was as things stood on 15 August 2024", "none: No role recorded as things stood on 15 August 2024.", "" },
        { "Sybiha", " on:2024-09-05", "Who Andrii Sybiha was as things stood on 5 September 2024", "Andrii Sybiha", "" },
        { "Sybiha", " as_of:2025-03-12", "Who Andrii Sybiha was as known on 12 March 2025", "none: No role recorded as known on 12 March 2025.", "" },
        { "Sybiha", " on:2025-03-10 as_of:2025-03-12", "Who Andrii Sybiha was as things stood on 10 March 2025, as known on 12 March 2025",
            "none: No role recorded as things stood on 10 March 2025, as known on 12 March 2025.", "" },
        { "Sybiha", " as_of:2025-03-15", "Who Andrii Sybiha was as known on 15 March 2025", "Andrii Sybiha", "" },
    };

    [Theory]
    [MemberData(nameof(PersonCases))]
    public void Who_someone_was_in_a_view(string name, string view, string title, string held, string ended)
    {
        var reply = scenario.Bot.Ask($"/who {name}{view}");
        Assert.Equal(title, reply.Title);
        var represents = Section(reply, "Represents");
        if (held.StartsWith("none: ", StringComparison.Ordinal))
            Assert.Equal([held["none: ".Length..]], represents.Select(l => l.Text));
        else
            Assert.StartsWith($"{held} represent", Assert.Single(represents).Text);
        var before = Section(reply, "Before");
        if (ended.Length == 0) Assert.Empty(before);
        else Assert.StartsWith($"{ended} represented Ukraine as Minister of Foreign Affairs since", Assert.Single(before).Text);
        Assert.DoesNotContain(reply.Sections.SelectMany(s => s.Lines), l => l.Text.Contains(name == "Kuleba" ? "Sybiha" : "Kuleba", StringComparison.Ordinal));
    }

    [Fact]
    public void A_past_view_without_a_role_held_points_to_now()
    {
        Assert.Equal("/who \"Andrii Sybiha\" shows who they are now.", scenario.Bot.Ask("/who Sybiha on:2024-08-15").Footer);
        Assert.Null(scenario.Bot.Ask("/who Kuleba on:2024-08-15").Footer);
    }

    [Fact]
    public void A_role_known_then_but_begun_after_the_day_is_not_held_and_the_answer_says_so()
    {
        using var bot = new TestBot();
        bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero));
        // An appointment announced on 10 March, to take effect on 1 April.
        Assert.NotEqual(ReplyTone.Error, bot.Ask("/update role person:\"+Jane Envoy\" represents:Ukraine role:\"Special Envoy\" since:2025-04-01 source:Reuters", TestBot.Moderator()).Tone);
        bot.Time.SetUtcNow(new DateTimeOffset(2025, 4, 5, 10, 0, 0, TimeSpan.Zero));
        var then = bot.Ask("/who Envoy as_of:2025-03-12");
        Assert.Equal(["No role held on 12 March 2025, as known then."], Section(then, "Represents").Select(l => l.Text));
        Assert.Equal("A role begun after that day is left out; /who \"Jane Envoy\" shows who they are now.", then.Footer);
        Assert.Equal(["No one represented Ukraine on 12 March 2025, as known then."], Section(bot.Ask("/who Ukraine as_of:2025-03-12"), "Represented by").Select(l => l.Text));
        Assert.Equal(["No role recorded as known on 9 March 2025."], Section(bot.Ask("/who Envoy as_of:2025-03-09"), "Represents").Select(l => l.Text));
        Assert.StartsWith("Jane Envoy represents Ukraine as Special Envoy", Assert.Single(Section(bot.Ask("/who Envoy as_of:2025-04-01"), "Represents")).Text);
    }

    [Fact]
    public void A_past_view_reads_the_role_as_it_was_known_then()
    {
        // Known on 12 March, Kuleba's role had no end: the line says he represents Ukraine, with no "until".
        var then = Assert.Single(Section(scenario.Bot.Ask("/who Kuleba as_of:2025-03-12"), "Represents"));
        Assert.Equal("Dmytro Kuleba represents Ukraine as Minister of Foreign Affairs since Wednesday 4 March 2020", then.Text);
        var now = Assert.Single(Section(scenario.Bot.Ask("/who Kuleba"), "Before"));
        Assert.Equal("Dmytro Kuleba represented Ukraine as Minister of Foreign Affairs since Wednesday 4 March 2020 until Thursday 5 September 2024", now.Text);
    }

    private static IReadOnlyList<ReplyLine> Section(Reply reply, string heading) =>
        reply.Sections.FirstOrDefault(s => s.Heading == heading)?.Lines ?? [];
}
