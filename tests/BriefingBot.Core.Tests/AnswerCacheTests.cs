using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Core.Tests;

/// <summary>
/// Members' reads are composed once per version of the knowledge and day, and never answered from before a write:
/// this process's own, an undo, a new person, another store on the same file, or the day turning over.
/// </summary>
public sealed class AnswerCacheTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private Reply Mod(string text) => _bot.Ask(text, TestBot.Moderator());

    [Fact]
    public void An_answer_asked_again_is_the_one_already_composed_until_a_term_changes()
    {
        var first = _bot.Ask("/terms");
        Assert.Same(first, _bot.Ask("/terms"));
        Assert.Same(first, _bot.Ask("/terms", TestBot.Member("bob")));

        Assert.StartsWith("Updated T1.", Mod("/update term id:T1 text:\"Thirty days.\" source:AFP").Title);

        var after = TestBot.Text(_bot.Ask("/terms"));
        Assert.Contains("T1 Duration: Thirty days.", after);
        Assert.DoesNotContain("A partial truce lasting one month.", after);
    }

    [Fact]
    public void An_undo_is_seen_at_once()
    {
        Mod("/update term id:T1 text:\"Thirty days.\" source:AFP");
        Assert.Contains("Thirty days.", TestBot.Text(_bot.Ask("/terms")));
        Assert.Contains("Thirty days.", TestBot.Text(_bot.Ask("/history T1")));

        Mod("/update undo");

        Assert.Contains("T1 Duration: A partial truce lasting one month.", TestBot.Text(_bot.Ask("/terms")));
        Assert.Contains("Restored by undo", TestBot.Text(_bot.Ask("/history T1")));
    }

    [Fact]
    public void A_person_added_is_found_by_the_next_question()
    {
        var before = _bot.Ask("/statements");
        Assert.Same(before, _bot.Ask("/statements"));
        Assert.Equal("No one called “Kallas”. A moderator can add them with /update actor, or as +Kallas in the /update contact, statement or role that names them.", _bot.Ask("/contacts person:Kallas").Title);

        Mod("/update statement people:\"+Kaja Kallas\" date:2025-03-09 text:\"Europe stands with Ukraine\" source:Reuters");

        var statements = TestBot.Text(_bot.Ask("/statements"));
        Assert.Contains("Statement by Kaja Kallas, Sunday 9 March 2025: Europe stands with Ukraine", statements);
        Assert.DoesNotContain("actor ", statements);
        Assert.Equal("Contacts of Kaja Kallas", _bot.Ask("/contacts person:Kallas").Title);
        Assert.Equal("Who Kaja Kallas is", _bot.Ask("/who Kallas").Title);
    }

    [Fact]
    public void A_write_through_another_store_on_the_same_file_is_seen()
    {
        var before = _bot.Ask("/aid");
        Assert.Same(before, _bot.Ask("/aid"));
        // A second core on the same file: its own connections, its own data-version watch, as another process has.
        using var other = new TestBot(seed: false, folder: _bot.Folder);

        other.Ask("/update aid donor:US recipient:Ukraine category:military status:resumed source:Reuters", TestBot.Moderator());

        var after = TestBot.Text(_bot.Ask("/aid"));
        Assert.Contains("resumed", after);
        Assert.NotEqual(TestBot.Text(before), after);
    }

    [Fact]
    public void The_day_turning_over_recounts_what_is_out_of_date()
    {
        // The seed cites Reuters of 6 March 2025; a source is out of date once it is more than 14 days old.
        _bot.Time.Advance(TimeSpan.FromDays(10)); // 20 March, 09:00
        var lastFreshDay = _bot.Ask("/terms");
        Assert.DoesNotContain(Lines(lastFreshDay), l => l.Provenance!.Stale);
        _bot.Time.Advance(TimeSpan.FromHours(14.9)); // 23:54
        Assert.Same(lastFreshDay, _bot.Ask("/terms"));

        _bot.Time.Advance(TimeSpan.FromHours(0.2)); // 21 March, 00:06

        var nextDay = _bot.Ask("/terms");
        Assert.All(Lines(nextDay).Where(l => l.Provenance!.Source.Outlet == "Reuters"), l => Assert.True(l.Provenance!.Stale));
        Assert.Contains("possibly out of date", Phrases.Provenance(Lines(nextDay)[0].Provenance!, _bot.Time.GetUtcNow()));
    }

    [Fact]
    public void Members_and_moderators_each_get_their_own_help()
    {
        var member = TestBot.Text(_bot.Ask("/help"));
        var moderator = TestBot.Text(_bot.Ask("/help", TestBot.Moderator()));
        Assert.DoesNotContain("/update — Moderators", member);
        Assert.Contains("/update — Moderators", moderator);
        Assert.Equal(member, TestBot.Text(_bot.Ask("/help")));
    }

    [Fact]
    public void Each_set_of_options_has_its_own_answer_in_any_order()
    {
        var macron = _bot.Ask("/contacts person:Macron kind:call");
        Assert.Same(macron, _bot.Ask("/contacts kind:call person:Macron"));
        Assert.Equal("Calls of Donald Trump", _bot.Ask("/contacts person:Trump kind:call").Title);
        Assert.Equal("Meetings of Emmanuel Macron", _bot.Ask("/contacts person:Macron kind:meeting").Title);
        Assert.Equal("Calls of Emmanuel Macron", _bot.Ask("/contacts person:Macron kind:call").Title);
    }

    [Fact]
    public void Answers_of_a_channel_or_of_the_hour_are_composed_each_time()
    {
        Assert.NotSame(_bot.Ask("/briefing"), _bot.Ask("/briefing"));
        Assert.NotSame(_bot.Ask("/changes"), _bot.Ask("/changes"));
        Assert.NotSame(_bot.Ask("/schedule show"), _bot.Ask("/schedule show"));
    }

    [Fact]
    public void Only_members_reads_are_kept()
    {
        foreach (var path in CommandCatalogue.Cached)
        {
            var spec = CommandCatalogue.Find(path.Split(' '));
            Assert.True(spec is { Access: Access.Member, Subcommands.Count: 0 }, $"{path} is not a member's read");
        }
        Assert.DoesNotContain(CommandCatalogue.Cached, p => p.StartsWith("update", StringComparison.Ordinal) || p.StartsWith("schedule", StringComparison.Ordinal));
        Assert.DoesNotContain("briefing", CommandCatalogue.Cached);
        Assert.DoesNotContain("changes", CommandCatalogue.Cached);
    }

    [Fact]
    public void The_memory_it_takes_stays_under_its_cap()
    {
        using var small = new TestBot(configure: s => s.Configure<KnowledgeOptions>(o => o.AnswerCacheMegabytes = 1));
        var cache = small.Get<AnswerCache>();
        for (var i = 0; i < 400; i++) small.Ask($"/search query:\"truce {i}\"");
        for (var i = 0; i < 400; i++) small.Ask($"/terms as_of:2025-03-{1 + i % 28:00} proposal:P1");
        for (var i = 0; i < 3000; i++) small.Ask($"/contacts since:2025-0{1 + i % 3}-{1 + i % 28:00} place:\"x{i}\"");

        Assert.InRange(cache.Bytes, 1, 1024 * 1024);
        Assert.InRange(cache.Count, 1, 3799);
    }

    [Fact]
    public void Switched_off_it_composes_every_answer()
    {
        using var off = new TestBot(configure: s => s.Configure<KnowledgeOptions>(o => o.AnswerCacheMegabytes = 0));
        Assert.NotSame(off.Ask("/terms"), off.Ask("/terms"));
        Assert.Equal(TestBot.Text(off.Ask("/terms")), TestBot.Text(_bot.Ask("/terms")));
        Assert.Equal(0, off.Get<AnswerCache>().Count);
    }

    private static List<ReplyLine> Lines(Reply reply) => reply.Sections.SelectMany(s => s.Lines).Where(l => l.Provenance is not null).ToList();
}
