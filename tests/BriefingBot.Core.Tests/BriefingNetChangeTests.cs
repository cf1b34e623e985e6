using BriefingBot.Replies;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Issue 10, played as a moderator and a member would: a briefing reports each fact's net change over its window, says
/// in words what changed, leads with withdrawals of what stood before, and shows every live proposal; /search finds a
/// withdrawn claim as withdrawn; /changes pages; the contact picture draws what was asked.
/// </summary>
public sealed class BriefingNetChangeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");
    private readonly Commands.Caller _bob = TestBot.Moderator("bob");

    public void Dispose() => _bot.Dispose();

    private void On(int day, int hour) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, day, hour, 0, 0, TimeSpan.Zero));

    private string Mod(string command, Commands.Caller? who = null) => _bot.Moderate(command, who ?? _mo);

    private string Ask(string command)
    {
        var text = TestBot.Text(_bot.Ask(command));
        output.WriteLine($"> {command}\n{text}\n");
        return text;
    }

    private const string FalseClaim =
        "/update statement people:Russia date:2025-03-14 via:\"a post\" stance:supports text:\"Russia has accepted the full 30-day ceasefire\" source:\"a Telegram channel\"";

    [Fact]
    public void A_false_claim_entered_and_retracted_in_one_window_appears_once_as_retracted_never_as_news()
    {
        On(14, 10);
        Assert.Contains("Recorded new statement S1.", Mod(FalseClaim, _bob));
        On(14, 15);
        Mod("/update retract id:S1 reason:\"No such acceptance: the Kremlin set conditions\"");
        On(15, 8);

        var briefing = _bot.Ask("/briefing since:2025-03-14");
        var text = Ask("/briefing since:2025-03-14");
        Assert.DoesNotContain("New statement", text);
        var line = Assert.Single(briefing.Sections.SelectMany(s => s.Lines), l => l.Provenance?.Code.ToString() == "S1");
        Assert.Equal("Retracted statement: Statement by Russia, Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire " +
                     "— No such acceptance: the Kremlin set conditions (entered by bob on 14 March 2025 and retracted by olena on 14 March 2025)", line.Text);
        Assert.Contains(briefing.Sections, s => s.Heading!.StartsWith("Entered and retracted since 14 March 2025", StringComparison.Ordinal) && s.Lines.Contains(line));
        // It never stood in a briefing, so it does not lead as a withdrawal of something reported.
        Assert.DoesNotContain(briefing.Sections, s => s.Heading!.StartsWith("Withdrawn", StringComparison.Ordinal));
    }

    [Fact]
    public void A_claim_reported_in_yesterday_s_briefing_and_retracted_today_leads_today_s_briefing()
    {
        On(14, 10);
        Mod(FalseClaim, _bob);
        On(14, 20);
        Assert.Contains("S1 New statement: Statement by Russia, Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire",
            Ask("/briefing since:2025-03-14"));

        On(15, 9);
        Mod("/update retract id:S1 reason:\"No such acceptance: the Kremlin set conditions\"");
        Mod("/update term id:T2 status:disputed source:AFP");
        On(15, 20);
        var today = _bot.Ask("/briefing since:2025-03-15");
        Ask("/briefing since:2025-03-15");
        var first = today.Sections[0];
        Assert.Equal("Withdrawn since 15 March 2025, 00:00 UTC (20 hours ago) — these stood before and no longer hold", first.Heading);
        Assert.Equal("S1 Retracted statement: Statement by Russia, Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire " +
                     "— No such acceptance: the Kremlin set conditions (retracted by olena on 15 March 2025)",
            Assert.Single(first.Lines).Provenance!.Code + " " + first.Lines[0].Text);
        Assert.Contains("T2 Changed term", TestBot.Text(today with { Sections = today.Sections.Skip(1).ToList() }));
    }

    [Fact]
    public void A_status_that_alone_moved_reads_was_now_and_a_small_edit_shows_the_words_that_changed()
    {
        On(11, 10);
        var confirmed = Mod("/update term id:T2 status:disputed source:AFP");
        Assert.Contains("Was proposed, now disputed.", confirmed);
        Mod("/update term id:T1 text:\"A partial truce lasting two months.\" source:AFP");
        Mod("/update proposal id:P1 status:proposed source:AFP");
        Mod("/update aid id:A1 status:resumed source:AFP");

        var briefing = Ask("/briefing since:2025-03-11");
        Assert.Contains("T2 Changed term: Scope: The truce covers attacks by air and by sea. (disputed) (was proposed, now disputed)", briefing);
        Assert.Contains("T1 Changed term: Duration: A partial truce lasting two months. (proposed) (“…lasting one month.” became “…lasting two months.”)", briefing);
        Assert.Contains("P1 Changed proposal: Franco-British partial truce plan: proposed, sponsored by France and the United Kingdom (was drafting, now proposed)", briefing);
        Assert.Contains("(was suspended, now resumed; since: was the week of 3 March 2025, now Tuesday 11 March 2025; note: removed (was “Suspended after the Oval Office meeting of 28 February.”))", briefing);
        Assert.DoesNotContain("was:", briefing);
        Assert.Contains("Changed term: Scope: The truce covers attacks by air and by sea. (disputed) (was proposed, now disputed)", Ask("/changes"));
    }

    [Fact]
    public void An_edit_reported_yesterday_and_undone_today_says_it_was_undone_and_cites_the_report_it_restored()
    {
        // Tabled on the 18th from a readout with no date of its own, wrongly marked rejected on the 20th, undone on the 21st.
        On(18, 20);
        Mod("/update proposal name:\"Energy infrastructure pause\" status:agreed sponsors:\"United States, Russia\" source:\"White House readout\"");
        On(20, 10);
        Mod("/update proposal id:P2 status:rejected source:\"Kyiv Independent\"");
        On(21, 9);
        Mod("/update undo");

        On(22, 8);
        var line = _bot.Ask("/briefing since:2025-03-21").Sections.SelectMany(s => s.Lines).First(l => l.Provenance?.Code.ToString() == "P2");
        Ask("/briefing since:2025-03-21");
        Assert.Equal("Changed proposal: Energy infrastructure pause: agreed, sponsored by the United States and Russia " +
                     "(was rejected, now agreed; olena undid the change on 21 March 2025)", line.Text);
        // It cites the readout of the 18th it restored, not the day of the undo: nothing new was reported on the 21st.
        Assert.Equal("White House readout, 18 March 2025 (4 days ago) · reported", Phrases.Provenance(line.Provenance!, _bot.Time.GetUtcNow()));
        // In the world the wrong edit never held: on the 20th the pause stood agreed, cited to its readout.
        var then = _bot.Ask("/terms proposal:P2 on:2025-03-20").Sections.SelectMany(s => s.Lines).First(l => l.Provenance?.Code.ToString() == "P2");
        Assert.Equal("White House readout, 18 March 2025 (4 days ago) · reported", Phrases.Provenance(then.Provenance!, _bot.Time.GetUtcNow()));
    }

    [Fact]
    public void An_edit_undone_inside_the_window_nets_out_and_several_edits_show_once()
    {
        On(11, 10);
        Mod("/update term id:T1 text:\"Sixty days.\" source:AFP");
        Mod("/update undo");
        Mod("/update term id:T2 text:\"The truce covers attacks by air.\" source:AFP");
        Mod("/update term id:T2 text:\"The truce covers attacks by air and by sea, and on energy.\" source:AFP");

        var briefing = _bot.Ask("/briefing since:2025-03-11");
        Ask("/briefing since:2025-03-11");
        var changed = briefing.Sections.Where(s => s.Heading!.Contains("changed since")).SelectMany(s => s.Lines).ToList();
        var t2 = Assert.Single(changed);
        Assert.Equal("T2", t2.Provenance!.Code.ToString());
        Assert.Equal("Changed term: Scope: The truce covers attacks by air and by sea, and on energy. (proposed) (“…by sea.” became “…by sea, and on energy.”)", t2.Text);

        Mod("/update term id:T2 text:\"The truce covers attacks by air and by sea.\" source:Reuters source_date:2025-03-06 confidence:unconfirmed");
        Assert.Contains("Nothing changed.", Ask("/briefing since:2025-03-11"));
    }

    [Fact]
    public void What_stands_shows_every_live_proposal_the_one_that_moved_last_first()
    {
        On(11, 10);
        Mod("/update proposal name:\"US 30-day ceasefire proposal\" status:proposed sponsors:\"United States\" source:\"Joint statement\"");
        Mod("/update term proposal:P2 topic:Duration text:\"An immediate 30-day ceasefire.\" status:agreed source:\"Joint statement\"");
        var stands = Headings(_bot.Ask("/briefing")).Where(h => h.StartsWith("Where the", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Where the US 30-day ceasefire proposal (P2) stands", "Where the Franco-British partial truce plan (P1) stands"], stands);

        On(12, 10);
        Mod("/update term id:T4 status:dropped source:AFP");
        var briefing = _bot.Ask("/briefing");
        Assert.Equal(["Where the Franco-British partial truce plan (P1) stands", "Where the US 30-day ceasefire proposal (P2) stands"],
            Headings(briefing).Where(h => h.StartsWith("Where the", StringComparison.Ordinal)).ToList());
        Assert.Contains("T8 Duration: An immediate 30-day ceasefire. (agreed)", Ask("/briefing"));

        // Past three, the ones that moved longest ago take one line each, still the last to move first.
        Mod("/update proposal name:\"Black Sea arrangement\" status:proposed sponsors:\"United States\" source:Reuters");
        Mod("/update proposal name:\"Energy strike moratorium\" status:proposed sponsors:\"United States\" source:Reuters");
        var four = _bot.Ask("/briefing");
        Assert.Equal(["Where the Energy strike moratorium (P4) stands", "Where the Black Sea arrangement (P3) stands",
            "Where the Franco-British partial truce plan (P1) stands", "Other live proposals, the last to move first"],
            Headings(four).Where(h => h.StartsWith("Where the", StringComparison.Ordinal) || h.StartsWith("Other live", StringComparison.Ordinal)).ToList());
        var others = four.Sections.Single(s => s.Heading == "Other live proposals, the last to move first");
        Assert.Equal("P2", Assert.Single(others.Lines).Provenance!.Code.ToString());
        Assert.Equal("/terms proposal:<name or id> shows the terms of any.", others.More);
    }

    private static List<string> Headings(Reply reply) => reply.Sections.Select(s => s.Heading ?? "").ToList();

    [Fact]
    public void Search_for_a_retracted_claim_says_it_was_withdrawn_by_whom_when_and_why()
    {
        On(14, 10);
        Mod(FalseClaim, _bob);
        On(15, 9);
        Mod("/update retract id:S1 reason:\"No such acceptance: the Kremlin set conditions\"");

        var text = Ask("/search Russia accepted full ceasefire");
        Assert.DoesNotContain("Nothing matches every word.", text);
        Assert.Contains("Nothing that stands matches every word.", text);
        Assert.Contains("Withdrawn: these were retracted and no longer hold", text);
        Assert.Contains("S1 was retracted by olena on 15 March 2025 — No such acceptance: the Kremlin set conditions. It said: Statement by Russia, " +
                        "Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire. Cited: a Telegram channel, 14 March 2025 (yesterday) · reported", text);
        // A withdrawn claim is a notice, not a fact that stands: no answer lists it as one.
        Assert.Empty(TestBot.Codes(_bot.Ask("/search Russia accepted full ceasefire")));
        // What stands still comes first when something else matches.
        var both = _bot.Ask("/search ceasefire");
        Assert.Null(both.Sections[0].Heading);
        Assert.Contains(both.Sections, s => s.Heading == "Withdrawn: these were retracted and no longer hold");
        Assert.Contains("Nothing matches every word.", Ask("/search zeppelin"));

        // Undone, it stands again and is no longer found as withdrawn.
        Mod("/update undo");
        Assert.DoesNotContain("Withdrawn", Ask("/search Russia accepted full ceasefire"));
    }

    [Fact]
    public void Changes_pages_through_seventy_changes_and_each_page_says_how_to_reach_the_next()
    {
        On(11, 8);
        for (var i = 1; i <= 70; i++)
        {
            _bot.Time.Advance(TimeSpan.FromMinutes(1));
            Mod($"/update term id:T1 text:\"Truce of {i} days.\" source:AFP");
        }
        On(11, 20);
        var seen = new List<string>();
        var page = _bot.Ask("/changes since:2025-03-11");
        Assert.Equal("Older changes follow on /changes since:2025-03-11 page:2.", page.Sections[0].More);
        seen.AddRange(page.Sections[0].Lines.Select(l => l.Text));
        var second = _bot.Ask("/changes since:2025-03-11 page:2");
        Assert.Equal("Changes since 11 March 2025, page 2", second.Title);
        Assert.Equal("Older changes follow on /changes since:2025-03-11 page:3.", second.Sections[0].More);
        seen.AddRange(second.Sections[0].Lines.Select(l => l.Text));
        var third = _bot.Ask("/changes since:2025-03-11 page:3");
        Assert.Null(third.Sections[0].More);
        seen.AddRange(third.Sections[0].Lines.Select(l => l.Text));
        Assert.Equal([30, 30, 10], new[] { page, second, third }.Select(p => p.Sections[0].Lines.Count));
        Assert.Equal(70, seen.Distinct().Count());
        Assert.Contains("Truce of 70 days", seen[0]);
        Assert.Contains("Truce of 1 days", seen[^1]);
        Assert.Contains("No more changes.", Ask("/changes since:2025-03-11 page:4"));
        Assert.Equal(ReplyTone.Error, _bot.Ask("/changes page:0").Tone);

        // The briefing's own cut says how to see the rest, and that way works.
        for (var i = 0; i < 61; i++)
            Mod($"/update contact kind:call people:\"Macron, Trump\" date:2025-03-11 summary:\"Call number {i}\" source:AFP");
        var briefing = _bot.Ask("/briefing since:2025-03-11");
        var more = briefing.Sections.Select(s => s.More).Single(m => m?.Contains("/changes") == true);
        Assert.Equal("Only the 60 facts changed most recently are listed; /changes since:2025-03-11 lists every change with who made it, page by page (page:2 and on).", more);
        Assert.Contains("Older changes follow on", TestBot.Text(_bot.Ask("/changes since:2025-03-11 page:2")));
    }

    [Fact]
    public void The_log_as_of_a_past_day_leaves_out_what_was_recorded_later_and_a_past_briefings_cut_points_to_it()
    {
        On(11, 8);
        for (var i = 0; i < 61; i++)
            Mod($"/update contact kind:call people:\"Macron, Trump\" date:2025-03-11 summary:\"Call number {i}\" source:AFP");
        On(13, 9);
        Mod("/update term id:T1 text:\"Thirty days, recorded later.\" source:AFP");

        var then = _bot.Ask("/changes since:2025-03-11 as_of:2025-03-12");
        Assert.Equal("Changes since 11 March 2025, as recorded by 12 March 2025", then.Title);
        Assert.DoesNotContain("recorded later", TestBot.Text(then));
        Assert.Contains("Call number 60", then.Sections[0].Lines[0].Text);
        Assert.Equal("Older changes follow on /changes since:2025-03-11 as_of:2025-03-12 page:2.", then.Sections[0].More);
        Assert.Contains("Call number 30", TestBot.Text(_bot.Ask("/changes since:2025-03-11 as_of:2025-03-12 page:2")));
        Assert.Contains("recorded later", TestBot.Text(_bot.Ask("/changes since:2025-03-11")));
        Assert.Equal("since is after as_of; give an earlier since date.", _bot.Ask("/changes since:2025-03-13 as_of:2025-03-12").Title);

        // A briefing as known on the 12th cuts its 61 changes and sends the reader to that same log.
        var briefing = _bot.Ask("/briefing since:2025-03-11 as_of:2025-03-12");
        var more = briefing.Sections.Select(s => s.More).Single(m => m?.Contains("/changes") == true);
        Assert.StartsWith("Only the 60 facts changed most recently are listed; /changes since:2025-03-11 as_of:2025-03-12 lists every change", more);
    }

    [Fact]
    public void Every_list_that_leaves_lines_out_says_which_command_shows_the_rest_and_that_command_does()
    {
        On(11, 8);
        for (var i = 1; i <= 20; i++)
            Mod($"/update contact kind:call people:\"Macron, Zelensky\" date:2025-03-{i % 9 + 1:00} summary:\"Call number {i}\" source:AFP");
        var first = _bot.Ask("/contacts person:Macron kind:call");
        var more = first.Sections[0].More;
        Assert.Equal("Only the 15 most recent are shown; /contacts person:Macron kind:call page:2 shows the next ones, or narrow with person:, with:, since: or kind:.", more);
        var second = _bot.Ask("/contacts person:Macron kind:call page:2");
        // 20 new calls and the seeded C2 and C3 of Macron: 22, so 7 on page 2 and nothing more.
        Assert.Equal(7, TestBot.Codes(second).Count);
        Assert.Null(second.Sections[0].More);
        Assert.Empty(TestBot.Codes(first).Intersect(TestBot.Codes(second)));
        Assert.Equal(ReplyTone.Error, _bot.Ask("/contacts page:0").Tone);

        var search = _bot.Ask("/search call number");
        Assert.Contains("/search query:\"call number\" page:2 shows the next ones", search.Sections[0].More);
        Assert.Equal(5, TestBot.Codes(_bot.Ask("/search query:\"call number\" page:2")).Count);

        for (var i = 1; i <= 30; i++)
            Mod($"/update term proposal:P1 topic:\"Clause {i}\" text:\"Clause {i} of the plan.\" source:AFP");
        var terms = _bot.Ask("/terms proposal:P1");
        Assert.Equal("… and 7 more terms; /terms proposal:P1 page:2 lists them.", terms.Sections[1].More);
        Assert.Equal(7, TestBot.Codes(_bot.Ask("/terms proposal:P1 page:2")).Count - 1);
    }

    [Fact]
    public void The_contact_picture_of_an_older_store_draws_what_the_options_select()
    {
        // A year after the seeded contacts of February and March 2025: the list shows them, so the picture must too.
        _bot.Time.Advance(TimeSpan.FromDays(365));
        var all = _bot.Ask("/contacts graph:true");
        Assert.Equal(6, TestBot.Codes(all).Count);
        var picture = Assert.Single(all.Attachments);
        Assert.Equal("Who spoke to whom: Contacts", picture.Description);

        var zelensky = _bot.Ask("/contacts person:Zelensky kind:call graph:true");
        Assert.Equal("Who spoke to whom: Calls of Volodymyr Zelenskyy", Assert.Single(zelensky.Attachments).Description);
        Assert.NotEqual(picture.Content, zelensky.Attachments[0].Content);

        // Only a planned meeting matches: it is listed, and the answer says there is nothing held to draw.
        var planned = _bot.Ask("/contacts place:Washington kind:meeting person:Macron graph:true");
        Assert.Empty(planned.Attachments);
        Assert.Equal("Only planned contacts match: nothing held to draw.", planned.Footer);

        // The briefing verb's picture draws the window asked for, not the last fortnight.
        var composer = _bot.Get<Briefing.BriefingComposer>();
        var now = _bot.Time.GetUtcNow();
        Assert.Empty(composer.Compose(now.AddDays(-1), now, withPicture: true).Attachments);
        var window = composer.Compose(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), now, withPicture: true, pictureSince: new DateOnly(2025, 2, 1));
        Assert.StartsWith("Who spoke to whom, 1 February 2025 – ", Assert.Single(window.Attachments).Description);
    }

    [Fact]
    public void A_withdrawn_claim_is_found_as_withdrawn_after_export_and_import()
    {
        On(14, 10);
        Mod(FalseClaim, _bob);
        Mod("/update retract id:S1 reason:\"No such acceptance\"");
        using var export = new MemoryStream();
        _bot.Get<Knowledge.KnowledgeTransfer>().WriteExport(export);
        using var copy = new TestBot(seed: false, time: _bot.Time);
        export.Position = 0;
        copy.Get<Knowledge.KnowledgeTransfer>().Import(export);
        Assert.Equal(_bot.ExportText(), copy.ExportText());
        Assert.Contains("S1 was retracted by olena on 14 March 2025 — No such acceptance.", TestBot.Text(copy.Ask("/search Russia accepted")));
    }
}
