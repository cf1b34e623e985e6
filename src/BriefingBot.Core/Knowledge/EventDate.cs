using System.Globalization;
using System.Text.Json.Serialization;

namespace BriefingBot.Knowledge;

/// <summary>
/// When something happened, as precisely as we know it: a day, a week (stored as its Monday), a month, or a range of days
/// (a day with an <see cref="End"/>: three days of talks).
/// </summary>
public sealed record EventDate(DateOnly Date, DatePrecision Precision, DateOnly? End = null)
{
    /// <summary>The first day the event could have happened on, used for ordering and "since" filters.</summary>
    public DateOnly Start => Precision switch
    {
        DatePrecision.Week => Date.AddDays(-(((int)Date.DayOfWeek + 6) % 7)),
        DatePrecision.Month => new DateOnly(Date.Year, Date.Month, 1),
        _ => Date,
    };

    /// <summary>The last day it covers: "as known in March 2025" means by the end of March.</summary>
    [JsonIgnore]
    public DateOnly Last => Precision switch
    {
        DatePrecision.Week => Start.AddDays(6),
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        _ => End is { } end && end > Date ? end : Date,
    };

    /// <summary>True for a range of several days.</summary>
    [JsonIgnore] public bool IsRange => Precision == DatePrecision.Day && End is { } end && end > Date;

    /// <summary>How people say it: "Friday 28 February 2025", "the week of 3 March 2025", "March 2025", "23–25 March 2025".</summary>
    public string Describe() => Precision switch
    {
        DatePrecision.Week => "the week of " + Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ when IsRange => Range(Date, Last),
        _ => DayWords(Date),
    };

    // "Tuesday 11 March 2025" under most contact and statement lines: each day's words are made once.
    private static string DayWords(DateOnly day)
    {
        if (DaysSaid.TryGetValue(day.DayNumber, out var said)) return said;
        if (DaysSaid.Count >= 20_000) DaysSaid.Clear();
        return DaysSaid[day.DayNumber] = day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> DaysSaid = new();

    /// <summary>As <see cref="Describe"/>, without the weekday: "11 March 2025", "March 2025", "23–25 March 2025".</summary>
    public string Short() => Precision == DatePrecision.Day && !IsRange
        ? Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : Describe();

    /// <summary>A single day.</summary>
    public static EventDate Day(DateOnly date) => new(date, DatePrecision.Day);

    /// <summary>The date stored as the start of its period (a week as its Monday), so equal periods compare equal.</summary>
    public static EventDate Normalised(DateOnly date, DatePrecision precision)
    {
        var raw = new EventDate(date, precision);
        return raw with { Date = raw.Start };
    }

    // En dash between the days, and only as much of the month and year as differs: "23–25 March 2025", "30 March – 2 April 2025".
    private static string Range(DateOnly from, DateOnly to)
    {
        var c = CultureInfo.InvariantCulture;
        if (from.Year != to.Year) return $"{from.ToString("d MMMM yyyy", c)} – {to.ToString("d MMMM yyyy", c)}";
        if (from.Month != to.Month) return $"{from.ToString("d MMMM", c)} – {to.ToString("d MMMM yyyy", c)}";
        return $"{from.Day}–{to.ToString("d MMMM yyyy", c)}";
    }
}
