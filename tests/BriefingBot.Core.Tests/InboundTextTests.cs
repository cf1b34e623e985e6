using BriefingBot.Commands;
using BriefingBot.Replies;

namespace BriefingBot.Core.Tests;

/// <summary>Text from any door is made safe once, where it enters the core; nothing typed reaches an internal error.</summary>
public class InboundTextTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("Macron", "Macron")]
    [InlineData("a\uFFFEb", "a\uFFFDb")]
    [InlineData("a\uFFFFb\uFDD0", "a\uFFFDb\uFFFD")]
    [InlineData("x\U0001FFFEy", "x\uFFFDy")]
    [InlineData("Zelenskyy 🇺🇦 e\u0301", "Zelenskyy 🇺🇦 e\u0301")]
    [InlineData("\u001B[31mred\u001B[0m", "red")]
    [InlineData("\u001B[2J\u001B[Hclear", "clear")]
    [InlineData("\u001B]0;title\u0007after", "after")]
    [InlineData("\u001B]8;;http://evil\u001B\\link\u001B]8;;\u001B\\", "link")]
    [InlineData("\u001BPq#0\u001B\\dcs", "dcs")]
    [InlineData("\u001B(Bcharset \u001B7saved", "charset saved")]
    [InlineData("\u009B31mcsi\u0085next", "csi next")]
    [InlineData("a\u0000b\u0007c\u007Fd\u0080e\u0099f", "abcdef")]
    [InlineData("\u202Eevil\u202C \u2066iso\u2069 \uFEFFbom", "evil iso bom")]
    [InlineData("one\r\ntwo\tthree\u2028four", "one two three four")]
    [InlineData("trailing \u001B", "trailing ")]
    [InlineData("\u001B]unterminated", "")]
    public void A_line_keeps_what_people_wrote_and_loses_what_would_break_or_fool_a_screen(string raw, string expected) =>
        Assert.Equal(expected, InboundText.SingleLine(raw));

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        // Not theory data: xunit's discovery would mangle lone surrogates before the test saw them.
        Assert.Equal("a\uFFFDb", InboundText.SingleLine("a\uD800b"));
        Assert.Equal("\uFFFD\uFFFD", InboundText.SingleLine("\uDC00\uD800"));
        Assert.Equal("end\uFFFD", InboundText.MultiLine("end\uDBFF"));
    }

    [Fact]
    public void Values_keep_their_line_breaks_as_one_kind_and_clean_text_is_returned_as_is()
    {
        Assert.Equal("one\ntwo\nthree\nfour five", InboundText.MultiLine("one\r\ntwo\rthree\u2029four\tfive"));
        const string clean = "A “partial” truce: 30 days\nno air strikes";
        Assert.Same(clean, InboundText.MultiLine(clean));
        Assert.Equal("", InboundText.SingleLine(null));
        Assert.Equal("a\uFFFD\u001B", InboundText.ReplaceInvalid("a\uD800\u001B"));
    }

    [Fact]
    public void An_invocation_and_its_caller_hold_only_clean_text_however_they_are_made()
    {
        var caller = new Caller("discord", "1\u0000", "\u202Emallory\u001B[1m", Role.Member);
        Assert.Equal("mallory", caller.DisplayName);
        Assert.Equal("1", caller.UserId);
        var invocation = new Invocation(["cont\u0007acts"], new Dictionary<string, string> { ["per\u0000son"] = "Mac\uFFFEron\r\nx" }, caller, "c\u00001",
            TestBot.Start);
        Assert.Equal(["contacts"], invocation.Path);
        Assert.Equal("Mac\uFFFDron\nx", invocation.Options["person"]);
        Assert.Equal("c1", invocation.ChannelId);
        var changed = invocation with { Path = ["\u001B[31mterms"] };
        Assert.Equal(["terms"], changed.Path);
    }

    [Fact]
    public void A_name_with_an_invalid_code_point_gets_a_polite_answer()
    {
        string[] commands =
        [
            "/contacts person:\uFFFE", "/contacts person:\"Mac\uD800ron\"", "/aid donor:\uDC00", "/update actor name:\uFFFE kind:person",
            "/update contact kind:call people:\"Macron, \uD800\" date:today source:AFP", "/update proposal name:Plan sponsors:\uFFFF,\uFFFE source:AFP",
        ];
        foreach (var command in commands)
        {
            var text = TestBot.Text(_bot.Ask(command, TestBot.Moderator()));
            Assert.DoesNotContain("Something went wrong", text);
            Assert.False(HasLoneSurrogate(text) || text.Contains('\uFFFE'), text);
        }
    }

    [Fact]
    public void Autocomplete_and_lookups_never_throw_on_invalid_code_points()
    {
        var person = CommandCatalogue.Find(["contacts"])!.Option("person")!;
        Assert.Empty(_bot.Get<Autocompleter>().Suggest(person, "\uFFFE\uD800"));
        var people = CommandCatalogue.Find(["update", "contact"])!.Option("people")!;
        Assert.NotNull(_bot.Get<Autocompleter>().Suggest(people, "Macron, \uDC00"));
        Assert.Null(_bot.Get<Knowledge.ActorDirectory>().Find("Mac\uD800ron\uFFFE"));
    }

    [Fact]
    public void An_unknown_command_is_echoed_without_its_escape_sequences_or_controls()
    {
        var reply = _bot.Ask("/\u001B[2J\u001B]0;owned\u0007bo\u202Egus\u0000");
        Assert.Equal("There is no /bogus command. /help lists them all.", reply.Title);
    }

    [Theory]
    [InlineData("/contacts person:\"Macron", "A quote is not closed; put a \" at the end of the value.")]
    [InlineData("/contacts person:“Macron", "A quote is not closed; put a \" at the end of the value.")]
    [InlineData("/terms :::: ::", "I don't know what “:::: ::” means here. Name each option, like this: /terms [proposal] [as_of] [on] [page]")]
    [InlineData("/:", "There is no /: command. /help lists them all.")]
    [InlineData("/", "Type a command such as /terms, or /help to see them all.")]
    [InlineData("/ \u0000 \u001B", "Type a command such as /terms, or /help to see them all.")]
    [InlineData("/terms proposal:", "Give a value for proposal, or leave it out.")]
    [InlineData("\"", "A quote is not closed; put a \" at the end of the value.")]
    public void Hostile_text_gets_a_clear_answer_from_the_parser(string command, string expected)
    {
        var reply = _bot.Ask(command);
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal(expected, reply.Title);
    }

    [Fact]
    public void Long_echoes_are_clipped_and_never_split_an_emoji()
    {
        var reply = _bot.Ask("/" + string.Concat(Enumerable.Repeat("🇺🇦", 30)));
        Assert.StartsWith("There is no /🇺🇦", reply.Title);
        Assert.False(HasLoneSurrogate(reply.Title), reply.Title);
        var twice = _bot.Ask($"/aid {new string('d', 1500)}:1 {new string('d', 1500)}:2");
        Assert.True(twice.Title.Length < 200, twice.Title);
        Assert.False(HasLoneSurrogate(Phrases.Clip("ab😀cd", 4)));
    }

    private static bool HasLoneSurrogate(string text) => InboundText.ReplaceInvalid(text) != text;
}
