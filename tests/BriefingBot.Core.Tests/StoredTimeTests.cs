using System.Globalization;
using BriefingBot.Knowledge;
using Xunit;

namespace BriefingBot.Core.Tests;

/// <summary>Stored times read back exactly as written, and as the general parsers read them.</summary>
public sealed class StoredTimeTests
{
    [Fact]
    public void Instants_and_dates_read_back_as_written_and_as_the_general_parsers_read_them()
    {
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var instant = new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 365 * 40)));
            var text = StoredTime.Format(instant);
            Assert.Equal(instant, StoredTime.ParseInstant(text));
            Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                StoredTime.ParseInstant(text));
            var date = DateOnly.FromDateTime(instant.UtcDateTime);
            Assert.Equal(date, StoredTime.ParseDate(StoredTime.Format(date)));
        }
        Assert.Equal(new DateOnly(2024, 2, 29), StoredTime.ParseDate("2024-02-29"));
        Assert.Null(StoredTime.ParseDate(""));
    }

    [Fact]
    public void Other_shapes_are_left_to_the_general_parsers()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero), StoredTime.ParseInstant("2025-03-06T12:00:00Z"));
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 10, 0, 0, TimeSpan.Zero), StoredTime.ParseInstant("2025-03-06T12:00:00.0000000+02:00"));
        Assert.Throws<FormatException>(() => StoredTime.ParseDate("2025-02-30"));
        Assert.Throws<FormatException>(() => StoredTime.ParseDate("2025-13-01"));
        Assert.Throws<FormatException>(() => StoredTime.ParseInstant("2025-02-30T12:00:00.0000000Z"));
    }
}
