using BriefingBot.Knowledge;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Statements and links between facts, played as a desk would over the week after Jeddah: a moderator records what Putin,
/// the Kremlin and the White House said about the US proposal; members find it by person, proposal, stance and words.
/// </summary>
public sealed class StatementTests : IDisposable
{
    private readonly TestBot _bot = new();

    public StatementTests()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 11, 18, 0, 0, TimeSpan.Zero));
        Moderate("/update actor name:\"Vladimir Putin\" kind:person aliases:Putin");
        Moderate("/update actor name:Kremlin kind:organisation");
        Moderate("/update actor name:\"White House\" kind:organisation");
        Moderate("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters source_date:2025-03-11");
        Moderate("/update statement people:\"White House\" date:2025-03-11 via:\"a joint statement after Jeddah\" stance:announces about:P2 text:\"Ukraine accepts a 30-day ceasefire; intelligence sharing resumes\" source:\"White House\" source_date:2025-03-11 confidence:confirmed");
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 13, 19, 0, 0, TimeSpan.Zero));
        Moderate("/update statement people:Putin date:2025-03-13 via:\"a press conference in Moscow\" stance:conditions about:\"US ceasefire proposal\" text:\"Supports a ceasefire in principle, with conditions\" source:Reuters source_date:2025-03-13");
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
        Moderate("/update statement people:Kremlin date:2025-03-14 via:\"a readout\" stance:denies text:\"Denies that Moscow rejected the ceasefire\" source:TASS source_date:2025-03-14");
    }

    public void Dispose() => _bot.Dispose();

    private string Moderate(string command) => TestBot.Text(_bot.Ask(command, TestBot.Moderator()));

    private string Ask(string command) => TestBot.Text(_bot.Ask(command));

    [Fact]
    public void In_a_past_view_a_proposals_statements_include_those_about_a_term_it_had_then_and_not_one_it_has_only_since()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 15, 9, 0, 0, TimeSpan.Zero));
        Moderate("/update statement people:Kremlin date:2025-03-15 via:\"a readout\" stance:rejects about:T2 text:\"Rejects the monitoring clause\" source:TASS");
        var statement = TestBot.Codes(_bot.Ask("/statements person:Kremlin"))[0];
        _bot.Time.SetUtcNow(new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains("Updated T2", Moderate("/update term id:T2 proposal:P2 source:Reuters reason:\"It is the US plan's clause\""));

        // T2 belonged to P1 until the 17th, and to P2 since.
        foreach (var view in new[] { "as_of:2025-03-16", "on:2025-03-16", "as_of:2025-03-16 on:2025-03-15" })
        {
            Assert.Contains(statement, TestBot.Codes(_bot.Ask($"/statements about:P1 {view}")));
            Assert.DoesNotContain(statement, TestBot.Codes(_bot.Ask($"/statements about:P2 {view}")));
        }
        Assert.Contains(statement, TestBot.Codes(_bot.Ask("/statements about:P2 on:2025-03-18")));
        Assert.DoesNotContain(statement, TestBot.Codes(_bot.Ask("/statements about:P1 on:2025-03-18")));
    }

    [Fact]
    public void Changes_and_briefings_name_what_each_statement_is_about_one_proposal_or_another()
    {
        Moderate("/update statement people:Kremlin date:2025-03-14 via:\"a readout\" stance:rejects about:P1 text:\"Rejects European troops in Ukraine\" source:TASS");
        var expected = new[]
        {
            "Supports a ceasefire in principle, with conditions — about the US ceasefire proposal (P2)",
            "Rejects European troops in Ukraine — about the Franco-British partial truce plan (P1)",
            "Ukraine accepts a 30-day ceasefire; intelligence sharing resumes — about the US ceasefire proposal (P2)",
        };
        foreach (var question in new[] { "/changes since:2025-03-10", "/briefing since:2025-03-10", "/briefing on:2025-03-14" })
        {
            var text = Ask(question);
            foreach (var line in expected) Assert.Contains(line, text);
        }
    }

    [Fact]
    public void A_moderator_records_a_one_sided_statement_with_its_stance_place_and_proposal()
    {
        var text = Ask("/statements person:Putin");
        Assert.StartsWith("Statements by Vladimir Putin", text);
        Assert.Contains("S2 Statement by Vladimir Putin, Thursday 13 March 2025, a press conference in Moscow (sets conditions): "
                        + "Supports a ceasefire in principle, with conditions — about the US ceasefire proposal (P2)", text);
        var line = _bot.Ask("/statements person:Putin").Sections[0].Lines[0].Provenance!;
        Assert.Equal("Reuters", line.Source.Outlet);
        Assert.Equal(Confidence.Reported, line.Confidence);
    }

    [Fact]
    public void Members_find_statements_by_person_proposal_stance_and_date_newest_first()
    {
        Assert.Equal(["S3", "S2", "S1"], TestBot.Codes(_bot.Ask("/statements")));
        Assert.Equal(["S2", "S1"], TestBot.Codes(_bot.Ask("/statements about:P2")));
        Assert.StartsWith("Statements about the US ceasefire proposal (P2)", Ask("/statements about:\"US ceasefire\""));
        Assert.Equal(["S3"], TestBot.Codes(_bot.Ask("/statements stance:denies")));
        Assert.Equal(["S2"], TestBot.Codes(_bot.Ask("/statements about:P2 stance:conditions")));
        Assert.Equal(["S3", "S2"], TestBot.Codes(_bot.Ask("/statements since:2025-03-12")));
        Assert.Contains("None recorded.", Ask("/statements person:Trump"));
        Assert.Contains("None recorded.", Ask("/statements stance:rejects"));
        Assert.Contains("“maybe” is not a stance I know", Ask("/statements stance:maybe"));
    }

    [Fact]
    public void Statements_are_not_contacts_and_old_statement_contacts_still_work()
    {
        Assert.DoesNotContain("S", string.Concat(TestBot.Codes(_bot.Ask("/contacts person:Putin"))));
        var refused = Moderate("/update contact kind:statement people:Putin date:2025-03-13 summary:\"Conditions\" source:Reuters");
        Assert.Contains("/update statement", refused);
        Assert.DoesNotContain("at least two people", refused);
        Assert.Contains("at least two people", Moderate("/update contact kind:call people:Putin date:2025-03-13 summary:\"x\" source:Reuters"));
        Assert.Contains("Recorded new contact C7", Moderate("/update contact kind:statement people:\"Putin, Trump\" date:2025-03-13 summary:\"Joint words\" source:Reuters"));
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/contacts kind:statement")));
    }

    [Fact]
    public void Statements_appear_in_search_terms_and_the_briefing()
    {
        Assert.Equal(["S2"], TestBot.Codes(_bot.Ask("/search ceasefire conditions")));
        Assert.Contains("S3", TestBot.Codes(_bot.Ask("/search Kremlin readout")));

        var terms = _bot.Ask("/terms proposal:P2");
        var statements = terms.Sections.Single(s => s.Heading == "Latest statements about it");
        Assert.Equal(["S2", "S1"], statements.Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.DoesNotContain(_bot.Ask("/terms proposal:P1").Sections, s => s.Heading == "Latest statements about it");

        var briefing = _bot.Ask("/briefing since:2025-03-11");
        Assert.Equal(["S1", "S2", "S3"], briefing.Sections.Single(s => s.Heading!.StartsWith("Statements — changed", StringComparison.Ordinal)).Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.Equal(["S3", "S2", "S1"], briefing.Sections.Single(s => s.Heading == "Statements in the last week").Lines.Select(l => l.Provenance!.Code.ToString()));
        Assert.DoesNotContain(new TestBot().Ask("/briefing").Sections, s => s.Heading == "Statements in the last week");
    }

    [Fact]
    public void A_retracted_statement_leaves_every_current_answer_and_stays_in_its_history()
    {
        Assert.Contains("Retracted S2", Moderate("/update retract id:S2 reason:\"Misquoted\""));
        Assert.Equal(["S3", "S1"], TestBot.Codes(_bot.Ask("/statements")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/statements person:Putin")));
        Assert.Empty(TestBot.Codes(_bot.Ask("/search ceasefire conditions")));
        Assert.Equal(["S1"], _bot.Ask("/terms proposal:P2").Sections.Single(s => s.Heading == "Latest statements about it").Lines.Select(l => l.Provenance!.Code.ToString()));
        var history = Ask("/history S2");
        Assert.Contains("History of S2 (retracted, 2 revisions)", history);
        Assert.Contains("Retracted by mo", history);
        Moderate("/update undo");
        Assert.Contains("Restored by undo", Ask("/history S2"));
        Assert.Equal(["S3", "S2", "S1"], TestBot.Codes(_bot.Ask("/statements")));
    }

    [Fact]
    public void A_moderator_changes_a_statement_and_its_links()
    {
        var changed = Moderate("/update statement id:S3 stance:none about:P1 reason:\"It was about the European plan\" source:TASS");
        Assert.Contains("Updated S3", changed);
        Assert.Contains("about the Franco-British partial truce plan (P1)", changed);
        Assert.Empty(TestBot.Codes(_bot.Ask("/statements stance:denies")));
        Assert.Equal(["S3"], TestBot.Codes(_bot.Ask("/statements about:P1")));
        Assert.Contains("not a proposal or term that stands", Moderate("/update statement id:S3 about:\"P9\" source:TASS"));
        Assert.Contains("needs people and text", Moderate("/update statement text:\"x\" source:TASS"));
        Moderate("/update statement id:S3 about:none source:TASS");
        Assert.Empty(TestBot.Codes(_bot.Ask("/statements about:P1")));
    }

    [Fact]
    public void A_contact_can_be_about_several_proposals_and_terms_lists_it()
    {
        var recorded = Moderate("/update contact kind:call people:\"Trump, Putin\" date:2025-03-18 summary:\"Agreed to stop strikes on energy\" about:\"P2, T3\" source:Reuters");
        Assert.Contains("about the US ceasefire proposal (P2) and the Energy infrastructure term (T3)", recorded);
        foreach (var proposal in new[] { "P1", "P2" })
        {
            var contacts = _bot.Ask($"/terms proposal:{proposal}").Sections.Single(s => s.Heading == "Latest contacts about it");
            Assert.Equal(["C7"], contacts.Lines.Select(l => l.Provenance!.Code.ToString()));
            Assert.Equal("Reuters", contacts.Lines[0].Provenance!.Source.Outlet);
        }
        Assert.Equal(1, _bot.Count("SELECT COUNT(*) FROM current_links WHERE target_id = (SELECT id FROM facts WHERE kind = 'term' AND number = 3)"));
    }

    [Fact]
    public void Export_and_import_keep_statements_and_their_links()
    {
        Moderate("/update retract id:S3 reason:\"Denied later\"");
        using var copy = _bot.CopyByExport();
        foreach (var question in new[] { "/statements", "/statements about:P2", "/statements person:Putin stance:conditions", "/terms proposal:P2", "/history S3" })
            Assert.Equal(Ask(question), TestBot.Text(copy.Ask(question)));
        Assert.Equal(["S2", "S1"], TestBot.Codes(copy.Ask("/statements")));
    }

    [Fact]
    public void A_new_speaker_marked_plus_is_added_with_the_statement_and_a_misspelt_one_is_refused()
    {
        var added = Moderate("/update statement people:\"+Dmitry Peskov\" date:2025-03-14 via:\"a briefing\" stance:conditions about:P2 text:\"There are many questions\" source:TASS");
        Assert.StartsWith("Recorded new statement S4.", added);
        Assert.Contains("Added Dmitry Peskov (person, also Peskov)", added);
        Assert.Equal(["S4"], TestBot.Codes(_bot.Ask("/statements person:Peskov")));
        Assert.Contains("did you mean", Moderate("/update statement people:Putn date:2025-03-14 text:\"x\" source:TASS"));
        var changed = Moderate("/update statement id:S3 people:\"Kremlin, +Yuri Ushakov\" source:TASS");
        Assert.StartsWith("Updated S3.", changed);
        Assert.Contains("Added Yuri Ushakov (person, also Ushakov)", changed);
        Assert.Equal(["S3"], TestBot.Codes(_bot.Ask("/statements person:Ushakov")));
    }
}
