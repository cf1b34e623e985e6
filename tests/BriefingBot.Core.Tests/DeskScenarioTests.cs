using Xunit;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests;

/// <summary>
/// A diplomatic desk keeps the bot current through the three weeks after the report of 6 March 2025 (Jeddah, Putin's
/// conditions, the Trump–Putin call, Riyadh), recording each thing on the day it was learned, with one false claim
/// retracted; then, on 26 March, a member asks about it all as people would.
/// </summary>
public sealed class DeskScenarioTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("olena");
    private readonly Commands.Caller _careless = TestBot.Moderator("bob");

    public void Dispose() => _bot.Dispose();

    /// <summary>The desk's clock: the evening of a day in March 2025, when that day's news is recorded.</summary>
    private void On(int day, int hour = 19) => _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, day, hour, 0, 0, TimeSpan.Zero));

    /// <summary>A moderator's update; it must be taken (recorded or updated), never refused.</summary>
    private string Mod(string command, Commands.Caller? who = null)
    {
        var text = TestBot.Text(_bot.Ask(command, who ?? _mo));
        output.WriteLine($"> {command}\n{text}\n");
        Assert.Matches("^(Recorded|Updated|Retracted|Added|Cited)", text);
        return text;
    }

    private string Ask(string command)
    {
        var text = TestBot.Text(_bot.Ask(command));
        output.WriteLine($"> {command}\n{text}\n");
        return text;
    }

    private IReadOnlyList<string> Codes(string command) => TestBot.Codes(_bot.Ask(command));

    /// <summary>What the desk learned between 11 and 25 March 2025, each on its day.</summary>
    private void RecordTheWeeks()
    {
        // Tuesday 11 March, Jeddah: Ukraine accepts the US proposal; the US resumes military aid and intelligence.
        On(11);
        Assert.Contains("Recorded new proposal P2.", Mod(
            "/update proposal name:\"US 30-day ceasefire proposal\" status:proposed sponsors:\"United States\" " +
            "summary:\"An immediate, interim 30-day ceasefire, accepted by Ukraine at Jeddah, now up to Russia.\" " +
            "source:\"Joint US-Ukraine statement\" source_date:2025-03-11 confidence:confirmed"));
        Assert.Contains("Recorded new term T8.", Mod(
            "/update term proposal:P2 topic:Duration text:\"An immediate, interim 30-day ceasefire, extendable by mutual agreement.\" " +
            "status:agreed source:\"Joint US-Ukraine statement\" source_date:2025-03-11 confidence:confirmed"));
        Assert.Contains("Recorded new term T9.", Mod(
            "/update term proposal:P2 topic:Condition text:\"Subject to acceptance and concurrent implementation by Russia.\" " +
            "status:proposed source:\"Joint US-Ukraine statement\" source_date:2025-03-11 confidence:confirmed"));
        var jeddah = Mod(
            "/update contact kind:meeting people:\"+Marco Rubio, +Mike Waltz, +Andriy Yermak, +Andrii Sybiha, +Rustem Umerov\" " +
            "date:2025-03-11 place:\"Jeddah, Saudi Arabia\" tone:constructive about:P2 " +
            "summary:\"US-Ukraine talks: Ukraine accepts the US proposal of a 30-day ceasefire\" source:Reuters source_date:2025-03-11");
        Assert.Contains("Recorded new contact C7.", jeddah);
        Assert.Contains("Marco Rubio (person", jeddah);
        Assert.Contains("Rustem Umerov (person", jeddah);
        Mod("/update role person:Rubio represents:\"United States\" role:\"Secretary of State\" since:2025-01-21 source:\"State Department\"");
        Mod("/update role person:Yermak represents:Ukraine role:\"Head of the Presidential Office\" since:2020-02-11 source:\"Office of the President of Ukraine\"");
        Mod("/update role person:Sybiha represents:Ukraine role:\"Foreign Minister\" since:2024-09-05 source:\"Verkhovna Rada\"");
        Mod("/update role person:Zelenskyy represents:Ukraine role:\"President of Ukraine\" since:2019-05-20 source:\"Central Election Commission of Ukraine\"");
        Assert.Contains("Recorded new statement S1.", Mod(
            "/update statement people:Zelenskyy date:2025-03-11 via:\"his evening address\" stance:supports about:P2 " +
            "text:\"Ukraine is ready to accept this proposal; now the United States must convince Russia\" source:\"Office of the President of Ukraine\" source_date:2025-03-11"));
        Assert.Contains("Recorded new statement S2.", Mod(
            "/update statement people:Rubio date:2025-03-11 via:\"remarks to reporters in Jeddah\" stance:announces about:P2 " +
            "text:\"We will take this offer to the Russians; the ball is now in their court\" source:\"State Department\" source_date:2025-03-11"));
        Assert.Contains("Updated A1.", Mod(
            "/update aid id:A1 status:resumed since:2025-03-11 note:\"Resumed after Ukraine accepted the ceasefire proposal at Jeddah.\" " +
            "source:\"Joint US-Ukraine statement\" source_date:2025-03-11 confidence:confirmed"));
        Assert.Contains("Recorded new aid A2.", Mod(
            "/update aid donor:\"United States\" recipient:Ukraine category:intelligence status:resumed since:2025-03-11 " +
            "note:\"Intelligence sharing, paused on 5 March, resumes.\" source:\"Joint US-Ukraine statement\" source_date:2025-03-11 confidence:confirmed"));

        // Thursday 13 March: Putin's answer, "in principle", with conditions.
        On(13);
        Assert.Contains("Recorded new statement S3.", Mod(
            "/update statement people:\"+Vladimir Putin\" date:2025-03-13 via:\"a press conference in Moscow\" stance:conditions about:P2 " +
            "text:\"Supports a ceasefire in principle, but there are nuances: how it would be monitored, and Ukraine must not rearm\" " +
            "source:Reuters source_date:2025-03-13"));

        Mod("/update role person:Putin represents:Russia role:\"President of Russia\" since:2012-05-07 source:Kremlin");

        // Friday 14 March: the Kremlin says Witkoff saw Putin last night; a careless moderator enters a false claim.
        On(14, 10);
        Assert.Contains("Recorded new contact C8.", Mod(
            "/update contact kind:meeting people:\"+Steve Witkoff, Putin\" date:2025-03-13 place:\"the Kremlin, Moscow\" about:P2 " +
            "summary:\"Witkoff brings the US ceasefire proposal; Putin sends Trump a message of cautious optimism\" source:\"Kremlin readout\" source_date:2025-03-14"));
        Assert.Contains("Recorded new statement S4.", Mod(
            "/update statement people:Russia date:2025-03-14 via:\"a post\" stance:supports about:P2 " +
            "text:\"Russia has accepted the full 30-day ceasefire\" source:\"a Telegram channel\" confidence:unconfirmed", _careless));

        // Saturday 15 March: it was never so; retracted with the reason.
        On(15, 9);
        Assert.Contains("Retracted S4", Mod("/update retract id:S4 reason:\"No such acceptance: the Kremlin set conditions; the post misread Putin's words\""));

        // Tuesday 18 March: the Trump–Putin call, two readouts, a narrower truce on energy.
        On(18, 20);
        Assert.Contains("Recorded new contact C9.", Mod(
            "/update contact kind:call people:\"Trump, Putin\" date:2025-03-18 about:P2 " +
            "summary:\"Putin agrees to a 30-day halt to strikes on energy infrastructure, not to the full ceasefire\" " +
            "source:\"Kremlin readout\" source_url:http://en.kremlin.ru/events/president/news/76480 source_date:2025-03-18"));
        Mod("/sources add id:C9 source:\"White House readout\" source_date:2025-03-18");
        Assert.Contains("Recorded new statement S5.", Mod(
            "/update statement people:Putin date:2025-03-18 via:\"the Kremlin readout of the call\" stance:conditions about:P2 " +
            "text:\"A full ceasefire requires an end to foreign military aid and intelligence for Kyiv\" " +
            "source:\"Kremlin readout\" source_date:2025-03-18"));
        // The energy clause of the Franco-British plan is now the US proposal's, and agreed.
        var moved = Mod("/update term id:T3 proposal:P2 status:agreed text:\"A 30-day halt to strikes on energy infrastructure.\" " +
                        "source:\"White House readout\" source_date:2025-03-18 reason:\"Agreed in the Trump–Putin call\"");
        Assert.Contains("Moved from P1 to P2", moved);

        // Wednesday 19 March: strikes on energy sites the night after the call dispute the truce.
        On(19);
        Mod("/sources add id:C9 source:Reuters source_date:2025-03-19");
        Mod("/sources add id:C9 source:AP source_date:2025-03-19");
        Assert.Contains("Recorded new contact C10.", Mod(
            "/update contact kind:call people:\"Trump, Zelenskyy\" date:2025-03-19 about:P2 " +
            "summary:\"Zelenskyy backs the pause on energy strikes; Trump offers US help to run Ukraine's power plants\" source:\"White House\" source_date:2025-03-19"));
        Mod("/sources add id:T3 source:Ukrenergo stance:disputes source_date:2025-03-19 " +
            "reason:\"Russian drones hit energy sites in Sloviansk the night after the call\"");

        // 23–25 March, Riyadh: technical talks, the US with each side in turn, and what each side then said.
        On(23);
        var misspelt = TestBot.Text(_bot.Ask("/update contact kind:meeting people:\"Umerv, +Andrew Peek\" date:2025-03-23 summary:\"x\" source:Reuters", _mo));
        Assert.Contains("did you mean", misspelt);
        Assert.Contains("Rustem Umerov", misspelt);
        Assert.Contains("Recorded new contact C11.", Mod(
            "/update contact kind:meeting people:\"Umerov, +Andrew Peek, +Michael Anton\" date:2025-03-23 place:\"Riyadh, Saudi Arabia\" about:P2 " +
            "summary:\"Technical talks with Ukraine on the energy truce and the Black Sea\" source:Reuters source_date:2025-03-23"));
        On(24);
        Assert.Contains("Recorded new contact C12.", Mod(
            "/update contact kind:meeting people:\"Michael Anton, +Grigory Karasin, +Sergei Beseda\" date:2025-03-24 place:\"Riyadh, Saudi Arabia\" about:P2 " +
            "summary:\"Twelve hours of technical talks with Russia on the Black Sea\" source:Reuters source_date:2025-03-24"));
        On(25);
        Assert.Contains("Recorded new statement S6.", Mod("/update statement people:\"+White House (organisation)\" date:2025-03-25 via:\"two statements after Riyadh\" stance:announces about:P2 " +
            "text:\"Agreement to ensure safe navigation in the Black Sea and to develop measures for the energy strike ban\" " +
            "source:\"White House\" source_date:2025-03-25 confidence:confirmed"));
        Assert.Contains("Recorded new statement S7.", Mod("/update statement people:\"+Kremlin (organisation)\" date:2025-03-25 via:\"a statement\" stance:conditions about:P2 " +
            "text:\"The Black Sea deal takes effect only after sanctions on Rosselkhozbank are lifted\" source:\"Kremlin statement\" source_date:2025-03-25"));
    }

    /// <summary>The citation a reader sees under the line of <paramref name="code"/> in an answer.</summary>
    private string Cite(Replies.Reply reply, string code) =>
        Replies.Phrases.Provenance(reply.Sections.SelectMany(x => x.Lines).First(l => l.Provenance?.Code.ToString() == code).Provenance!, _bot.Time.GetUtcNow());

    [Fact]
    public void A_member_asks_about_the_proposal_the_people_and_the_places()
    {
        RecordTheWeeks();
        On(26, 8);

        // The proposal: its terms (one moved in from P1), then the latest statements and contacts about it.
        var p2 = _bot.Ask("/terms proposal:P2");
        Ask("/terms proposal:P2");
        Assert.Equal("Terms of the US 30-day ceasefire proposal (P2)", p2.Title);
        Assert.Equal(["T3", "T8", "T9"], p2.Sections.Single(x => x.Heading == "Terms").Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.Equal("White House readout, 18 March 2025 (8 days ago) · reported · disputed by Ukrenergo", Cite(p2, "T3"));
        Assert.Equal(["S7", "S6", "S5"], p2.Sections.Single(x => x.Heading == "Latest statements about it").Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.Equal(["C12", "C11", "C10"], p2.Sections.Single(x => x.Heading == "Latest contacts about it").Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.DoesNotContain("T3", TestBot.Codes(_bot.Ask("/terms proposal:P1")));

        // What Putin said: twice conditions, never the false "accepted".
        var putin = Ask("/statements person:Putin");
        Assert.Equal(["S5", "S3"], Codes("/statements person:Putin"));
        Assert.Contains("Statement by Vladimir Putin, Thursday 13 March 2025, a press conference in Moscow (sets conditions): Supports a ceasefire in principle", putin);
        Assert.Contains("Tuesday 18 March 2025, the Kremlin readout of the call (sets conditions)", putin);
        Assert.Equal(["S7", "S6", "S5", "S3", "S2", "S1"], Codes("/statements about:P2"));
        Assert.Equal(["S7", "S5", "S3"], Codes("/statements about:P2 stance:conditions"));

        // Russia speaks through Putin: his conditions, and not the retracted "acceptance" attributed to Russia.
        Assert.Equal(["S5", "S3"], Codes("/statements person:Russia"));
        Assert.Contains("Including statements of people who represent Russia now: Vladimir Putin.", Ask("/statements person:Russia"));
        Assert.Equal(["C9", "C8"], Codes("/contacts person:Russia since:2025-03-10"));

        // Ukraine speaks and meets through the people who represent it, and the answers say whose.
        var ukraineSaid = Ask("/statements person:Ukraine");
        Assert.Contains("Including statements of people who represent Ukraine now: Volodymyr Zelenskyy, Andriy Yermak and Andrii Sybiha.", ukraineSaid);
        Assert.Equal(["S1"], Codes("/statements person:Ukraine"));
        Assert.Contains("(supports): Ukraine is ready to accept this proposal", ukraineSaid);
        var ukraineMet = Ask("/contacts person:Ukraine");
        Assert.Contains("Including contacts of people who represent Ukraine now: Volodymyr Zelenskyy, Andriy Yermak and Andrii Sybiha.", ukraineMet);
        Assert.Equal(["C10", "C7"], Codes("/contacts person:Ukraine since:2025-03-10"));
        Assert.Contains("C7 Meeting between Marco Rubio, Mike Waltz, Andriy Yermak and 2 others, Tuesday 11 March 2025, Jeddah, Saudi Arabia (constructive)", ukraineMet);

        // Places: Jeddah once, Riyadh twice; Moscow is Witkoff's meeting, not every fact naming Russia.
        Assert.Equal(["C7"], Codes("/contacts place:Jeddah"));
        Assert.Equal(["C12", "C11"], Codes("/contacts place:Riyadh"));
        Assert.Equal(["C8"], Codes("/contacts place:Moscow"));

        // Who Rubio is, with the source; who represents Ukraine.
        var rubio = _bot.Ask("/who Rubio");
        Ask("/who Rubio");
        Assert.Contains("R1 Marco Rubio represents the United States as Secretary of State since Tuesday 21 January 2025", TestBot.Text(rubio));
        Assert.StartsWith("State Department, ", Cite(rubio, "R1"));
        Assert.Equal(["R4", "R2", "R3"], Codes("/who Ukraine"));

        // Aid: military resumed, intelligence resumed, both since Jeddah and confirmed.
        var aid = _bot.Ask("/aid");
        var aidText = Ask("/aid");
        Assert.Contains("A1 Military aid from the United States to Ukraine: resumed since Tuesday 11 March 2025", aidText);
        Assert.Contains("A2 Intelligence aid from the United States to Ukraine: resumed since Tuesday 11 March 2025", aidText);
        Assert.Equal("Joint US-Ukraine statement, 11 March 2025 (15 days ago) · confirmed · possibly out of date", Cite(aid, "A1"));
        var a1 = Ask("/history A1");
        Assert.Contains("1. Recorded by the seed data on 6 March 2025 (seeded from 2025-03-06-peace-plan.json): Military aid from the United States to Ukraine: suspended", a1);
        Assert.Contains("2. Changed by olena on 11 March 2025: Military aid from the United States to Ukraine: resumed since Tuesday 11 March 2025", a1);

        // The call, with both readouts and two more outlets, compactly.
        var call = _bot.Ask("/contacts person:Putin with:Trump");
        Assert.Equal("Kremlin readout, White House readout and 2 others, latest 19 March 2025 (7 days ago) · reported", Cite(call, "C9"));
        Assert.Contains("White House readout, 18 March 2025 — confirms it", Ask("/sources show C9"));
    }

    [Fact]
    public void A_member_reads_what_changed_what_was_known_and_the_false_claim_s_retraction()
    {
        RecordTheWeeks();
        On(26, 8);

        // Search finds the ceasefire wherever it is said, and never the retracted claim.
        var ceasefire = Codes("/search ceasefire");
        Ask("/search ceasefire");
        Assert.Contains("P2", ceasefire);
        Assert.Contains("S3", ceasefire);
        Assert.Contains("C9", ceasefire);
        Assert.DoesNotContain("S4", ceasefire);
        // Issue 10: a retracted claim is found as withdrawn, with who retracted it, when and why.
        Assert.Contains("S4 was retracted by olena on 15 March 2025 — No such acceptance: the Kremlin set conditions; the post misread Putin's words. " +
                        "It said: Statement by Russia, Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire",
            Ask("/search Russia accepted full ceasefire"));

        // The retraction: who entered it, who retracted it, when and why.
        var history = Ask("/history S4");
        Assert.StartsWith("History of S4 (retracted, 2 revisions)", history);
        Assert.Contains("1. Recorded by bob on 14 March 2025: Statement by Russia, Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire", history);
        Assert.Contains("2. Retracted by olena on 15 March 2025 (No such acceptance: the Kremlin set conditions; the post misread Putin's words)", history);
        Assert.Contains("Retracted statement", Ask("/changes since:2025-03-14"));

        // What was known on 10 March: the Franco-British plan alone, its energy clause still its own.
        var then = _bot.Ask("/terms as_of:2025-03-10");
        Ask("/terms as_of:2025-03-10");
        Assert.Equal("Terms of the Franco-British partial truce plan (P1) as known on 10 March 2025", then.Title);
        Assert.Equal(["P1", "T1", "T2", "T3", "T4", "T5", "T6", "T7"], TestBot.Codes(then));
        Assert.Contains("T3 Energy infrastructure: The truce covers attacks targeting energy infrastructure. (proposed)", TestBot.Text(then));
        Assert.Null(then.Footer);
        Assert.Contains("Nothing was known about P2 on 10 March 2025.", Ask("/terms proposal:P2 as_of:2025-03-10"));
        Assert.Equal(["T8", "T9"], _bot.Ask("/terms proposal:P2 as_of:2025-03-17").Sections.Single(s => s.Heading == "Terms").Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.Contains("T3", TestBot.Codes(_bot.Ask("/terms proposal:P2 as_of:2025-03-18")));

        // The briefing since 10 March: the new proposal, the term that moved, the aid resumed, the retraction and why.
        var briefing = Ask("/briefing since:2025-03-10");
        Assert.Contains("P2 New proposal: US 30-day ceasefire proposal", briefing);
        Assert.Contains("T3 Changed term: Energy infrastructure: A 30-day halt to strikes on energy infrastructure. (agreed) (moved from P1 to P2; was “The truce covers attacks targeting energy infrastructure.” (proposed), now “A 30-day halt to strikes on energy infrastructure.” (agreed))", briefing);
        Assert.Contains("A1 Changed aid: Military aid from the United States to Ukraine: resumed since Tuesday 11 March 2025", briefing);
        // Issue 10: a change says every part that changed, so the status is followed by the date and the note.
        Assert.Contains("(was suspended, now resumed; since: was the week of 3 March 2025, now Tuesday 11 March 2025; note: was “", briefing);
        Assert.Contains("R1 New role: Marco Rubio represents the United States as Secretary of State", briefing);
        Assert.Contains("S4 Retracted statement: Statement by Russia, Friday 14 March 2025, a post (supports): Russia has accepted the full 30-day ceasefire — about the US 30-day ceasefire proposal (P2) — No such acceptance", briefing);
        Assert.Contains("Statements in the last week", briefing);

        // The audit log of the last week: who did what, and why.
        var changes = Ask("/changes");
        Assert.StartsWith("Changes since 19 March 2025", changes);
        Assert.Contains("S7 New statement: Statement by Kremlin, Tuesday 25 March 2025, a statement (sets conditions)", changes);
        Assert.Contains("T3 Changed term: Energy infrastructure: A 30-day halt to strikes on energy infrastructure. (agreed) (added source Ukrenergo of 19 March 2025, which disputes it) — by olena, 6 days ago (Russian drones hit energy sites in Sloviansk the night after the call)", changes);
        Assert.Contains("C9 Changed contact", changes);
        Assert.Contains("(added source AP of 19 March 2025)", changes);

        // Every line of every answer still cites a source, a date and a confidence.
        foreach (var question in new[] { "/terms proposal:P2", "/statements", "/contacts", "/aid", "/who Ukraine", "/search ceasefire" })
            foreach (var line in _bot.Ask(question).Sections.SelectMany(x => x.Lines).Where(l => l.Provenance is not null))
                Assert.Matches(@"^.+, (latest )?\d{1,2} \w+ \d{4} \(.+\) · (confirmed|reported|unconfirmed)", Replies.Phrases.Provenance(line.Provenance!, _bot.Time.GetUtcNow()));
    }

    [Fact]
    public void The_three_weeks_survive_export_and_import_word_for_word()
    {
        RecordTheWeeks();
        On(26, 8);
        using var copy = _bot.CopyByExport();
        foreach (var question in new[]
                 {
                     "/terms proposal:P2", "/terms as_of:2025-03-10", "/statements person:Ukraine", "/contacts person:Ukraine", "/who Rubio",
                     "/aid", "/history S4", "/history T3", "/history C9", "/statements person:Russia", "/who Putin", "/search Jeddah", "/sources show C9", "/briefing since:2025-03-10", "/changes since:2025-03-10",
                 })
            Assert.Equal(TestBot.Text(_bot.Ask(question)), TestBot.Text(copy.Ask(question)));
    }
}
