using BriefingBot.Briefing;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Core.Tests;

/// <summary>The daily briefing comes on time and exactly once: across restarts, crashes, downtime and a second instance.</summary>
public class SchedulerTests : IDisposable
{
    // Monday 10 March 2025, 06:00 UTC = 07:00 in Paris; the briefing is due at 08:00 Paris = 07:00 UTC.
    private static readonly DateTimeOffset Monday = new(2025, 3, 10, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Slot = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _time = new(Monday);
    private readonly FakePlatform _discord = new();
    private readonly List<TestBot> _bots = [];

    public void Dispose()
    {
        foreach (var bot in _bots) bot.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>One run of the program on the shared folder; a new one is a restart, two at once are two instances.</summary>
    private TestBot Start(params string[] channels)
    {
        var bot = new TestBot(folder: _folder, time: _time, configure: services =>
        {
            services.AddSingleton<IBriefingPublisher>(_discord);
            services.Configure<BriefingOptions>(o =>
            {
                o.Schedules = (channels.Length == 0 ? ["news"] : channels)
                    .Select(c => new ScheduleOptions { Platform = "discord", Channel = c, Cron = "0 8 * * 1-5", TimeZone = "Europe/Paris" }).ToList();
            });
        });
        _bots.Add(bot);
        return bot;
    }

    private static Task<int> Pass(TestBot bot) => bot.Get<BriefingScheduler>().RunDueAsync(CancellationToken.None);

    [Fact]
    public async Task Nothing_is_posted_before_the_slot_and_one_briefing_at_it()
    {
        var bot = Start();
        Assert.Equal(0, await Pass(bot));
        _time.SetUtcNow(Slot.AddSeconds(-1));
        Assert.Equal(0, await Pass(bot));
        _time.SetUtcNow(Slot);
        Assert.Equal(1, await Pass(bot));
        Assert.Equal(0, await Pass(bot));
        var message = Assert.Single(_discord.Messages);
        Assert.Equal(Slot, message.Slot);
        Assert.StartsWith("Briefing of Monday 10 March 2025, 08:00 Europe/Paris", message.Briefing.Title);
    }

    [Fact]
    public async Task The_running_scheduler_posts_on_time_every_day_across_the_change_to_summer_time()
    {
        // Thursday evening: that morning's briefing is past the catch-up window, so the first post is Friday's.
        _time.SetUtcNow(new DateTimeOffset(2025, 3, 27, 20, 0, 0, TimeSpan.Zero));
        var bot = Start();
        var scheduler = bot.Get<BriefingScheduler>();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            // Friday 28 March 08:00 CET = 07:00 UTC; Monday 31 March 08:00 CEST = 06:00 UTC.
            foreach (var due in new[] { new DateTimeOffset(2025, 3, 28, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 31, 6, 0, 0, TimeSpan.Zero) })
            {
                _time.SetUtcNow(due.AddMinutes(-2));
                var (posted, at) = await _discord.AdvanceUntilPostedAsync(_time, TimeSpan.FromSeconds(5), 100);
                Assert.Equal(due, posted.Slot);
                // A fake clock that jumps can land between the scheduler computing its wait and starting it; the
                // once-a-minute wake bounds that. On a real clock the post comes at the slot.
                Assert.InRange(at, due, due.AddSeconds(70));
                Assert.Contains("08:00 Europe/Paris", posted.Briefing.Title);
            }
            Assert.Equal(2, _discord.Messages.Count);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_instances_on_one_database_never_both_post()
    {
        var first = Start();
        var second = Start();
        _time.SetUtcNow(Slot);
        var results = await Task.WhenAll(Pass(first), Pass(second), Pass(first), Pass(second));
        Assert.Equal(1, results.Sum());
        Assert.Single(_discord.Messages);
    }

    [Fact]
    public async Task A_restart_just_before_during_or_just_after_the_slot_posts_once()
    {
        var before = Start();
        _time.SetUtcNow(Slot.AddMinutes(-1));
        await Pass(before);
        var restarted = Start();
        _time.SetUtcNow(Slot);
        Assert.Equal(1, await Pass(restarted));

        // During: a run claimed by the earlier process, which died before it finished, is not taken over at once.
        _time.SetUtcNow(Slot.AddDays(1));
        var dying = Start();
        var claim = dying.Get<BriefingLedger>().TryClaim(new BriefingChannel("discord", "news"), Slot.AddDays(1), "dead-process", TimeSpan.FromMinutes(2));
        Assert.NotNull(claim);
        var during = Start();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await Pass(during));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Pass(during));

        // Just after: the slot was posted before the restart, so nothing more.
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await Pass(Start()));
        Assert.Equal(2, _discord.Messages.Count);
    }

    [Fact]
    public async Task A_crash_after_the_send_and_before_the_record_does_not_post_twice()
    {
        var crashed = Start();
        _time.SetUtcNow(Slot);
        var channel = new BriefingChannel("discord", "news");
        var run = crashed.Get<BriefingLedger>().TryClaim(channel, Slot, "crashed", TimeSpan.FromMinutes(2))!;
        // The process sent the message, then died before recording it.
        await _discord.PublishAsync(new BriefingDelivery(channel, new Reply("Briefing", []), run.Nonce, Slot), CancellationToken.None);

        var restarted = Start();
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await Pass(restarted));
        Assert.Equal(2, _discord.Attempts);
        Assert.Single(_discord.Messages);
        Assert.Equal("sent", restarted.Get<BriefingLedger>().Latest(channel)!.Status);
    }

    [Fact]
    public async Task Downtime_shorter_than_the_catch_up_window_posts_the_missed_briefing_on_start()
    {
        _time.SetUtcNow(Slot.AddHours(5));
        var bot = Start();
        Assert.Equal(1, await Pass(bot));
        Assert.Equal(Slot, Assert.Single(_discord.Messages).Slot);
    }

    [Fact]
    public async Task Downtime_longer_than_the_window_skips_the_slot_and_says_so()
    {
        _time.SetUtcNow(Slot.AddHours(7));
        var bot = Start();
        Assert.Equal(0, await Pass(bot));
        Assert.Empty(_discord.Messages);
        var channel = new BriefingChannel("discord", "news");
        Assert.Equal("skipped", bot.Get<BriefingLedger>().Latest(channel)!.Status);
        var status = TestBot.Text(await bot.Get<Commands.CommandRouter>().RouteAsync(new Commands.Invocation(["schedule", "status"],
            new Dictionary<string, string>(), new Commands.Caller("discord", "u1", "Ann", Commands.Role.Member), "news", _time.GetUtcNow())));
        Assert.Contains("was skipped: missed by 7 hours, more than the catch-up window", status);
        Assert.Contains("Next: Tuesday 11 March 2025, 08:00 Europe/Paris", status);
    }

    [Fact]
    public async Task A_claim_whose_process_died_and_whose_slot_was_replaced_is_closed_and_said_once()
    {
        var channel = new BriefingChannel("discord", "news");
        var dead = Start();
        _time.SetUtcNow(Slot);
        Assert.NotNull(dead.Get<BriefingLedger>().TryClaim(channel, Slot, "dead-process", TimeSpan.FromMinutes(2)));

        // Nobody ran until the next morning: Monday's claim can no longer be retried, Tuesday's is posted.
        var tuesday = Slot.AddDays(1);
        _time.SetUtcNow(tuesday);
        var bot = Start();
        Assert.Equal(1, await Pass(bot));
        var scheduler = bot.Get<BriefingScheduler>();
        Assert.False(scheduler.ResolveOpenRuns(), "no open claim is left to wake for");
        Assert.Empty(bot.Get<BriefingLedger>().OpenRuns());

        var runs = bot.Get<BriefingLedger>().Runs(channel);
        Assert.Equal(["skipped", "sent"], runs.Select(r => r.Status));
        Assert.Contains("replaced by a later one", runs[0].Error);
        // The Tuesday briefing covers what Monday's would have held: everything since the last one sent.
        Assert.Equal(tuesday.AddDays(-1), runs[1].CoversSince);
        Assert.Single(_discord.Messages);
    }

    [Fact]
    public async Task A_claim_left_open_past_the_catch_up_window_is_given_up_and_shown_in_status()
    {
        var channel = new BriefingChannel("discord", "news");
        var dead = Start();
        _time.SetUtcNow(Slot);
        Assert.NotNull(dead.Get<BriefingLedger>().TryClaim(channel, Slot, "dead-process", TimeSpan.FromMinutes(2)));

        _time.SetUtcNow(Slot.AddHours(7));
        var bot = Start();
        Assert.Equal(0, await Pass(bot));
        Assert.False(bot.Get<BriefingScheduler>().ResolveOpenRuns());
        Assert.Equal("skipped", bot.Get<BriefingLedger>().Latest(channel)!.Status);
        Assert.Empty(_discord.Messages);
        var status = TestBot.Text(await bot.Get<Commands.CommandRouter>().RouteTextAsync("/schedule status",
            new Commands.Caller("discord", "u", "U", Commands.Role.Member), "news"));
        Assert.Contains("was skipped: never confirmed as posted (the process posting it stopped), and not retried within the catch-up window", status);
    }

    [Fact]
    public async Task A_claim_still_within_its_window_is_waited_for_and_retried()
    {
        var channel = new BriefingChannel("discord", "news");
        var dead = Start();
        _time.SetUtcNow(Slot);
        Assert.NotNull(dead.Get<BriefingLedger>().TryClaim(channel, Slot, "dead-process", TimeSpan.FromMinutes(2)));
        var bot = Start();
        Assert.True(bot.Get<BriefingScheduler>().ResolveOpenRuns(), "the loop wakes to retry it");
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await Pass(bot));
        Assert.False(bot.Get<BriefingScheduler>().ResolveOpenRuns());
    }

    [Fact]
    public async Task A_schedule_changed_while_waiting_takes_effect_at_once()
    {
        var bot = Start();
        var scheduler = bot.Get<BriefingScheduler>();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var router = bot.Get<Commands.CommandRouter>();
            var moderator = new Commands.Caller("discord", "m1", "Mo", Commands.Role.Moderator);
            var reply = await router.RouteTextAsync("/schedule set time:07:30 timezone:Europe/Paris days:daily", moderator, "news");
            Assert.Equal("This channel gets the briefing at 07:30 every day (Europe/Paris).", reply.Title);
            var due = new DateTimeOffset(2025, 3, 10, 6, 30, 0, TimeSpan.Zero);
            _time.SetUtcNow(due.AddMinutes(-1));
            var (posted, at) = await _discord.AdvanceUntilPostedAsync(_time, TimeSpan.FromSeconds(5), 100);
            Assert.Equal(due, posted.Slot);
            Assert.InRange(at, due, due.AddSeconds(70));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_channel_the_bot_can_no_longer_post_to_is_reported_and_the_others_still_get_theirs()
    {
        var bot = Start("news", "gone");
        _discord.Refusing.Add("gone");
        _time.SetUtcNow(Slot);
        Assert.Equal(1, await Pass(bot));
        Assert.Single(_discord.In("news"));
        Assert.Empty(_discord.In("gone"));
        var status = await bot.Get<Commands.CommandRouter>().RouteTextAsync("/schedule status",
            new Commands.Caller("discord", "u", "U", Commands.Role.Member), "gone");
        Assert.Contains("could not be posted: Missing Access (50001)", TestBot.Text(status));
    }

    [Fact]
    public async Task Changing_the_time_after_today_s_briefing_waits_for_tomorrow()
    {
        var bot = Start();
        _time.SetUtcNow(Slot);
        Assert.Equal(1, await Pass(bot));
        _time.SetUtcNow(Slot.AddHours(1));
        var moderator = new Commands.Caller("discord", "m1", "Mo", Commands.Role.Moderator);
        var reply = await bot.Get<Commands.CommandRouter>().RouteTextAsync("/schedule set time:08:30 timezone:Europe/Paris days:daily", moderator, "news");
        Assert.Contains("The next one is due Tuesday 11 March 2025, 08:30 Europe/Paris", TestBot.Text(reply));
        Assert.Equal(0, await Pass(bot));
        _time.SetUtcNow(new DateTimeOffset(2025, 3, 11, 7, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await Pass(bot));
        Assert.Equal(2, _discord.Messages.Count);
    }

    [Fact]
    public async Task A_refusing_channel_is_not_retried_but_a_passing_failure_is()
    {
        var bot = Start("news", "gone");
        _discord.Refusing.Add("gone");
        _time.SetUtcNow(Slot);
        await Pass(bot);
        var attempts = _discord.Attempts;
        _time.Advance(TimeSpan.FromMinutes(10));
        await Pass(bot);
        Assert.Equal(attempts, _discord.Attempts);
        Assert.Equal("refused", bot.Get<BriefingLedger>().Latest(new BriefingChannel("discord", "gone"))!.Status);
    }

    [Fact]
    public async Task A_briefing_that_cannot_be_composed_is_logged_and_the_scheduler_goes_on()
    {
        var bot = new TestBot(folder: _folder, time: _time, configure: services =>
        {
            services.AddSingleton<IBriefingPublisher>(_discord);
            services.Configure<BriefingOptions>(o =>
            {
                o.FontPath = Path.Combine(_folder, "no-fonts-here");
                o.Schedules = [new ScheduleOptions { Platform = "discord", Channel = "news", Cron = "0 8 * * 1-5", TimeZone = "Europe/Paris" }];
            });
        });
        _bots.Add(bot);
        _time.SetUtcNow(Slot);
        Assert.Equal(0, await Pass(bot));
        var run = bot.Get<BriefingLedger>().Latest(new BriefingChannel("discord", "news"))!;
        Assert.Equal("failed", run.Status);
        Assert.Contains("Briefing:FontPath", run.Error);
    }

    [Fact]
    public async Task Each_briefing_says_what_changed_since_the_previous_one()
    {
        var bot = Start();
        _time.SetUtcNow(Slot);
        await Pass(bot);
        _time.Advance(TimeSpan.FromHours(3));
        bot.Ask("/update term id:T1 text:\"Thirty days.\" source:AFP", TestBot.Moderator());
        bot.Ask("/update contact kind:call people:\"Macron, Zelenskyy\" date:2025-03-10 summary:\"Discussed the truce\" source:Elysee", TestBot.Moderator());
        _time.SetUtcNow(Slot.AddDays(1));
        await Pass(bot);
        var second = _discord.Messages[1].Briefing;
        var text = TestBot.Text(second);
        Assert.Contains("Terms and proposals — changed since 10 March 2025, 08:00 Europe/Paris", text);
        Assert.Contains("Changed term: Duration: Thirty days. (proposed) (was “A partial truce lasting one month.”, now “Thirty days.”)", text);
        Assert.Contains("New contact: Call between Emmanuel Macron and Volodymyr Zelenskyy", text);
        Assert.DoesNotContain("New term", text);
        var png = Assert.Single(second.Attachments);
        Assert.Equal("image/png", png.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Content[..4]);

        _time.SetUtcNow(Slot.AddDays(2));
        await Pass(bot);
        Assert.Equal("Nothing changed.", _discord.Messages[2].Briefing.Sections[0].Lines[0].Text);
        Assert.Equal(3, _discord.Messages.Count);
    }
}
