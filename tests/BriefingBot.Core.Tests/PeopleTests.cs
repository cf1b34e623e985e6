using BriefingBot.Knowledge;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Who people are, people added in the same breath as a fact, and places: a moderator records the Jeddah talks of
/// March 2025 as they were reported, and members ask about them.
/// </summary>
public sealed class PeopleTests : IDisposable
{
    private readonly TestBot _bot = new();
    private readonly Commands.Caller _mo = TestBot.Moderator();

    public void Dispose() => _bot.Dispose();

    private string Ask(string text) => TestBot.Text(_bot.Ask(text));
    private string Mod(string text) => TestBot.Text(_bot.Ask(text, _mo));

    /// <summary>Rubio and Yermak with their roles, then the Jeddah meeting with Mike Waltz added in the same update.</summary>
    private void RecordJeddah()
    {
        Assert.StartsWith("Recorded new role R1.", Mod(
            "/update role source:\"State Department\" person:\"+Marco Rubio\" represents:\"United States\" role:\"Secretary of State\" since:2025-01-21"));
        Mod("/update role source:Reuters person:\"+Andriy Yermak\" represents:Ukraine role:\"Head of the Presidential Office\" since:2020-02-11");
        _bot.Time.Advance(TimeSpan.FromDays(1));
        var meeting = Mod("/update contact source:Reuters kind:meeting people:\"Marco Rubio, Andriy Yermak, +Mike Waltz\" date:2025-03-11 " +
                          "place:\"Jeddah, Saudi Arabia\" summary:\"Ukraine accepts a 30-day ceasefire proposal\"");
        Assert.StartsWith("Recorded new contact C7.", meeting);
        Assert.Contains("Added Mike Waltz (person, also Waltz) to the people the bot knows.", meeting);
    }

    [Fact]
    public void New_people_are_added_with_the_fact_and_the_answer_says_who_and_as_what()
    {
        var answer = Mod("/update role source:\"State Department\" person:\"+Marco Rubio\" represents:\"+European External Action Service\" " +
                         "role:\"Guest\"");
        Assert.Contains("Added Marco Rubio (person, also Rubio) and European External Action Service (organisation)", answer);
        Assert.Contains("Who represents European External Action Service", Ask("/who \"European External Action Service\""));
        Assert.Contains("Marco Rubio: a person, also called Rubio.", Ask("/who Rubio"));
        // What someone represents is an organisation unless it says it is a state; whoever holds a role is a person.
        Assert.Contains("Added Mohammed bin Salman (person, also Salman) and Saudi Arabia (state)", Mod("/update role source:Reuters person:\"+Mohammed bin Salman\" represents:\"+Saudi Arabia (state)\" role:\"Crown Prince\""));
    }

    [Fact]
    public void A_state_s_contacts_include_those_of_the_people_who_represent_it_and_say_so()
    {
        RecordJeddah();
        var reply = _bot.Ask("/contacts person:Ukraine");
        var text = TestBot.Text(reply);
        Assert.Contains("Including contacts of people who represent Ukraine now: Andriy Yermak.", text);
        Assert.Contains("C7 Meeting between Marco Rubio, Andriy Yermak and Mike Waltz, Tuesday 11 March 2025, Jeddah, Saudi Arabia", text);
        // The United States' own contacts are there too, and Rubio's: one list, newest first, each contact once.
        var us = TestBot.Codes(_bot.Ask("/contacts person:US"));
        Assert.Equal("C7", us[0]);
        Assert.Equal(us.Count, us.Distinct().Count());
        Assert.DoesNotContain("Including", Ask("/contacts person:Rubio"));
    }

    [Fact]
    public void A_state_s_statements_include_those_of_the_people_who_represent_it_and_say_so()
    {
        RecordJeddah();
        Mod("/update proposal name:\"US ceasefire proposal\" status:proposed sponsors:\"United States\" source:Reuters");
        Mod("/update statement source:Reuters people:Yermak date:2025-03-11 via:\"a post\" stance:supports about:P2 text:\"Ukraine is ready for peace\"");
        Mod("/update statement source:Reuters people:Ukraine date:2025-03-12 via:\"a statement\" stance:announces text:\"The foreign ministry thanks Saudi Arabia\"");
        Mod("/update statement source:Reuters people:Rubio date:2025-03-12 text:\"The ball is in Russia's court\"");

        var reply = _bot.Ask("/statements person:Ukraine");
        Assert.Equal(["S2", "S1"], TestBot.Codes(reply));
        Assert.Contains("Including statements of people who represent Ukraine now: Andriy Yermak.", TestBot.Text(reply));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/statements person:Ukraine about:P2")));
        Assert.Equal(["S1"], TestBot.Codes(_bot.Ask("/statements person:Ukraine stance:supports")));
        Assert.Equal(["S3"], TestBot.Codes(_bot.Ask("/statements person:US")));
        Assert.DoesNotContain("Including", Ask("/statements person:Yermak"));
        Assert.Contains("/statements person:\"Ukraine\"", _bot.Ask("/who Ukraine").Footer);

        // When he no longer represents Ukraine, Ukraine's statements no longer take in his.
        Mod("/update role source:Reuters person:Yermak represents:Ukraine until:2025-11-28");
        Assert.Equal(["S2"], TestBot.Codes(_bot.Ask("/statements person:Ukraine")));
    }

    [Fact]
    public void Who_someone_is_cites_the_source_and_a_state_lists_its_people()
    {
        RecordJeddah();
        var who = _bot.Ask("/who Rubio", TestBot.Member());
        Assert.Equal("Who Marco Rubio is", who.Title);
        var line = who.Sections.SelectMany(s => s.Lines).Single(l => l.Provenance is not null);
        Assert.Equal("Marco Rubio represents the United States as Secretary of State since Tuesday 21 January 2025", line.Text);
        Assert.Equal("State Department", line.Provenance!.Source.Outlet);
        Assert.Equal(Confidence.Reported, line.Provenance.Confidence);

        var ukraine = Ask("/who Ukraine");
        Assert.Contains("Who represents Ukraine", ukraine);
        Assert.Contains("R2 Andriy Yermak represents Ukraine as Head of the Presidential Office since Tuesday 11 February 2020", ukraine);
    }

    [Fact]
    public void A_role_that_changes_keeps_the_old_one_in_history_and_as_of()
    {
        RecordJeddah();
        _bot.Time.Advance(TimeSpan.FromDays(60));
        var changed = Mod("/update role source:Reuters person:Rubio represents:US role:\"Secretary of State and National Security Adviser\" since:2025-05-01");
        Assert.StartsWith("Updated R1.", changed);
        // Issue 10: every part that changed is said, the start date too.
        Assert.Contains("Was Secretary of State, now Secretary of State and National Security Adviser; since: was Tuesday 21 January 2025, now Thursday 1 May 2025.", changed);

        Assert.Contains("as Secretary of State and National Security Adviser since Thursday 1 May 2025", Ask("/who Rubio"));
        var before = Ask("/who Rubio as_of:2025-03-12");
        Assert.Contains("R1 Marco Rubio represents the United States as Secretary of State since Tuesday 21 January 2025", before);
        Assert.DoesNotContain("National Security", before);
        var history = Ask("/history R1");
        Assert.Contains("1. Recorded by mo", history);
        Assert.Contains("2. Changed by mo", history);

        // A role that ends: he no longer represents Ukraine, so Ukraine's contacts no longer take in his.
        Assert.Contains("Ended Friday 28 November 2025.", Mod("/update role source:Reuters person:Yermak represents:Ukraine until:2025-11-28"));
        Assert.Contains("Before", Ask("/who Yermak"));
        Assert.Contains("No one recorded.", Ask("/who Ukraine"));
        Assert.DoesNotContain("C7", TestBot.Codes(_bot.Ask("/contacts person:Ukraine")));
    }

    [Fact]
    public void Contacts_are_found_by_place_ignoring_case_and_accents()
    {
        RecordJeddah();
        Mod("/update contact source:AFP kind:meeting people:\"Macron, Starmer\" date:2025-03-12 place:\"Genève\" summary:\"Talks\"");
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/contacts place:jeddah")));
        Assert.Equal(["C7"], TestBot.Codes(_bot.Ask("/contacts place:JEDDAH person:Yermak")));
        Assert.Equal(["C8"], TestBot.Codes(_bot.Ask("/contacts place:geneve")));
        Assert.Equal("Contacts in Jeddah", _bot.Ask("/contacts place:Jeddah").Title);
        Assert.Contains("None recorded.", Ask("/contacts place:Riyadh"));
    }

    [Fact]
    public void Search_matches_what_the_words_say_not_a_capital_standing_for_its_state()
    {
        RecordJeddah();
        // Only the two meetings whose place is Washington; not every fact that names the United States.
        Assert.Equal(["C1", "C6"], TestBot.Codes(_bot.Ask("/search Washington")).Order());
        Assert.Contains("A1", TestBot.Codes(_bot.Ask("/search \"United States\"")));
        Assert.Contains("R1", TestBot.Codes(_bot.Ask("/search Rubio")));
        Assert.Contains("C7", TestBot.Codes(_bot.Ask("/search Jeddah")));
        // A capital still names its state where a state is asked for.
        Assert.Equal("Military aid from the United States to Ukraine", _bot.Ask("/aid donor:Washington recipient:Kyiv category:military").Title);
    }

    [Fact]
    public void A_misspelt_name_not_marked_new_gets_did_you_mean_and_changes_nothing()
    {
        RecordJeddah();
        var revisions = _bot.Count("SELECT COUNT(*) FROM revisions");
        var actors = _bot.Count("SELECT COUNT(*) FROM actors");
        var answer = _bot.Ask("/update contact source:Reuters kind:call people:\"Marco Rubio, Mike Walz\" date:2025-03-13 summary:\"Call\"", _mo);
        Assert.StartsWith("No one called “Mike Walz” — did you mean Mike Waltz? ", answer.Title);
        Assert.Contains("+Mike Walz for a person", answer.Title);
        Assert.Equal(revisions, _bot.Count("SELECT COUNT(*) FROM revisions"));
        Assert.Equal(actors, _bot.Count("SELECT COUNT(*) FROM actors"));
        // Marking a known name new is harmless: it is that person, and nobody is added.
        Assert.DoesNotContain("Added", Mod("/update contact source:Reuters kind:call people:\"+Marco Rubio, Yermak\" date:2025-03-13 summary:\"Call\""));
        Assert.Equal(actors, _bot.Count("SELECT COUNT(*) FROM actors"));
        Assert.Contains("is not a kind of actor", Mod("/update contact source:Reuters kind:call people:\"Rubio, +Kaja Kallas (commissioner)\" date:2025-03-13 summary:\"x\""));
    }

    [Fact]
    public void Undo_and_retract_say_the_people_added_with_a_fact_stay_known()
    {
        RecordJeddah();
        var undo = Mod("/update undo");
        Assert.Contains("Mike Waltz (person) came with it and stays known: people are not facts, so undo and retract keep them.", undo);
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        Mod("/update contact source:Reuters kind:call people:\"Rubio, +Kaja Kallas\" date:2025-03-13 summary:\"Call\"");
        Assert.Contains("\nKaja Kallas (person) came with it", Mod("/update retract id:C8 reason:\"no such call\""));
        Assert.DoesNotContain("came with it", Mod("/update retract id:C1 reason:test"));
    }

    [Fact]
    public void A_failed_fact_leaves_no_actor_it_would_have_added()
    {
        var log = _bot.Get<FactLog>();
        var actors = _bot.Count("SELECT COUNT(*) FROM actors");
        Assert.Throws<InvalidOperationException>(() => log.Record([new NewActor("Kaja Kallas", ActorKind.Person)],
            _ => throw new InvalidOperationException("the fact could not be built"), null,
            new Provenance(new SourceRef("Reuters"), Confidence.Reported), new ChangeAuthor("test", "mo", "mo"), null));
        Assert.Equal(actors, _bot.Count("SELECT COUNT(*) FROM actors"));
        Assert.Null(_bot.Get<ActorDirectory>().Find("Kaja Kallas"));
        Assert.StartsWith("No one called “Kaja Kallas”", Ask("/contacts person:\"Kaja Kallas\""));
    }

    [Fact]
    public void People_added_in_the_same_breath_are_known_to_another_process_at_once()
    {
        using var script = new TestBot(folder: _bot.Folder, time: _bot.Time);
        Assert.StartsWith("No one called", Ask("/who Waltz"));
        script.Ask("/update contact source:Reuters kind:call people:\"Trump, +Mike Waltz\" date:2025-03-11 summary:\"Briefing\"", _mo);
        Assert.Contains("Mike Waltz: a person, also called Waltz.", Ask("/who Waltz"));
        Assert.Contains("Briefing", Ask("/contacts person:Waltz"));
    }

    [Fact]
    public void A_person_or_a_state_in_the_wrong_place_is_refused()
    {
        Assert.Equal("Ukraine is a state; a role is held by a person.",
            _bot.Ask("/update role source:Reuters person:Ukraine represents:US role:Ally", _mo).Title);
        Assert.Equal("Donald Trump is a person; a person represents a state or organisation.",
            _bot.Ask("/update role source:Reuters person:Macron represents:Trump role:Friend", _mo).Title);
        Assert.StartsWith("A new role needs person, represents and role", _bot.Ask("/update role source:Reuters person:Macron", _mo).Title);
    }

    [Fact]
    public void Export_and_import_keep_roles_created_people_and_place_aliases()
    {
        RecordJeddah();
        using var stream = new MemoryStream();
        _bot.Get<KnowledgeTransfer>().WriteExport(stream);
        stream.Position = 0;
        using var copy = new TestBot(seed: false, time: _bot.Time);
        copy.Get<KnowledgeTransfer>().Import(stream);
        foreach (var question in new[] { "/who Rubio", "/who Ukraine", "/contacts person:Ukraine", "/search Washington", "/contacts place:Jeddah", "/who Waltz" })
            Assert.Equal(Ask(question), TestBot.Text(copy.Ask(question)));
        Assert.Equal(["Washington"], copy.Get<ActorDirectory>().Find("US")!.Places);
    }
}
