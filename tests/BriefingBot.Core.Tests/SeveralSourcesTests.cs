using System.Text.Json;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>A fact cites several sources, each confirming or disputing it; moderators add and remove them as revisions.</summary>
public sealed class SeveralSourcesTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator("mo"), _anna = TestBot.Moderator("anna"), _bob = TestBot.Moderator("bob");

    public void Dispose() => _bot.Dispose();

    /// <summary>18 March: the call is recorded citing Reuters; 19 March anna adds both readouts; 20 March bob adds TASS, disputing it.</summary>
    private void PutinTrumpCall()
    {
        _bot.Ask("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin", _mo);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 18, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal("Recorded new contact C7.", _bot.Ask(
            "/update contact kind:call people:\"Putin, Trump\" date:2025-03-18 summary:\"A 30-day halt to strikes on energy infrastructure\" source:Reuters source_date:2025-03-18 source_url:https://www.reuters.com/world/call",
            _mo).Title);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 19, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("Added a source to C7.", _bot.Ask(
            "/sources add id:C7 source:\"Kremlin readout\" source_url:http://en.kremlin.ru/events/president/news/76480 source_date:2025-03-18", _anna).Title);
        _bot.Ask("/sources add id:C7 source:\"White House readout\" source_date:2025-03-18", _anna);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero));
        _bot.Ask("/sources add id:C7 source:TASS stance:disputes source_date:2025-03-19 reason:\"denies any halt was agreed\"", _bob);
    }

    private string Citation(Reply reply, string code) =>
        Phrases.Provenance(reply.Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == code).Provenance!, _bot.Time.GetUtcNow());

    [Fact]
    public void An_undated_report_stays_of_the_day_it_was_recorded_when_another_source_is_added_later()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
        _bot.Moderate("/update statement people:Zelensky date:2025-03-14 text:\"Ukraine is ready for the 30-day ceasefire\" source:\"a Telegram channel\"", _mo);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.Zero));
        _bot.Moderate("/sources add id:S1 source:\"another channel\"", _anna);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 21, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("a Telegram channel and another channel, 14 March 2025 (7 days ago) · reported", Citation(_bot.Ask("/statements"), "S1"));
        // A change of what it says is a new report of its own, dated when it was recorded.
        _bot.Moderate("/update statement id:S1 text:\"Ukraine is ready for a 30-day ceasefire if Russia agrees\" source:\"a Telegram channel\"", _mo);
        Assert.StartsWith("a Telegram channel, 21 March 2025 (today)", Citation(_bot.Ask("/statements"), "S1"));
    }

    [Fact]
    public void A_call_cites_both_readouts_and_a_dispute_without_changing_what_it_says()
    {
        PutinTrumpCall();
        var contacts = _bot.Ask("/contacts person:Putin");
        Assert.Contains("C7 Call between Vladimir Putin and Donald Trump, Tuesday 18 March 2025: A 30-day halt to strikes on energy infrastructure", TestBot.Text(contacts));
        Assert.Equal("Reuters, Kremlin readout and White House readout, 18 March 2025 (2 days ago) · reported · disputed by TASS", Citation(contacts, "C7"));

        // A fourth confirming source makes the list short: the first two and how many others.
        var added = _bot.Ask("/sources add id:C7 source:AP source_date:2025-03-19 confidence:confirmed", _mo);
        Assert.Contains("Added source AP of 19 March 2025; confidence was reported, now confirmed.", TestBot.Text(added));
        _bot.Ask("/update contact id:C7 source:Reuters source_url:https://www.reuters.com/world/call source_date:2025-03-18 confidence:reported", _mo);
        Assert.Contains("C7 6. Confidence changed by mo on 20 March 2025: confidence was confirmed, now reported", TestBot.Text(_bot.Ask("/history C7")));
        _bot.Ask("/update undo", _mo);
        Assert.Equal("Reuters, Kremlin readout and 2 others, latest 19 March 2025 (yesterday) · confirmed · disputed by TASS",
            Citation(_bot.Ask("/contacts person:Putin"), "C7"));

        // Scripts keep the first source where they found it, and get every source beside it.
        var line = _bot.Ask("/contacts person:Putin").Sections[0].Lines[0].Provenance!;
        Assert.Equal(new SourceRef("Reuters", "https://www.reuters.com/world/call", new DateOnly(2025, 3, 18)), line.Source);
        Assert.Equal(["Reuters", "Kremlin readout", "White House readout", "TASS", "AP"], line.Sources!.Select(s => s.Source.Outlet));
        Assert.Equal(SourceStance.Disputes, line.Sources![3].Stance);

        // What the fact says never moved: seven revisions, one wording.
        var history = _bot.Get<FactQueries>().History(new FactCode(FactKind.Contact, 7));
        Assert.Equal(7, history.Count);
        Assert.Single(history.Select(r => KnowledgeJson.Serialize(r.Data)).Distinct());
    }

    [Fact]
    public void History_shows_when_each_source_was_added_and_by_whom()
    {
        PutinTrumpCall();
        var history = TestBot.Text(_bot.Ask("/history C7"));
        Assert.Contains("History of C7 (current, 4 revisions)", history);
        Assert.Contains("C7 1. Recorded by mo on 18 March 2025: Call between Vladimir Putin and Donald Trump", history);
        Assert.Contains("C7 2. Sources changed by anna on 19 March 2025: added source Kremlin readout of 18 March 2025", history);
        Assert.Contains("C7 3. Sources changed by anna on 19 March 2025: added source White House readout of 18 March 2025", history);
        Assert.Contains("C7 4. Sources changed by bob on 20 March 2025 (denies any halt was agreed): added source TASS of 19 March 2025, which disputes it", history);

        var changes = TestBot.Text(_bot.Ask("/changes since:2025-03-18"));
        Assert.Contains("(added source TASS of 19 March 2025, which disputes it) — by bob", changes);
    }

    [Fact]
    public void As_of_a_day_before_the_additions_reads_only_the_first_source()
    {
        PutinTrumpCall();
        var queries = _bot.Get<FactQueries>();
        var then = queries.Get(new FactCode(FactKind.Contact, 7), new DateTimeOffset(2025, 3, 18, 23, 59, 59, TimeSpan.Zero))!;
        Assert.Equal(["Reuters"], then.Current.Provenance.Sources.Select(s => s.Source.Outlet));
        var midway = queries.Get(new FactCode(FactKind.Contact, 7), new DateTimeOffset(2025, 3, 19, 23, 59, 59, TimeSpan.Zero))!;
        Assert.Equal(["Reuters", "Kremlin readout", "White House readout"], midway.Current.Provenance.Sources.Select(s => s.Source.Outlet));

        // The same through /terms as_of, for a term that gained a source on the 19th.
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 21, 9, 0, 0, TimeSpan.Zero));
        _bot.Ask("/update term proposal:P1 topic:Energy text:\"No strikes on energy infrastructure for 30 days\" source:Reuters source_date:2025-03-21", _mo);
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 22, 9, 0, 0, TimeSpan.Zero));
        _bot.Ask("/sources add id:T8 source:AFP source_date:2025-03-22", _anna);
        Assert.StartsWith("Reuters, 21 March 2025", Citation(_bot.Ask("/terms as_of:2025-03-21"), "T8"));
        Assert.StartsWith("Reuters and AFP, latest 22 March 2025", Citation(_bot.Ask("/terms"), "T8"));
    }

    [Fact]
    public void A_source_added_by_mistake_is_removed_as_a_revision_and_the_last_confirming_one_stays()
    {
        PutinTrumpCall();
        _bot.Ask("/sources add id:C7 source:\"Daily Mail\"", _anna);
        var removed = _bot.Ask("/sources remove id:C7 source:\"daily mail\" reason:\"wrong call\"", _anna);
        Assert.Equal("Removed a source from C7.", removed.Title);
        Assert.Contains("Removed source Daily Mail.", TestBot.Text(removed));
        Assert.Contains("C7 6. Sources changed by anna on 20 March 2025 (wrong call): removed source Daily Mail", TestBot.Text(_bot.Ask("/history C7")));
        Assert.Equal(0, _bot.Count("SELECT COUNT(*) FROM revisions r JOIN revision_sources x ON x.revision_id = r.id JOIN sources s ON s.id = x.source_id WHERE s.outlet = 'Daily Mail' AND r.id = (SELECT MAX(id) FROM revisions)"));

        // Removing the first source moves the next confirming one to the front.
        _bot.Ask("/sources remove id:C7 source:Reuters", _mo);
        Assert.StartsWith("Kremlin readout and White House readout, 18 March 2025", Citation(_bot.Ask("/contacts person:Putin"), "C7"));
        _bot.Ask("/sources remove id:C7 source:\"White House readout\"", _mo);
        Assert.Equal("Kremlin readout is the only source confirming C7; add the right source first, or retract C7.",
            _bot.Ask("/sources remove id:C7 source:\"Kremlin readout\"", _mo).Title);
        Assert.Equal("C7 does not cite AP; it cites Kremlin readout, 18 March 2025; TASS, 19 March 2025.",
            _bot.Ask("/sources remove id:C7 source:AP", _mo).Title);
    }

    [Fact]
    public void Adding_a_source_twice_or_on_both_sides_is_refused_and_undo_takes_one_back()
    {
        PutinTrumpCall();
        Assert.Equal("C7 already cites Kremlin readout, 18 March 2025.",
            _bot.Ask("/sources add id:C7 source:\"kremlin readout\" source_url:http://en.kremlin.ru/events/president/news/76480 source_date:2025-03-18", _mo).Title);
        Assert.Equal("C7 cites TASS, 19 March 2025 as disputing it; remove that first (/sources remove) to cite TASS as confirming it.",
            _bot.Ask("/sources add id:C7 source:TASS", _mo).Title);
        Assert.StartsWith("Undid your change of C7", _bot.Ask("/update undo", _bob).Title);
        Assert.Equal("Reuters, Kremlin readout and White House readout, 18 March 2025 (2 days ago) · reported",
            Citation(_bot.Ask("/contacts person:Putin"), "C7"));
        _bot.Ask("/update retract id:C7 reason:\"never happened\"", _mo);
        Assert.Equal("C7 is retracted; only a live fact can gain or lose a source.", _bot.Ask("/sources add id:C7 source:AP", _mo).Title);
        Assert.StartsWith("Only moderators can use /sources add", _bot.Ask("/sources add id:C1 source:AP", TestBot.Member()).Title);
        Assert.StartsWith("Only moderators can use /sources remove", _bot.Ask("/sources remove id:C1 source:Reuters", TestBot.Member()).Title);
    }

    [Fact]
    public void A_member_lists_every_source_of_a_fact_now_or_as_known_on_a_day()
    {
        PutinTrumpCall();
        var all = TestBot.Text(_bot.Ask("/sources show C7"));
        Assert.Contains("Sources of C7", all);
        Assert.Contains("4 sources, overall reported", all);
        Assert.Contains("1. Reuters, 18 March 2025 — confirms it · https://www.reuters.com/world/call", all);
        Assert.Contains("2. Kremlin readout, 18 March 2025 — confirms it · http://en.kremlin.ru/events/president/news/76480", all);
        Assert.Contains("3. White House readout, 18 March 2025 — confirms it", all);
        Assert.Contains("4. TASS, 19 March 2025 — disputes it", all);
        var then = TestBot.Text(_bot.Ask("/sources show id:C7 as_of:2025-03-18"));
        Assert.Contains("Sources of C7 as known on 18 March 2025", then);
        Assert.Contains("1 source, overall reported", then);
        Assert.DoesNotContain("Kremlin", then);
        Assert.Equal("Nothing was known about C7 on 17 March 2025.", _bot.Ask("/sources show id:C7 as_of:2025-03-17").Title);
    }

    [Fact]
    public void Restating_a_fact_keeps_its_sources_and_changing_it_says_which_are_no_longer_cited()
    {
        PutinTrumpCall();
        // Same words, a new first source and confidence: the readouts and the dispute stay.
        _bot.Ask("/update contact id:C7 source:AP confidence:confirmed", _mo);
        Assert.Equal("AP, Kremlin readout and White House readout, 18 March 2025 (2 days ago) · confirmed · disputed by TASS",
            Citation(_bot.Ask("/contacts person:Putin"), "C7"));
        // New words: cited afresh, and the moderator is told what is no longer cited.
        var changed = TestBot.Text(_bot.Ask("/update contact id:C7 tone:frank source:Reuters", _mo));
        Assert.Contains("No longer cited: Kremlin readout, White House readout and TASS, which backed the earlier version; /sources add id:C7 adds one back.", changed);
        Assert.StartsWith("Reuters, 20 March 2025", Citation(_bot.Ask("/contacts person:Putin"), "C7"));
    }

    [Fact]
    public void Thirty_sources_stay_one_short_citation()
    {
        PutinTrumpCall();
        for (var i = 1; i <= 30; i++)
            _bot.Ask($"/sources add id:C7 source:\"Outlet number {i} with a long name of the kind wire services have\" stance:{(i % 3 == 0 ? "disputes" : "confirms")}", _mo);
        var citation = Citation(_bot.Ask("/contacts person:Putin"), "C7");
        Assert.Equal("Reuters, Kremlin readout and 21 others, 18 March 2025 (2 days ago) · reported · disputed by TASS, Outlet number 3 with a long name of the… and 9 others", citation);
        Assert.Equal(34, _bot.Ask("/contacts person:Putin").Sections[0].Lines[0].Provenance!.Sources!.Count);
    }

    [Fact]
    public void Export_and_import_carry_every_source_with_its_stance()
    {
        PutinTrumpCall();
        _bot.Ask("/sources add id:C7 source:\"Daily Mail\"", _anna);
        _bot.Ask("/sources remove id:C7 source:\"Daily Mail\"", _anna);
        var transfer = _bot.Get<KnowledgeTransfer>();
        var export = transfer.Export();
        var json = JsonSerializer.Serialize(export with { ExportedAt = default }, KnowledgeJson.Options);
        Assert.Contains("\"stance\":\"disputes\"", json);
        using var stream = new MemoryStream();
        transfer.WriteExport(stream);

        using var copy = new TestBot(seed: false);
        stream.Position = 0;
        Assert.Equal(export.Revisions.Count, copy.Get<KnowledgeTransfer>().Import(stream));
        Assert.Equal(json, JsonSerializer.Serialize(copy.Get<KnowledgeTransfer>().Export() with { ExportedAt = default }, KnowledgeJson.Options));
        copy.Time.SetUtcNow(_bot.Time.GetUtcNow());
        foreach (var question in (string[])["/contacts person:Putin", "/history C7", "/changes since:2025-03-01"])
            Assert.Equal(TestBot.Text(_bot.Ask(question)), TestBot.Text(copy.Ask(question)));
        Assert.Equal(Citation(_bot.Ask("/contacts person:Putin"), "C7"), Citation(copy.Ask("/contacts person:Putin"), "C7"));
    }

    [Fact]
    public void An_export_of_the_previous_format_still_imports_with_one_source_per_revision()
    {
        var json = JsonSerializer.Serialize(_bot.Get<KnowledgeTransfer>().Export() with { Version = 1 }, KnowledgeJson.Options);
        Assert.DoesNotContain("\"sources\"", json);
        using var copy = new TestBot(seed: false);
        Assert.True(copy.Get<KnowledgeTransfer>().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))) > 0);
        Assert.Equal(TestBot.Text(_bot.Ask("/contacts")), TestBot.Text(copy.Ask("/contacts")));

        var broken = JsonSerializer.Serialize(_bot.Get<KnowledgeTransfer>().Export() with { Version = 5 }, KnowledgeJson.Options);
        Assert.Contains("version 5 is not one this build reads (1 to 4)",
            Assert.Throws<KnowledgeException>(() => copy.Get<KnowledgeTransfer>().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(broken)))).Message);
    }
}
