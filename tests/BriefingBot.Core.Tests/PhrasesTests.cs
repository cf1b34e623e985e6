using BriefingBot.Replies;
using Humanizer;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>The hand-joined lists and remembered "… ago" words read exactly as Humanizer wrote them before.</summary>
public sealed class PhrasesTests
{
    public static TheoryData<string[], int> Lists => new()
    {
        { [], 3 },
        { ["Reuters"], 3 },
        { ["France", "Germany"], 3 },
        { ["France", "Germany"], 0 },
        { ["France", "Germany", "Poland"], 3 },
        { [" France ", "Germany", "Poland "], 3 },
        { ["France", "  ", "Poland", "Italy"], 3 },
        { ["A", "B", "C", "D", "E"], 3 },
        { ["A", "B", "C", "D", "E", "F", "G"], 2 },
        { ["A", "B", "C", "D"], 2 },
        { ["A", "B", "C"], 1 },
        { ["A", "B", "C"], 0 },
        { Enumerable.Range(0, 40).Select(i => $"Name {i}").ToArray(), 30 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_list_reads_as_the_collection_formatter_wrote_it(string[] items, int shown)
    {
        // What Phrases.List said with Humanizer before it joined longer lists itself.
        var humanizer = items.Length switch
        {
            1 => items[0],
            2 when shown >= 1 => $"{items[0]} and {items[1]}",
            _ when items.Length <= shown + 1 => items.Humanize("and"),
            _ => items.Take(shown).Append("other".ToQuantity(items.Length - shown)).Humanize("and"),
        };
        Assert.Equal(humanizer, Phrases.List(items, shown));
    }

    [Fact]
    public void Days_ago_read_as_Humanizer_says_them_for_every_day_of_three_years_and_two_todays()
    {
        foreach (var today in new[] { new DateOnly(2025, 3, 31), new DateOnly(2024, 2, 29) })
        {
            var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(15, 30)), TimeSpan.Zero);
            for (var back = 1; back < 3 * 366; back++)
            {
                var date = today.AddDays(-back);
                var expected = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Humanize(utcDate: true,
                    dateToCompareAgainst: today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), culture: System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected, Phrases.Ago(date, now));
                Assert.Equal(expected, Phrases.Ago(date, now));
            }
            Assert.Equal("today", Phrases.Ago(today, now));
        }
    }

    [Fact]
    public void A_daily_briefing_sent_a_little_later_in_its_minute_the_day_before_is_still_from_yesterday()
    {
        var last = new DateTimeOffset(2025, 3, 10, 8, 0, 0, 400, TimeSpan.Zero);
        var now = new DateTimeOffset(2025, 3, 11, 8, 0, 0, 100, TimeSpan.Zero);
        Assert.Equal("yesterday", Phrases.Ago(last, now));
        Assert.Equal("5 minutes ago", Phrases.Ago(now.AddMinutes(-5).AddMilliseconds(300), now));
    }
}
