using System.Globalization;
using BriefingBot.Knowledge;
using BriefingBot.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Core.Tests;

/// <summary>
/// The desk's day (Knowledge:TimeZone): what people type and read counts days at the desk, just before and just after its
/// midnight, in a zone ahead of UTC, one behind it, and UTC (the default, unchanged).
/// </summary>
public sealed class DeskDayTests
{
    // The seed is recorded on 7 March 2025 and cites Reuters of 6 March; a source is out of date after 4 days here.
    private static readonly DateTimeOffset Seeded = new(2025, 3, 7, 9, 0, 0, TimeSpan.Zero);

    private static TestBot Bot(string zone, DateTimeOffset? start = null) => new(staleAfterDays: 4, time: new FakeTimeProvider(start ?? Seeded),
        configure: s => s.Configure<KnowledgeOptions>(o => o.TimeZone = zone));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    // zone, the moment asked (UTC), as_of:yesterday, as_of:today, how old Reuters of 6 March is, out of date, the briefing's title
    [InlineData("UTC", "2025-03-10T21:59:59Z", "9 March", "10 March", "4 days ago", false, "Monday 10 March 2025, 21:59 UTC")]
    [InlineData("UTC", "2025-03-10T22:00:00Z", "9 March", "10 March", "4 days ago", false, "Monday 10 March 2025, 22:00 UTC")]
    [InlineData("UTC", "2025-03-11T03:59:59Z", "10 March", "11 March", "5 days ago", true, "Tuesday 11 March 2025, 03:59 UTC")]
    // Kyiv is UTC+2 in March: its midnight is 22:00 UTC, two hours before UTC's.
    [InlineData("Europe/Kyiv", "2025-03-10T21:59:59Z", "9 March", "10 March", "4 days ago", false, "Monday 10 March 2025, 23:59 Europe/Kyiv")]
    [InlineData("Europe/Kyiv", "2025-03-10T22:00:00Z", "10 March", "11 March", "5 days ago", true, "Tuesday 11 March 2025, 00:00 Europe/Kyiv")]
    // New York is UTC−4 from 9 March 2025 (daylight saving): its midnight is 04:00 UTC, four hours after UTC's.
    [InlineData("America/New_York", "2025-03-11T03:59:59Z", "9 March", "10 March", "4 days ago", false, "Monday 10 March 2025, 23:59 America/New_York")]
    [InlineData("America/New_York", "2025-03-11T04:00:00Z", "10 March", "11 March", "5 days ago", true, "Tuesday 11 March 2025, 00:00 America/New_York")]
    public void Days_typed_and_read_are_the_desks(string zone, string instant, string yesterday, string today, string ago, bool stale, string title)
    {
        using var bot = Bot(zone);
        bot.Time.SetUtcNow(At(instant));

        Assert.EndsWith($"as known on {yesterday} 2025", bot.Ask("/terms as_of:yesterday").Title);
        Assert.EndsWith($"as known on {today} 2025", bot.Ask("/terms as_of:today").Title);
        var line = bot.Ask("/terms").Sections.SelectMany(s => s.Lines).First(l => l.Provenance?.Code.ToString() == "T1").Provenance!;
        Assert.Equal(stale, line.Stale);
        var cited = Phrases.Provenance(line, bot.Time.GetUtcNow(), bot.Get<DeskZone>());
        Assert.Equal($"Reuters, 6 March 2025 ({ago}) · unconfirmed" + (stale ? " · possibly out of date" : ""), cited);
        Assert.Equal("Briefing of " + title, bot.Ask("/briefing").Title);
    }

    [Theory]
    // A term recorded a minute before the desk's midnight and one a minute after: as_of a day keeps only the first.
    [InlineData("Europe/Kyiv", "2025-03-10T21:59:00Z", "2025-03-10T22:01:00Z")]
    [InlineData("America/New_York", "2025-03-11T03:59:00Z", "2025-03-11T04:01:00Z")]
    [InlineData("UTC", "2025-03-10T23:59:00Z", "2025-03-11T00:01:00Z")]
    public void A_bare_as_of_date_ends_at_the_desks_midnight(string zone, string before, string after)
    {
        using var bot = Bot(zone);
        bot.Time.SetUtcNow(At(before));
        bot.Moderate("/update term proposal:P1 topic:Before text:\"Recorded late on the 10th.\" status:proposed source:AFP");
        bot.Time.SetUtcNow(At(after));
        bot.Moderate("/update term proposal:P1 topic:After text:\"Recorded early on the 11th.\" status:proposed source:AFP");

        var tenth = TestBot.Text(bot.Ask("/terms as_of:2025-03-10"));
        Assert.Contains("Before: Recorded late on the 10th.", tenth);
        Assert.DoesNotContain("After:", tenth);
        Assert.Equal(tenth.Replace("as known on 10 March 2025", "", StringComparison.Ordinal),
            TestBot.Text(bot.Ask("/terms as_of:yesterday")).Replace("as known on 10 March 2025", "", StringComparison.Ordinal));
        Assert.Contains("After: Recorded early on the 11th.", TestBot.Text(bot.Ask("/terms as_of:today")));
        // What was recorded on the desk's 11th is listed by /changes since that day, and what came before is not.
        var changes = TestBot.Text(bot.Ask("/changes since:today"));
        Assert.StartsWith("Changes since 11 March 2025", changes);
        Assert.Contains("After", changes);
        Assert.DoesNotContain("Before", changes);
    }

    [Fact]
    public void A_facts_own_dates_are_calendar_days_and_do_not_move_with_the_zone()
    {
        // 00:30 on 11 March in Kyiv, still 10 March in UTC.
        using var bot = Bot("Europe/Kyiv");
        bot.Time.SetUtcNow(At("2025-03-10T22:30:00Z"));

        var call = bot.Moderate("/update contact kind:call people:\"Emmanuel Macron, Volodymyr Zelenskyy\" date:2025-03-12 summary:\"Guarantees\" source:Reuters");
        Assert.Contains("Wednesday 12 March 2025", call);
        var today = bot.Moderate("/update contact kind:call people:\"Keir Starmer, Volodymyr Zelenskyy\" date:today summary:\"Air defence\" source:Reuters");
        Assert.Contains("Tuesday 11 March 2025", today);
        Assert.Contains("resumed since Tuesday 11 March 2025", bot.Moderate("/update aid donor:US recipient:Ukraine category:military status:resumed source:Reuters"));

        // A term with no date of its own takes effect on the desk's day it was recorded, and its history says so once.
        bot.Moderate("/update term proposal:P1 topic:Monitoring text:\"Monitored by the OSCE.\" status:proposed source:AFP");
        var history = TestBot.Text(bot.Ask("/history T8"));
        Assert.Contains("Recorded by mo on 11 March 2025", history);
        Assert.DoesNotContain("in effect from", history);
        Assert.Contains("Monitored by the OSCE.", TestBot.Text(bot.Ask("/terms on:2025-03-11")));
        Assert.DoesNotContain("Monitored by the OSCE.", TestBot.Text(bot.Ask("/terms on:2025-03-10")));

        // Stored as typed, whatever the zone: the contact's day and the revision's effect date are the calendar days given.
        Assert.Equal(1, bot.Count("SELECT COUNT(*) FROM revisions r JOIN facts f ON f.id = r.fact_id WHERE f.kind = 'contact' AND r.effective_on = '2025-03-12'"));
        Assert.Equal(1, bot.Count("SELECT COUNT(*) FROM revisions r JOIN facts f ON f.id = r.fact_id WHERE f.kind = 'term' AND r.effective_on = '2025-03-11'"));
        Assert.Equal(4, bot.Count("SELECT COUNT(*) FROM revisions WHERE recorded_at = '2025-03-10T22:30:00.0000000Z'"));
    }

    [Fact]
    public void The_setting_stores_nothing_an_export_made_in_Kyiv_imports_into_a_UTC_desk_unchanged()
    {
        using var kyiv = Bot("Europe/Kyiv");
        kyiv.Time.SetUtcNow(At("2025-03-10T22:30:00Z")); // 00:30 on 11 March in Kyiv
        kyiv.Moderate("/update term proposal:P1 topic:Monitoring text:\"Monitored by the OSCE.\" status:proposed source:AFP");
        kyiv.Moderate("/update contact kind:call people:\"Keir Starmer, Volodymyr Zelenskyy\" date:today summary:\"Air defence\" source:Reuters");

        using (var stream = new MemoryStream())
        {
            kyiv.Get<KnowledgeTransfer>().WriteExport(stream);
            stream.Position = 0;
            using var empty = new TestBot(seed: false, time: kyiv.Time); // Knowledge:TimeZone left at UTC
            empty.Get<KnowledgeTransfer>().Import(stream);
            Assert.Equal(kyiv.ExportText(), empty.ExportText());
            // Read in UTC, the same facts keep their calendar days, and the day T8 was recorded is UTC's.
            var history = TestBot.Text(empty.Ask("/history T8"));
            Assert.Contains("Recorded by mo on 10 March 2025", history);
            Assert.Contains("(in effect from 11 March 2025)", history);
            Assert.Contains("Tuesday 11 March 2025", TestBot.Text(empty.Ask("/contacts person:Starmer")));
        }
    }

    [Fact]
    public void A_kept_answer_turns_over_at_the_desks_midnight_not_UTCs()
    {
        using var bot = Bot("Europe/Kyiv");
        bot.Time.SetUtcNow(At("2025-03-10T21:58:00Z")); // 23:58 in Kyiv
        var evening = bot.Ask("/terms");
        Assert.DoesNotContain(Lines(evening), l => l.Stale);
        bot.Time.Advance(TimeSpan.FromMinutes(1.5)); // 23:59:30
        Assert.Same(evening, bot.Ask("/terms"));

        bot.Time.Advance(TimeSpan.FromMinutes(1)); // 00:00:30 on 11 March in Kyiv, 22:00:30 on 10 March in UTC
        var morning = bot.Ask("/terms");
        Assert.NotSame(evening, morning);
        Assert.Contains(Lines(morning), l => l.Stale);
        Assert.Equal("Reuters, 6 March 2025 (5 days ago) · unconfirmed · possibly out of date",
            Phrases.Provenance(Lines(morning).First(l => l.Code.ToString() == "T1"), bot.Time.GetUtcNow(), bot.Get<DeskZone>()));

        bot.Time.SetUtcNow(At("2025-03-11T00:01:00Z")); // UTC's midnight has passed: 02:01 in Kyiv, the same desk day
        Assert.Same(morning, bot.Ask("/terms"));
    }

    [Fact]
    public void Paris_springs_forward_on_a_day_of_23_hours()
    {
        var paris = DeskZone.Find("Europe/Paris")!;
        var day = new DateOnly(2025, 3, 30);
        Assert.Equal(At("2025-03-29T23:00:00Z"), paris.StartOf(day));
        Assert.Equal(At("2025-03-30T22:00:00Z"), paris.EndOf(day).AddTicks(1));
        Assert.Equal(TimeSpan.FromHours(23), paris.StartOf(day.AddDays(1)) - paris.StartOf(day));
        Assert.Equal(TimeSpan.FromHours(25), paris.StartOf(new DateOnly(2025, 10, 27)) - paris.StartOf(new DateOnly(2025, 10, 26)));

        using var bot = Bot("Europe/Paris", start: At("2025-03-20T09:00:00Z"));
        bot.Time.SetUtcNow(At("2025-03-29T23:30:00Z")); // 00:30 CET on the 30th
        bot.Moderate("/update term proposal:P1 topic:Early text:\"Just after midnight.\" status:proposed source:AFP");
        bot.Time.SetUtcNow(At("2025-03-30T21:30:00Z")); // 23:30 CEST on the 30th, 22 hours later on the desk's clock
        bot.Moderate("/update term proposal:P1 topic:Late text:\"Just before midnight.\" status:proposed source:AFP");
        bot.Time.SetUtcNow(At("2025-03-30T21:59:00Z"));

        Assert.EndsWith("as known on 30 March 2025", bot.Ask("/terms as_of:today").Title);
        var thirtieth = TestBot.Text(bot.Ask("/terms as_of:2025-03-30"));
        Assert.Contains("Early: Just after midnight.", thirtieth);
        Assert.Contains("Late: Just before midnight.", thirtieth);
        Assert.DoesNotContain("Early:", TestBot.Text(bot.Ask("/terms as_of:yesterday")));
        var briefing = bot.Ask("/briefing");
        Assert.Equal("Briefing of Sunday 30 March 2025, 23:59 Europe/Paris", briefing.Title);
        // The last day is 24 hours, which on this day began at 22:59 the evening before, an hour earlier on the clock.
        Assert.Contains("since 29 March 2025, 22:59 Europe/Paris (yesterday)", briefing.Sections[0].Heading);

        bot.Time.SetUtcNow(At("2025-03-30T22:00:00Z")); // midnight: the 31st begins
        Assert.EndsWith("as known on 31 March 2025", bot.Ask("/terms as_of:today").Title);
        Assert.EndsWith("as known on 30 March 2025", bot.Ask("/terms as_of:yesterday").Title);
    }

    [Fact]
    public async Task A_scheduled_channel_briefs_in_its_schedules_zone()
    {
        using var bot = Bot("Europe/Kyiv");
        bot.Time.SetUtcNow(At("2025-03-10T22:30:00Z"));
        bot.Moderate("/schedule set time:08:00 timezone:America/New_York days:daily");

        var preview = bot.Ask("/briefing");
        Assert.Equal("Briefing of Monday 10 March 2025, 18:30 America/New_York", preview.Title);
        // Elsewhere the desk's clock.
        Assert.Equal("Briefing of Tuesday 11 March 2025, 00:30 Europe/Kyiv",
            (await bot.Get<Commands.CommandRouter>().RouteTextAsync("/briefing", TestBot.Member(), "channel-2")).Title);
    }

    [Fact]
    public void A_zone_nobody_knows_is_refused_with_the_setting_to_fix()
    {
        var options = new KnowledgeOptions { TimeZone = "Europe/Atlantis" };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains("Knowledge:TimeZone", Assert.Single(results).ErrorMessage);
        Assert.Equal("UTC", DeskZone.Find(new KnowledgeOptions().TimeZone)!.Name);
    }

    private static List<LineProvenance> Lines(Reply reply) =>
        reply.Sections.SelectMany(s => s.Lines).Select(l => l.Provenance).OfType<LineProvenance>().ToList();
}
