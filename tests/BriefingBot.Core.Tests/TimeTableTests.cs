using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>
/// The table of cases of <see cref="TimeTests"/> asked of the other answers: an aid stream and a call entered late, edited,
/// retracted and undone (<see cref="TimeScenario"/>), as known on one day (as_of) and as they stood on another (on); and the
/// briefing of each day, as the record had it and as the world had it.
/// </summary>
public sealed class TimeTableTests(TimeScenario scenario) : IClassFixture<TimeScenario>
{
    public static TheoryData<int, int, string> Cases() => TimeTests.Cases();

    private const string Absent = "-";

    private static string View(int asOf, int on) =>
        (asOf > 0 ? $" as_of:2025-03-{asOf:00}" : "") + (on > 0 ? $" on:2025-03-{on:00}" : "");

    private ReplyLine? LineOf(string command, string code) =>
        scenario.Bot.Ask(command).Sections.SelectMany(s => s.Lines).FirstOrDefault(l => l.Provenance?.Code.ToString() == code);

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_aid_stream_entered_late_edited_retracted_and_undone_reads_on_each_day(int asOf, int on, string expected)
    {
        var line = LineOf("/aid donor:UK" + View(asOf, on), "A2");
        if (expected == Absent) { Assert.Null(line); return; }
        Assert.Equal(expected == "proposed"
            ? "Financial aid from the United Kingdom to Ukraine: pledged since Tuesday 11 March 2025."
            : "Financial aid from the United Kingdom to Ukraine: active since Friday 21 March 2025.", Assert.IsType<ReplyLine>(line).Text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_call_entered_late_edited_retracted_and_undone_reads_on_each_day(int asOf, int on, string expected)
    {
        var line = LineOf("/contacts person:Macron" + View(asOf, on), "C7");
        if (expected == Absent) { Assert.Null(line); return; }
        Assert.Equal("Call between Emmanuel Macron and Volodymyr Zelenskyy, Tuesday 11 March 2025: Guarantees " +
                     (expected == "proposed" ? "discussed" : "agreed"), Assert.IsType<ReplyLine>(line).Text);
        // Its citation is the version in view: Reuters for the late entry, the BBC for the edit, never the day of the undo.
        Assert.StartsWith(expected == "proposed" ? "Reuters, 20 March 2025" : "BBC, 22 March 2025",
            Phrases.Provenance(line!.Provenance!, scenario.Bot.Time.GetUtcNow()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_outlet_is_cited_for_the_version_in_view(int asOf, int on, string expected)
    {
        // Only the edit cites AFP: the term is listed under AFP exactly when the view shows the edit.
        var command = "/search source:AFP" + View(asOf, on);
        Assert.Equal(expected == "agreed", TestBot.Codes(scenario.Bot.Ask(command)).Contains("T8"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_word_search_finds_the_version_in_view_and_a_retraction_known_then_as_withdrawn(int asOf, int on, string expected)
    {
        var known = asOf == 0 ? 31 : asOf;
        foreach (var (words, when) in new[] { ("all-for-all prisoners", "any"), ("prisoners agreed", "agreed") })
        {
            var reply = scenario.Bot.Ask($"/search {words}" + View(asOf, on));
            var text = TestBot.Text(reply);
            var listed = TestBot.Codes(reply).Contains("T8");
            Assert.Equal(expected != Absent && (when == "any" || expected == when), listed);
            // Retracted as known then (the 24th and 25th): found as withdrawn, with who retracted it and when, on any day by
            // which a version with those words had taken effect (the 11th; "agreed" the 21st).
            var withdrawn = known is 24 or 25 && (on == 0 || on >= (when == "any" ? 11 : 21));
            Assert.Equal(withdrawn, text.Contains("T8 was retracted by mo on 24 March 2025", StringComparison.Ordinal));
            if (asOf > 0 || on > 0) Assert.Contains(on > 0 ? $"as things stood on {on} March 2025" : $"as known on {asOf} March 2025", reply.Title);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void What_stands_in_a_briefing_is_the_version_in_view(int asOf, int on, string expected)
    {
        var reply = scenario.Bot.Ask("/briefing" + View(asOf, on));
        var stands = reply.Sections.SingleOrDefault(s => s.Heading == "Where the Franco-British partial truce plan (P1) stands");
        Assert.True(stands is not null, TestBot.Text(reply));
        var line = stands.Lines.FirstOrDefault(l => l.Provenance?.Code.ToString() == "T8");
        if (expected == Absent) Assert.Null(line);
        else Assert.EndsWith($"({expected})", Assert.IsType<ReplyLine>(line).Text);
    }

    /// <summary>The day asked, and what the record's briefing of that day says of T8 (its heading, then its line), or nothing.</summary>
    public static TheoryData<int, string, string> RecordBriefings() => new()
    {
        { 19, Absent, Absent },
        { 20, "Terms and proposals", "New term: Prisoners: An all-for-all exchange of prisoners. (proposed)" },
        { 21, Absent, Absent },
        { 22, "Terms and proposals", "Changed term: Prisoners: An all-for-all exchange of prisoners. (agreed) (was proposed, now agreed)" },
        { 23, Absent, Absent },
        // Reported on the 20th and the 22nd, withdrawn on the 24th: it leads, under its own heading.
        { 24, "Withdrawn", "Retracted term: Prisoners: An all-for-all exchange of prisoners. (agreed) — Misreported (retracted by mo on 24 March 2025)" },
        { 25, Absent, Absent },
        { 26, "Terms and proposals", "Restored term: Prisoners: An all-for-all exchange of prisoners. (agreed) (by mo on 26 March 2025)" },
        { 27, Absent, Absent },
    };

    [Theory]
    [MemberData(nameof(RecordBriefings))]
    public void Each_day_s_briefing_as_the_record_had_it(int day, string heading, string expected)
    {
        var reply = scenario.Bot.Ask($"/briefing since:2025-03-{day:00} as_of:2025-03-{day:00}");
        var section = reply.Sections.FirstOrDefault(s => s.Heading is { } h && h.Contains("since", StringComparison.Ordinal)
            && s.Lines.Any(l => l.Provenance?.Code.ToString() == "T8"));
        if (expected == Absent) { Assert.Null(section); return; }
        Assert.StartsWith(heading, section!.Heading, StringComparison.Ordinal);
        Assert.Equal(expected, section.Lines.Single(l => l.Provenance?.Code.ToString() == "T8").Text);
        // The withdrawn claim cites the report it withdrew (AFP, recorded on the 22nd), not the day it was withdrawn.
        var t8 = section.Lines.Single(l => l.Provenance?.Code.ToString() == "T8");
        if (day == 24) Assert.StartsWith("AFP, 22 March 2025", Phrases.Provenance(t8.Provenance!, scenario.Bot.Time.GetUtcNow()));
    }

    /// <summary>The day asked, and what the world's briefing of that day says of T8 as known now: it took effect twice, once each.</summary>
    public static TheoryData<int, string> WorldBriefings() => new()
    {
        { 10, Absent },
        { 11, "New term: Prisoners: An all-for-all exchange of prisoners. (proposed)" },
        { 12, Absent },
        { 20, Absent },
        { 21, "Changed term: Prisoners: An all-for-all exchange of prisoners. (agreed) (was proposed, now agreed)" },
        { 24, Absent },
        { 26, Absent },
    };

    [Theory]
    [MemberData(nameof(WorldBriefings))]
    public void Each_day_s_briefing_as_the_world_had_it(int day, string expected)
    {
        var reply = scenario.Bot.Ask($"/briefing since:2025-03-{day:00} on:2025-03-{day:00}");
        var lines = reply.Sections.Where(s => s.Heading is { } h && h.Contains("took effect", StringComparison.Ordinal))
            .SelectMany(s => s.Lines).Where(l => l.Provenance?.Code.ToString() == "T8").ToList();
        if (expected == Absent) Assert.Empty(lines);
        else Assert.Equal(expected, Assert.Single(lines).Text);
    }

    [Fact]
    public void A_world_briefing_over_the_whole_story_reports_each_fact_once_netted()
    {
        // The term began on the 11th and was edited on the 21st: one line, new, in its words at the window's end.
        var reply = scenario.Bot.Ask("/briefing since:2025-03-01 on:2025-03-25");
        var t8 = reply.Sections.SelectMany(s => s.Lines).Where(l => l.Provenance?.Code.ToString() == "T8").ToList();
        Assert.Equal(2, t8.Count); // once among what took effect, once among what stands
        Assert.Equal("New term: Prisoners: An all-for-all exchange of prisoners. (agreed)", t8[0].Text);
        Assert.Single(reply.Sections.SelectMany(s => s.Lines), l => l.Provenance?.Code.ToString() == "A2" && l.Text.StartsWith("New aid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_meeting_whose_date_was_put_right_was_on_the_corrected_day_in_every_view_after_it()
    {
        using var bot = new TestBot();
        bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 28, 11, 0, 0, TimeSpan.Zero));
        bot.Moderate("/update actor name:\"Steve Witkoff\" kind:person aliases:Witkoff");
        bot.Moderate("/update contact kind:meeting people:\"Witkoff, Zelensky\" date:2025-03-13 place:Moscow summary:\"Carries the US proposal\" source:TASS source_date:2025-03-14");
        bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 30, 10, 0, 0, TimeSpan.Zero));
        bot.Moderate("/update contact id:C7 date:2025-03-12 source:TASS source_date:2025-03-14 reason:\"It was the 12th\"");

        const string Corrected = "Meeting between Steve Witkoff and Volodymyr Zelenskyy, Wednesday 12 March 2025, Moscow: Carries the US proposal";
        foreach (var command in new[] { "/contacts person:Witkoff", "/contacts person:Witkoff on:2025-03-12", "/contacts person:Witkoff on:2025-03-20",
                     "/contacts person:Witkoff on:2025-03-20 as_of:2025-03-30" })
            Assert.Equal(Corrected, Assert.Single(bot.Ask(command).Sections.SelectMany(s => s.Lines), l => l.Provenance is not null).Text);
        // As known before the correction, it was on the 13th.
        Assert.Contains("Thursday 13 March 2025", TestBot.Text(bot.Ask("/contacts person:Witkoff on:2025-03-20 as_of:2025-03-29")));
        // The world's briefing of the 13th has nothing: the meeting was not that day.
        Assert.DoesNotContain("C7 ", TestBot.Text(bot.Ask("/briefing since:2025-03-13 on:2025-03-13")).Split("Contacts in the last week")[0]);
        Assert.Contains("C7 New contact: " + Corrected, TestBot.Text(bot.Ask("/briefing since:2025-03-12 on:2025-03-12")));
    }

    [Fact]
    public void The_log_as_known_on_each_day_holds_the_revisions_recorded_by_then()
    {
        int[] expected = [0, 1, 1, 2, 2, 3, 3, 4, 4];
        for (var day = 19; day <= 27; day++)
        {
            var log = scenario.Bot.Ask($"/changes since:2025-03-01 as_of:2025-03-{day:00}");
            Assert.Equal(expected[day - 19], TestBot.Codes(log).Count(c => c == "T8"));
        }
    }
}
