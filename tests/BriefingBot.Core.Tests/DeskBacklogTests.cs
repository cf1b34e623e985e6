using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A desk that fell behind enters March 2025 on 30 November 2026, as a busy moderator types it: days without their year
/// ("19 March") beside a source dated 2025, a range of talks written "23..25 March", a source's date corrected, thirty
/// leaders at once; then a member asks about the weeks, as known then and as they stood in the world.
/// </summary>
public sealed class DeskBacklogTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly TestBot _bot = new(time: new FakeTimeProvider(Today));
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");

    public void Dispose() => _bot.Dispose();

    private string Mod(string command) => _bot.ModerateAloud(command, output, _mo);

    private string Ask(string command) => _bot.AskAloud(command, output);

    private void RecordTheBacklog()
    {
        Mod("/update aid donor:US recipient:Ukraine category:military status:paused since:\"3 March\" source:Reuters source_date:\"4 March 2025\" confidence:confirmed note:\"Trump orders a pause\"");
        Mod("/update proposal name:\"US 30-day ceasefire proposal\" status:proposed sponsors:\"United States\" source:\"Joint US-Ukraine statement\" source_date:\"11 March 2025\" confidence:confirmed");
        Mod("/update term proposal:P2 topic:Duration text:\"An immediate, interim 30-day ceasefire\" status:agreed source:\"Joint US-Ukraine statement\" source_date:2025-03-11");
        Mod("/update contact kind:meeting people:\"+Marco Rubio, +Andriy Yermak\" date:\"11 March\" place:\"Jeddah, Saudi Arabia\" about:P2 summary:\"Ukraine accepts the US proposal\" source:Reuters source_date:2025-03-11");
        Mod("/update contact kind:call people:\"Trump, Zelensky\" date:\"19 March\" about:\"P2, T3\" summary:\"Zelenskyy supports the pause on energy strikes\" source:\"White House\" source_date:\"19 March 2025\"");
        Mod("/update statement people:Zelensky date:\"19 Mar\" via:\"a post on X\" stance:supports about:T3 text:\"Ukraine supports the halt of strikes on energy infrastructure\" source:\"Office of the President\" source_date:2025-03-19");
        Mod("/update contact kind:meeting people:\"Yermak, +Andrew Peek\" date:\"23..25 March 2025\" place:\"Riyadh, Saudi Arabia\" about:P2 summary:\"Technical talks\" source:Reuters source_date:2025-03-25");
    }

    [Fact]
    public void Days_written_without_their_year_take_the_year_of_the_source_beside_them()
    {
        RecordTheBacklog();
        Assert.Contains("A1 Military aid from the United States to Ukraine: paused since Monday 3 March 2025", Ask("/aid"));
        var contacts = Ask("/contacts since:2025-03-01");
        Assert.Contains("Tuesday 11 March 2025, Jeddah", contacts);
        Assert.Contains("Call between Donald Trump and Volodymyr Zelenskyy, Wednesday 19 March 2025", contacts);
        Assert.DoesNotContain("2026", contacts);
        Assert.Contains("Wednesday 19 March 2025, a post on X", Ask("/statements"));
        // Without a source's date, a day without its year is still this year's, as people mean it.
        Assert.Contains("Thursday 19 March 2026", Mod("/update contact kind:call people:\"Macron, Starmer\" date:\"19 March\" summary:\"x\" source:Reuters"));
    }

    [Fact]
    public void A_range_of_talks_written_23_to_25_March_is_read_as_three_days()
    {
        RecordTheBacklog();
        Assert.Contains("Meeting between Andriy Yermak and Andrew Peek, 23–25 March 2025, Riyadh, Saudi Arabia", Ask("/contacts place:Riyadh"));
        Assert.Contains("23–25 March 2025", Mod("/update contact kind:call people:\"Macron, Starmer\" date:\"23..25 March\" summary:\"x\" source:Reuters source_date:2025-03-26"));
        Assert.Contains("not a date I understand", TestBot.Text(_bot.Ask("/update contact kind:call people:\"Macron, Starmer\" date:\"25..23 March 2025\" summary:\"x\" source:Reuters", _mo)));
    }

    [Fact]
    public void A_source_s_date_corrected_says_which_report_went_and_which_came()
    {
        RecordTheBacklog();
        var fixedDate = Mod("/update contact id:C8 source:\"White House\" source_date:2025-03-20 reason:\"the readout came out a day later\"");
        Assert.Contains("Added source White House of 20 March 2025; removed source White House of 19 March 2025.", fixedDate);
    }

    [Fact]
    public void A_member_asks_what_was_said_about_one_term()
    {
        RecordTheBacklog();
        var energy = Ask("/statements about:T3");
        Assert.StartsWith("Statements about T3, the Energy infrastructure term of the Franco-British partial truce plan (P1)", energy);
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/statements about:T3")));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/statements about:P1")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/statements about:T3 on:2025-03-18")));
        Assert.Equal("There is no term T99; /terms lists the terms of a proposal.", Ask("/statements about:T99"));
        Mod("/update retract id:T7 reason:\"never part of the plan\"");
        Assert.Equal("T7 was retracted; /history T7 shows why.", Ask("/statements about:T7"));
    }

    [Fact]
    public void An_empty_answer_as_known_then_points_to_how_things_stood_in_the_world()
    {
        RecordTheBacklog();
        Assert.EndsWith("For facts recorded later but dated earlier, /contacts person:Rubio on:2025-03-20 shows how things stood in the world that day.",
            Ask("/contacts person:Rubio as_of:2025-03-20"));
        Assert.EndsWith("For facts recorded later but dated earlier, /statements on:2025-03-20 shows how things stood in the world that day.",
            Ask("/statements as_of:2025-03-20"));
        Assert.EndsWith("For facts recorded later but dated earlier, /aid category:military on:2025-03-05 shows how things stood in the world that day.",
            Ask("/aid category:military as_of:\"5 March 2025\" page:1"));
        Mod("/update role person:Rubio represents:\"United States\" role:\"Secretary of State\" since:2025-01-21 source:\"State Department\"");
        Assert.EndsWith("For facts recorded later but dated earlier, /who name:Rubio on:2025-03-20 shows how things stood in the world that day.",
            Ask("/who Rubio as_of:2025-03-20"));
        Assert.EndsWith("/who name:\"United States\" on:2025-03-20 shows how things stood in the world that day.", Ask("/who \"United States\" as_of:2025-03-20"));
        Assert.Contains("R1 Marco Rubio represents the United States as Secretary of State", Ask("/who Rubio on:2025-03-20"));
        // Following the hint answers the question.
        Assert.Contains("paused since Monday 3 March 2025", Ask("/aid category:military on:2025-03-05"));
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/contacts person:Rubio on:2025-03-20")));
    }

    [Fact]
    public void A_briefing_of_the_world_puts_proposals_and_terms_under_one_heading()
    {
        RecordTheBacklog();
        var briefing = _bot.Ask("/briefing since:\"10 March 2025\" on:\"15 March 2025\"");
        Ask("/briefing since:\"10 March 2025\" on:\"15 March 2025\"");
        var headings = briefing.Sections.Select(s => s.Heading).Where(h => h is not null).ToList();
        Assert.Equal(headings.Distinct().Count(), headings.Count);
        var terms = briefing.Sections.Single(s => s.Heading!.StartsWith("Terms and proposals — took effect", StringComparison.Ordinal));
        Assert.Equal(["P2", "T8"], terms.Lines.Select(l => l.Provenance!.Code.ToString()));
    }

    [Fact]
    public void New_people_keep_the_particles_of_their_surname_and_an_undone_entry_is_not_withdrawn_again()
    {
        var summit = Mod("/update contact kind:summit people:\"Macron, +Ursula von der Leyen, +Bart De Wever\" date:2025-03-27 place:Paris summary:\"Coalition of the willing\" source:Reuters source_date:2025-03-27");
        Assert.Contains("Ursula von der Leyen (person, also von der Leyen) and Bart De Wever (person, also De Wever)", summit);
        Assert.Contains("C7", TestBot.Codes(_bot.Ask("/contacts person:\"von der Leyen\"")));
        Assert.Contains("C7 is withdrawn; it no longer appears in answers.", Mod("/update undo"));
    }

    [Fact]
    public void Since_a_range_lists_what_lies_between_its_two_days()
    {
        RecordTheBacklog();
        // Contacts and statements by when they happened: how things stood on the range's last day, nothing after it.
        var between = _bot.Ask("/contacts since:\"2025-03-11..2025-03-19\"");
        Ask("/contacts since:\"2025-03-11..2025-03-19\"");
        Assert.Equal("Contacts since 11 March 2025 as things stood on 19 March 2025", between.Title);
        Assert.Equal(["C8", "C7"], TestBot.Codes(between));
        Assert.Equal(["C9", "C8", "C7"], TestBot.Codes(_bot.Ask("/contacts since:2025-03-11")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/statements since:\"11..18 March 2025\"")));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/statements since:\"11..19 March 2025\"")));
        Assert.Equal("since:2025-03-11..2025-03-19 already asks how things stood on 19 March 2025; give since: its first day with on:, or the range alone.",
            Ask("/contacts since:\"2025-03-11..2025-03-19\" on:2025-03-25"));
        // The audit log and the briefing by when things were recorded: the record at the end of the range's last day.
        _bot.Time.SetUtcNow(Today.AddDays(2));
        Mod("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-28 summary:\"Entered two days later\" source:Reuters source_date:2025-03-28");
        var log = _bot.Ask("/changes since:\"2026-11-30..2026-12-01\"");
        Assert.Equal("Changes since 30 November 2026, as recorded by 1 December 2026", log.Title);
        Assert.DoesNotContain("C10", TestBot.Codes(log));
        Assert.Contains("C10", TestBot.Codes(_bot.Ask("/changes since:2026-11-30")));
        Assert.Equal("Briefing as known on 1 December 2026", _bot.Ask("/briefing since:\"2026-11-30..2026-12-01\"").Title);
    }

    [Fact]
    public void A_fact_whose_effect_was_corrected_to_an_earlier_day_begins_there_in_the_world()
    {
        RecordTheBacklog();
        // Entered with the wrong year, then its source's date corrected: in the world it began on 13 March 2025.
        Mod("/update proposal name:\"Putin's conditions\" status:proposed sponsors:Russia source:Kremlin source_date:2026-03-13");
        Mod("/update proposal id:P3 source:Kremlin source_date:2025-03-13 reason:\"wrong year\"");
        var briefing = Ask("/briefing since:2025-03-10 on:2025-03-15");
        Assert.Contains("P3 New proposal: Putin's conditions: proposed, sponsored by Russia", briefing);
        Assert.DoesNotContain("Changed proposal", briefing);
        // A later change in the world still says what it replaced there (in a window that begins after the fact did).
        Mod("/update proposal id:P3 status:rejected source:Reuters source_date:2025-03-14");
        Assert.Contains("P3 Changed proposal: Putin's conditions: rejected, sponsored by Russia (was proposed, now rejected)",
            Ask("/briefing since:2025-03-14 on:2025-03-15"));
        // A window that holds both its start and its change reports it once, netted: new, in its words at the window's end.
        var both = Ask("/briefing since:2025-03-10 on:2025-03-15");
        Assert.Contains("P3 New proposal: Putin's conditions: rejected, sponsored by Russia", both);
        Assert.Single(both.Split('\n'), l => l.StartsWith("P3 New", StringComparison.Ordinal) || l.StartsWith("P3 Changed", StringComparison.Ordinal));
    }

    [Fact]
    public void Dates_typed_without_quotes_are_read_whole()
    {
        Assert.Contains("C7 Call between Emmanuel Macron and Keir Starmer, Wednesday 19 March 2025: Channel on the truce",
            Mod("/update contact kind:call people:\"Macron, Starmer\" date:19 March summary:\"Channel on the truce\" source:Reuters source_date:19 March 2025"));
        Assert.Equal("Contacts of Keir Starmer since 19 March 2025 as things stood on 20 March 2025", _bot.Ask("/contacts person:Starmer since:19..20 March 2025").Title);
        Assert.Equal("Aid as things stood on 11 March 2025", _bot.Ask("/aid on:March 11, 2025").Title);
        Assert.Equal("Aid as things stood on 27 November 2026", _bot.Ask("/aid on:3 days ago").Title);
        // Only what goes on with a date joins it: a stray word after a name is still asked about.
        Assert.StartsWith("I don't know what “March” means here.", Ask("/contacts person:Macron March"));
    }

    [Fact]
    public void Contacts_between_two_states_and_their_people_list_each_meeting_once_newest_first_by_kind()
    {
        RecordTheBacklog();
        var before = TestBot.Codes(_bot.Ask("/contacts person:Ukraine with:\"United States\" since:2025-03-13"));
        Mod("/update role person:Rubio represents:\"United States\" role:\"Secretary of State\" since:2025-01-21 source:\"State Department\"");
        Mod("/update role person:Yermak represents:Ukraine role:\"Head of the Presidential Office\" since:2020-02-11 source:\"Office of the President\"");
        Mod("/update contact kind:meeting people:\"Rubio, Yermak, Zelenskyy\" date:2025-03-11 summary:\"Talks at Jeddah\" source:Reuters");
        Mod("/update contact kind:call people:\"Rubio, Yermak\" date:2025-03-14 summary:\"A call after Jeddah\" source:Reuters");
        Mod("/update contact kind:meeting people:\"Rubio, Macron\" date:2025-03-15 summary:\"Not Ukraine's\" source:Reuters");
        Mod("/update contact kind:meeting people:\"United States, Ukraine\" date:2025-03-12 summary:\"The states themselves\" source:Reuters");

        // Both Yermak and Zelenskyy met Rubio at Jeddah: one line. Macron's meeting is no one's of Ukraine.
        var all = TestBot.Text(_bot.Ask("/contacts person:Ukraine with:\"United States\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, "Talks at Jeddah"));
        Assert.Contains("A call after Jeddah", all);
        Assert.DoesNotContain("Not Ukraine's", all);
        var meetings = _bot.Ask("/contacts person:Ukraine with:\"United States\" kind:meeting");
        var text = TestBot.Text(meetings);
        Assert.True(text.IndexOf("The states themselves", StringComparison.Ordinal) < text.IndexOf("Talks at Jeddah", StringComparison.Ordinal),
            "newest first: 12 March before 11 March");
        Assert.DoesNotContain("A call after Jeddah", text);
        Assert.Equal(before.Count + 1, TestBot.Codes(_bot.Ask("/contacts person:Ukraine with:\"United States\" since:2025-03-13")).Count);
    }

    [Fact]
    public void Contacts_of_one_state_with_another_take_in_the_people_of_both()
    {
        RecordTheBacklog();
        Mod("/update role person:Rubio represents:\"United States\" role:\"Secretary of State\" since:2025-01-21 source:\"State Department\"");
        Mod("/update role person:Yermak represents:Ukraine role:\"Head of the Presidential Office\" since:2020-02-11 source:\"Office of the President\"");
        var jeddah = Ask("/contacts person:Ukraine with:\"United States\"");
        Assert.Contains("Including contacts of people who represent Ukraine now: Andriy Yermak.\nIncluding contacts with people who represent the United States now: Marco Rubio.", jeddah);
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/contacts person:Ukraine with:\"United States\"")));
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/contacts person:Yermak with:US on:2025-03-12")));
        Assert.Contains("Including contacts with people who represented the United States on 12 March 2025: Marco Rubio.", Ask("/contacts person:Yermak with:US on:2025-03-12"));
        Assert.Empty(TestBot.Codes(_bot.Ask("/contacts person:Yermak with:US on:2025-03-10")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/contacts person:Yermak with:Russia")));
        // The picture draws what the list shows: the Jeddah meeting, not nothing for want of the United States itself.
        Assert.Single(_bot.Ask("/contacts person:Ukraine with:\"United States\" graph:true").Attachments);
    }

    [Fact]
    public void An_organisation_is_an_organisation()
    {
        Mod("/update statement people:\"+Kremlin (organisation)\" date:2025-03-25 via:\"a statement\" stance:conditions text:\"Only after sanctions on Rosselkhozbank are lifted\" source:Kremlin source_date:2025-03-25");
        Assert.Contains("Kremlin: an organisation.", Ask("/who Kremlin"));
        // An organisation now holds a role for a state (it was refused before: the Kremlin could not speak for Russia).
        Assert.Contains("R1 Kremlin represents Russia as Presidential administration",
            TestBot.Text(_bot.Ask("/update role person:Kremlin represents:Russia role:\"Presidential administration\" source:Kremlin", _mo)).TrimEnd());
    }
}
