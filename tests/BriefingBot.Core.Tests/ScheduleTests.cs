using BriefingBot.Briefing;

namespace BriefingBot.Core.Tests;

/// <summary>Slots are computed in the channel's zone, so 08:00 stays 08:00 across daylight-saving changes, both ways.</summary>
public class ScheduleTests
{
    private static BriefingSchedule Daily(string zone, string cron = "0 8 * * *")
    {
        Assert.True(BriefingSchedule.TryCreate(cron, zone, out var schedule, out var error), error);
        return schedule;
    }

    private static List<DateTimeOffset> Slots(BriefingSchedule schedule, DateTimeOffset from, int count)
    {
        var slots = new List<DateTimeOffset>();
        for (var at = from; slots.Count < count;) slots.Add(at = schedule.NextAfter(at)!.Value);
        return slots;
    }

    [Fact]
    public void Paris_0800_stays_0800_when_clocks_go_forward_and_back()
    {
        var paris = Daily("Europe/Paris");
        Assert.Equal(
            [At(2025, 3, 29, 7), At(2025, 3, 30, 6), At(2025, 3, 31, 6)],
            Slots(paris, At(2025, 3, 28, 12), 3));
        Assert.Equal(
            [At(2025, 10, 25, 6), At(2025, 10, 26, 7), At(2025, 10, 27, 7)],
            Slots(paris, At(2025, 10, 24, 12), 3));
    }

    [Fact]
    public void New_York_0800_stays_0800_when_clocks_go_forward_and_back()
    {
        var newYork = Daily("America/New_York");
        Assert.Equal([At(2025, 3, 8, 13), At(2025, 3, 9, 12), At(2025, 3, 10, 12)], Slots(newYork, At(2025, 3, 7, 20), 3));
        Assert.Equal([At(2025, 11, 1, 12), At(2025, 11, 2, 13), At(2025, 11, 3, 13)], Slots(newYork, At(2025, 10, 31, 20), 3));
    }

    [Fact]
    public void A_time_that_happens_twice_or_never_gives_one_briefing_that_day()
    {
        var twice = Daily("Europe/Paris", "30 2 * * *");
        var fallBack = Slots(twice, At(2025, 10, 25, 12), 2);
        Assert.Single(fallBack, s => s.UtcDateTime.Date == new DateTime(2025, 10, 26));
        var never = Slots(twice, At(2025, 3, 29, 12), 2);
        Assert.Single(never, s => s.UtcDateTime.Date == new DateTime(2025, 3, 30));
    }

    [Theory]
    [InlineData("08:00", "weekdays", "0 8 * * 1-5", "08:00 on weekdays (Europe/Paris)")]
    [InlineData("7:30", "daily", "30 7 * * *", "07:30 every day (Europe/Paris)")]
    [InlineData("18h15", "mon,wed,fri", "15 18 * * 1,3,5", "18:15 on Monday, Wednesday, Friday (Europe/Paris)")]
    [InlineData("08:00", "mon-thu", "0 8 * * 1,2,3,4", "08:00 on Monday, Tuesday, Wednesday, Thursday (Europe/Paris)")]
    [InlineData("08:00", "friday-monday", "0 8 * * 0,1,5,6", "08:00 on Sunday, Monday, Friday, Saturday (Europe/Paris)")]
    public void Moderators_say_a_time_and_days_and_get_a_cron(string time, string days, string cron, string described)
    {
        Assert.True(BriefingSchedule.TryCron(time, days, out var made, out _));
        Assert.Equal(cron, made);
        Assert.Equal(described, Daily("Europe/Paris", made).Describe());
    }

    [Theory]
    [InlineData("25:00", "daily", "“25:00” is not a time of day; use HH:MM such as 08:00.")]
    [InlineData("08:00", "someday", "“someday” is not a set of days; use daily, weekdays, weekends or a list such as mon,wed,fri.")]
    [InlineData("08:00", "monkey", "“monkey” is not a set of days; use daily, weekdays, weekends or a list such as mon,wed,fri.")]
    public void Wrong_times_and_days_are_explained(string time, string days, string error)
    {
        Assert.False(BriefingSchedule.TryCron(time, days, out _, out var message));
        Assert.Equal(error, message);
    }

    [Fact]
    public void Wrong_zones_and_cron_expressions_are_explained()
    {
        Assert.False(BriefingSchedule.TryCreate("0 8 * * *", "Mars/Olympus", out _, out var zone));
        Assert.Contains("is not a time zone", zone);
        Assert.False(BriefingSchedule.TryCreate("every morning", "UTC", out _, out var cron));
        Assert.Contains("is not a cron expression", cron);
    }

    private static DateTimeOffset At(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TimeSpan.Zero);
}
