using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>Bad input of every kind gets a clear one-line answer that says how to do it right, and changes nothing.</summary>
public class ErrorTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("/term", "There is no /term command. Did you mean /terms? /help lists them all.")]
    [InlineData("/zzzzzz", "There is no /zzzzzz command. /help lists them all.")]
    [InlineData("/terms colour:red", "/terms has no option “colour”. Its options are proposal, as_of, on and page.")]
    [InlineData("/search", "/search needs query or source. Usage: /search [query] [source] [alone] [as_of] [on] [page]")]
    [InlineData("/history", "/history needs id. Usage: /history id:…")]
    [InlineData("/terms as_of:soon", "“soon” is not a date I understand for as_of. Dates can be a day (2025-03-11, 11 March 2025, 11 Mar, today, yesterday or “3 days ago”), a week (2025-W11), a month (March 2025 or 2025-03) or a range of days (2025-03-23..2025-03-25).")]
    [InlineData("/terms as_of:2025-02-30", "“2025-02-30” is not a date I understand for as_of. Dates can be a day (2025-03-11, 11 March 2025, 11 Mar, today, yesterday or “3 days ago”), a week (2025-W11), a month (March 2025 or 2025-03) or a range of days (2025-03-23..2025-03-25).")]
    [InlineData("/contacts kind:chat", "“chat” is not a kind I know. Choose call, meeting, summit, letter or statement.")]
    [InlineData("/contacts person:Nobody", "No one called “Nobody”. A moderator can add them with /update actor, or as +Nobody in the /update contact, statement or role that names them.")]
    [InlineData("/contacts person:Zelenksy", "No one called “Zelenksy” — did you mean Volodymyr Zelenskyy?")]
    [InlineData("/history T99", "There is no T99. /search finds facts by their words.")]
    [InlineData("/history X1", "“X1” is not a fact id. Ids look like P1, T4, C12 or A2; /search finds them.")]
    [InlineData("/terms proposal:\"unclosed", "A quote is not closed; put a \" at the end of the value.")]
    [InlineData("/contacts Macron", "I don't know what “Macron” means here. Name each option, like this: /contacts [person] [with] [since] [kind] [graph] [place] [as_of] [on] [page]")]
    [InlineData("/aid donor:US donor:France", "The option donor is given twice; give it once.")]
    [InlineData("/update", "/update needs one of proposal, term, contact, statement, aid, role, actor, retract or undo, for example /update undo.")]
    [InlineData("/contacts since:", "Give a value for since, or leave it out.")]
    [InlineData("", "Type a command such as /terms, or /help to see them all.")]
    public void A_wrong_command_gets_a_one_line_answer_that_says_how_to_do_it_right(string command, string expected)
    {
        var reply = _bot.Ask(command, TestBot.Moderator());
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal(Visibility.OnlyAsker, reply.Visibility);
        Assert.Equal(expected, reply.Title);
        Assert.Empty(reply.Sections);
    }

    [Fact]
    public void Text_over_the_limit_is_refused_with_its_length()
    {
        var text = new string('x', 1001);
        var reply = _bot.Ask($"/update term id:T1 text:{text} source:Reuters", TestBot.Moderator());
        Assert.Equal("text is 1,001 characters long; the limit is 1,000. Shorten it and try again.", reply.Title);
        var huge = _bot.Ask("/search " + new string('y', 5000));
        Assert.Equal("That command is 5,008 characters long; the limit is 4,000.", huge.Title);
    }

    [Fact]
    public void A_member_cannot_change_anything()
    {
        var before = _bot.Count("SELECT COUNT(*) FROM revisions");
        foreach (var command in new[]
                 {
                     "/update term id:T1 text:Nothing source:Reuters", "/update retract id:T1 reason:no", "/update undo",
                     "/update actor name:Someone kind:person",
                 })
        {
            var reply = _bot.Ask(command, TestBot.Member());
            Assert.Equal(ReplyTone.Error, reply.Tone);
            Assert.StartsWith("Only moderators can use /update", reply.Title);
        }
        Assert.Equal(before, _bot.Count("SELECT COUNT(*) FROM revisions"));
        Assert.Equal(10, _bot.Count("SELECT COUNT(*) FROM actors"));
    }

    [Fact]
    public void Someone_whose_door_withheld_the_moderator_role_is_told_why_and_changes_nothing()
    {
        var before = _bot.Count("SELECT COUNT(*) FROM revisions");
        var caller = TestBot.Member() with { ModeratorWithheld = "Moderator commands are off here because of how the bot is set up." };
        var reply = _bot.Ask("/update retract id:T1 reason:no", caller);
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal(Visibility.OnlyAsker, reply.Visibility);
        Assert.Equal("Only moderators can use /update retract; nothing was changed.", reply.Title);
        Assert.Equal("Moderator commands are off here because of how the bot is set up.", Assert.Single(reply.Sections.SelectMany(s => s.Lines)).Text);
        Assert.Equal(before, _bot.Count("SELECT COUNT(*) FROM revisions"));
        // Members' questions are answered as ever.
        Assert.NotEqual(ReplyTone.Error, _bot.Ask("/terms", caller).Tone);
    }

    [Theory]
    [InlineData("/update term id:C1 text:x source:Reuters", "There is no term C1; /terms lists them with their ids.")]
    [InlineData("/update term text:x source:Reuters", "A new term needs topic and text, for example /update term source:Reuters topic:Duration text:\"One month\".")]
    [InlineData("/update term id:T1 text:x", "/update term needs source. Usage: /update term source:… [id] [proposal] [topic] [text] [status] [source_url] [source_date] [confidence] [reason] [effective]")]
    [InlineData("/update contact kind:call people:Macron summary:x date:today source:AFP", "A contact needs at least two people: people:\"Macron, Trump\".")]
    [InlineData("/update contact kind:call people:\"Macron, Trump\" summary:x source:AFP", "Give the contact's date (date:2025-03-04), or planned:true if it has not happened yet.")]
    [InlineData("/update contact id:C1 planned:maybe source:AFP", "planned must be true or false.")]
    [InlineData("/update aid donor:France recipient:Ukraine source:AFP", "A new aid stream needs donor, recipient, category and status, for example /update aid source:Reuters donor:\"United States\" recipient:Ukraine category:military status:resumed.")]
    [InlineData("/update retract id:A9 reason:wrong", "There is no A9. Ids look like P1, T4, C12 or A2; /search finds them.")]
    [InlineData("/update actor name:Trump kind:person", "'Trump' already names Donald Trump.")]
    [InlineData("/update undo", "You have no change left to undo.")]
    [InlineData("/update proposal source:AFP name:Plan", "A new proposal needs name and sponsors, for example /update proposal source:Reuters name:\"Ceasefire plan\" sponsors:\"France, United Kingdom\".")]
    public void A_wrong_update_is_refused_and_changes_nothing(string command, string expected)
    {
        var before = _bot.Count("SELECT COUNT(*) FROM revisions");
        var reply = _bot.Ask(command, TestBot.Moderator());
        Assert.Equal(expected, reply.Title);
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal(before, _bot.Count("SELECT COUNT(*) FROM revisions"));
    }

    [Fact]
    public void Control_characters_are_dropped_and_nothing_crashes_on_odd_input()
    {
        var inputs = new[]
        {
            "/", "//", "/terms \"", "/ terms", "/search \u0000\u0001", "/contacts person:\"\"", "/terms as_of:99999-01-01",
            "/update term id:T0 text:x source:y", "/history T2147483648", "/contacts since:100000 days ago", "/help 💥",
            "/update contact id:C1 date:2025-03-04 precision:fortnight source:AFP",
        };
        foreach (var input in inputs)
        {
            var reply = _bot.Ask(input, TestBot.Moderator());
            Assert.False(string.IsNullOrWhiteSpace(reply.Title), input);
            Assert.DoesNotContain("Something went wrong", reply.Title);
        }
    }
}
