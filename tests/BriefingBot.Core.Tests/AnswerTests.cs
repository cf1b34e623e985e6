using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>Every member command answered on the seed data of the 6 March 2025 report, as a team member would read it.</summary>
public class AnswerTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Terms_lists_the_plan_and_each_term_with_source_date_and_confidence()
    {
        var reply = _bot.Ask("/terms");
        Assert.Equal("Terms of the Franco-British partial truce plan (P1)", reply.Title);
        Assert.Equal(["P1", "T1", "T2", "T3", "T4", "T5", "T6", "T7"], TestBot.Codes(reply));
        var text = TestBot.Text(reply);
        Assert.Contains("sponsored by France and the United Kingdom", text);
        Assert.Contains("A partial truce lasting one month.", text);
        Assert.Contains("Ground combat is excluded", text);
        Assert.Contains("US participation", text);
        foreach (var line in reply.Sections.SelectMany(s => s.Lines).Where(l => l.Provenance is not null))
        {
            var cite = Phrases.Provenance(line.Provenance!, _bot.Time.GetUtcNow());
            Assert.StartsWith("Reuters, 6 March 2025 (4 days ago) · ", cite);
        }
        var t1 = reply.Sections.SelectMany(s => s.Lines).Single(l => l.Provenance?.Code.ToString() == "T1");
        Assert.Equal(Knowledge.Confidence.Unconfirmed, t1.Provenance!.Confidence);
    }

    [Fact]
    public void Terms_accepts_the_proposal_by_id_or_part_of_its_name()
    {
        Assert.Equal(TestBot.Codes(_bot.Ask("/terms")), TestBot.Codes(_bot.Ask("/terms proposal:P1")));
        Assert.Equal(TestBot.Codes(_bot.Ask("/terms")), TestBot.Codes(_bot.Ask("/terms proposal:\"franco-british\"")));
        Assert.Contains("No proposal called “Minsk”", _bot.Ask("/terms proposal:Minsk").Title);
    }

    [Fact]
    public void Contacts_finds_people_by_any_alias_ignoring_case()
    {
        var zelensky = _bot.Ask("/contacts person:zelensky");
        Assert.Equal("Contacts of Volodymyr Zelenskyy", zelensky.Title);
        Assert.Equal(["C5", "C3", "C1"], TestBot.Codes(zelensky));
        Assert.Equal(TestBot.Codes(zelensky), TestBot.Codes(_bot.Ask("/contacts person:ZELENSKYY")));
        var text = TestBot.Text(zelensky);
        Assert.Contains("Meeting between Donald Trump and Volodymyr Zelenskyy, Friday 28 February 2025, Oval Office, Washington (fractious)", text);
        Assert.Contains("the week of 3 March 2025", text);
    }

    [Fact]
    public void Contacts_filters_by_with_since_and_kind()
    {
        Assert.Equal(["C6", "C2"], TestBot.Codes(_bot.Ask("/contacts person:Macron with:Trump")));
        Assert.Equal(["C6", "C1"], TestBot.Codes(_bot.Ask("/contacts kind:meeting")));
        Assert.Equal("Meetings", _bot.Ask("/contacts kind:meeting").Title);
        Assert.Equal(["C6", "C5", "C4", "C3", "C2"], TestBot.Codes(_bot.Ask("/contacts since:2025-03-01")));
        Assert.Contains("Planned meeting between Emmanuel Macron, Keir Starmer and Donald Trump, date not set, Washington",
            TestBot.Text(_bot.Ask("/contacts person:Starmer")));
        Assert.Equal("None recorded.", _bot.Ask("/contacts person:Russia").Sections[0].Lines[0].Text);
    }

    [Fact]
    public void Aid_shows_the_suspension_of_US_military_aid()
    {
        var reply = _bot.Ask("/aid");
        Assert.Equal(["A1"], TestBot.Codes(reply));
        Assert.Contains("Military aid from the United States to Ukraine: suspended since the week of 3 March 2025.", TestBot.Text(reply));
        Assert.Equal(["A1"], TestBot.Codes(_bot.Ask("/aid donor:US recipient:Kyiv category:military")));
        Assert.Equal("Military aid from the United States to Ukraine", _bot.Ask("/aid donor:US recipient:Kyiv category:military").Title);
        Assert.Empty(TestBot.Codes(_bot.Ask("/aid category:humanitarian")));
    }

    [Fact]
    public void Search_finds_every_word_and_ignores_search_syntax()
    {
        Assert.Equal(["T3"], TestBot.Codes(_bot.Ask("/search truce energy")));
        Assert.Contains("C1", TestBot.Codes(_bot.Ask("/search query:\"Oval Office\"")));
        Assert.Contains("Nothing matches", TestBot.Text(_bot.Ask("/search zeppelin")));
        // FTS5 operators and quotes typed by a user are words, not syntax, and never an error.
        Assert.NotEqual(ReplyTone.Error, _bot.Ask("/search \"truce AND (NEAR\"").Tone);
        Assert.Equal(ReplyTone.Error, _bot.Ask("/search ***").Tone);
    }

    [Fact]
    public void Briefing_says_what_changed_and_what_stands()
    {
        var quiet = _bot.Ask("/briefing");
        Assert.Equal("Briefing of Monday 10 March 2025, 09:00 UTC", quiet.Title);
        Assert.Equal("Nothing changed.", quiet.Sections[0].Lines[0].Text);

        _bot.Time.Advance(TimeSpan.FromHours(2));
        _bot.Ask("/update aid donor:US recipient:Ukraine category:military status:resumed source:Reuters", TestBot.Moderator());
        _bot.Ask("/update term id:T1 text:\"Thirty days.\" source:AFP", TestBot.Moderator());
        var reply = _bot.Ask("/briefing");
        var changes = reply.Sections.Where(s => s.Heading!.Contains("changed since")).SelectMany(s => s.Lines).Select(l => l.Text).ToList();
        Assert.Contains(changes, c => c.StartsWith("Changed term: Duration: Thirty days.", StringComparison.Ordinal) && c.Contains("was “A partial truce lasting one month.”, now “Thirty days.”"));
        Assert.Contains(changes, c => c.StartsWith("Changed aid:", StringComparison.Ordinal) && c.Contains("was suspended, now resumed"));
        Assert.Contains(reply.Sections, s => s.Heading!.StartsWith("Where the Franco-British partial truce plan (P1) stands", StringComparison.Ordinal));
        Assert.Contains(reply.Sections, s => s.Heading == "Aid" && s.Lines.Any(l => l.Text.Contains("resumed")));

        var sinceReport = _bot.Ask("/briefing since:2025-03-01");
        // Issue 10: each fact once, netted: the seed's 15 facts, T1 and A1 new since then with their changes folded in.
        Assert.Equal(15, sinceReport.Sections.Where(s => s.Heading!.Contains("changed since")).Sum(s => s.Lines.Count));
    }

    [Fact]
    public void Changes_is_the_audit_log_with_who_when_and_why()
    {
        _bot.Time.Advance(TimeSpan.FromHours(3));
        _bot.Ask("/update retract id:C4 reason:\"no such call\"", TestBot.Moderator("mo"));
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        var text = TestBot.Text(_bot.Ask("/changes"));
        Assert.Contains("Retracted contact: Call between Keir Starmer and Donald Trump", text);
        Assert.Contains("no such call — by mo, 5 minutes ago", text);
        Assert.Contains("Nothing changed.", TestBot.Text(_bot.Ask("/changes since:today")) + TestBot.Text(_bot.Ask("/changes since:2030-01-01")));
        var all = _bot.Ask("/changes since:2025-03-01");
        Assert.Contains("by the seed data", TestBot.Text(all));
    }

    [Fact]
    public void History_lists_every_revision_oldest_first()
    {
        _bot.Ask("/update term id:T2 status:agreed source:AFP reason:\"both sides said yes\"", TestBot.Moderator("mo"));
        var reply = _bot.Ask("/history T2");
        Assert.Equal("History of T2 (current, 2 revisions)", reply.Title);
        Assert.StartsWith("1. Recorded by the seed data on 6 March 2025", reply.Sections[0].Lines[0].Text);
        Assert.StartsWith("2. Changed by mo on 10 March 2025 (both sides said yes): Scope: The truce covers attacks by air and by sea. (agreed)", reply.Sections[0].Lines[1].Text);
    }

    [Fact]
    public void Help_lists_member_commands_and_explains_one_in_full()
    {
        var help = TestBot.Text(_bot.Ask("/help"));
        foreach (var command in new[] { "/terms", "/contacts", "/aid", "/briefing", "/search", "/changes", "/history", "/help" })
            Assert.Contains(command, help);
        Assert.DoesNotContain("/update [", help);
        Assert.Contains("/update", TestBot.Text(_bot.Ask("/help", TestBot.Moderator())));
        var update = TestBot.Text(_bot.Ask("/help update"));
        Assert.Contains("/update retract id:… reason:…", update);
        Assert.Contains("confidence: How sure we are; reported if left out; one of confirmed, reported, unconfirmed", update);
    }

    [Fact]
    public void Old_facts_are_marked_possibly_out_of_date()
    {
        Assert.DoesNotContain("possibly out of date", Cites(_bot.Ask("/terms")));
        _bot.Time.Advance(TimeSpan.FromDays(20));
        Assert.Contains("possibly out of date", Cites(_bot.Ask("/terms")));
    }

    [Fact]
    public void Contacts_with_someone_of_one_kind_are_only_those()
    {
        var mo = TestBot.Moderator();
        _bot.Ask("/update contact kind:meeting people:\"Macron, Starmer\" date:2025-03-08 summary:\"Lancaster House\" source:AFP", mo);
        _bot.Ask("/update contact kind:call people:\"Macron, Starmer\" date:2025-03-09 summary:\"Phone call\" source:AFP", mo);
        _bot.Ask("/update contact kind:meeting people:\"Macron, Zelenskyy\" date:2025-03-09 summary:\"Paris talks\" source:AFP", mo);

        var text = TestBot.Text(_bot.Ask("/contacts person:Macron with:Starmer kind:meeting"));

        Assert.Contains("Lancaster House", text);
        Assert.DoesNotContain("Phone call", text);
        Assert.DoesNotContain("Paris talks", text);
        var other = TestBot.Text(_bot.Ask("/contacts person:Macron with:Zelenskyy kind:meeting"));
        Assert.Contains("Paris talks", other);
        Assert.DoesNotContain("Lancaster House", other);
    }

    [Fact]
    public void Long_lists_of_names_read_as_people_write_them()
    {
        _bot.Ask("/update contact kind:summit people:\"Macron, Starmer, Trump, Zelenskyy, Ukraine\" date:2025-03-09 summary:Talks source:AFP", TestBot.Moderator());
        Assert.Contains("Summit between Emmanuel Macron, Keir Starmer, Donald Trump and 2 others, Sunday 9 March 2025",
            TestBot.Text(_bot.Ask("/contacts kind:summit")));
    }

    [Fact]
    public void Answers_say_how_many_more_there_are_when_a_list_is_cut()
    {
        using var bot = new TestBot(maxLines: 3);
        var reply = bot.Ask("/contacts");
        Assert.Equal(3, TestBot.Codes(reply).Count);
        Assert.Contains("Only the 3 most recent are shown", reply.Sections[0].More);
    }

    private string Cites(Reply reply) => string.Join('\n', reply.Sections.SelectMany(s => s.Lines)
        .Where(l => l.Provenance is not null).Select(l => Phrases.Provenance(l.Provenance!, _bot.Time.GetUtcNow())));
}

public class ContactPictureTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Contacts_with_graph_true_attach_a_picture_of_who_spoke_to_whom()
    {
        var reply = _bot.Ask("/contacts graph:true");
        var png = Assert.Single(reply.Attachments);
        Assert.Equal("contacts.png", png.FileName);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png.Content);
        Assert.Equal(Briefing.ContactGraph.Width, bitmap.Width);
        Assert.Equal(Briefing.ContactGraph.Height, bitmap.Height);
        // Something was drawn in the colour of calls (C2–C5) and of meetings (C1).
        var colours = new HashSet<SkiaSharp.SKColor>();
        for (var x = 0; x < bitmap.Width; x += 2)
            for (var y = 60; y < bitmap.Height; y += 2)
                colours.Add(bitmap.GetPixel(x, y));
        Assert.Contains(colours, c => c.Blue > 150 && c.Red < 80);
        Assert.Contains(colours, c => c.Red > 180 && c.Green < 80 && c.Blue < 80);
        if (Environment.GetEnvironmentVariable("BRIEFINGBOT_KEEP_PNG") is { Length: > 0 } keep) File.WriteAllBytes(keep, png.Content);

        // Issue 10: the picture draws what the options select, so a month later the same contacts are still drawn.
        _bot.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(png.Content, Assert.Single(_bot.Ask("/contacts graph:true").Attachments).Content);
    }
}
