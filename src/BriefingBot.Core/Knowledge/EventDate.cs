using System.Globalization;

namespace BriefingBot.Knowledge;

/// <summary>When something happened, as precisely as we know it: a day, a week (stored as its Monday) or a month.</summary>
public sealed record EventDate(DateOnly Date, DatePrecision Precision)
{
    /// <summary>The first day the event could have happened on, used for ordering and "since" filters.</summary>
    public DateOnly Start => Precision switch
    {
        DatePrecision.Week => Date.AddDays(-(((int)Date.DayOfWeek + 6) % 7)),
        DatePrecision.Month => new DateOnly(Date.Year, Date.Month, 1),
        _ => Date,
    };

    /// <summary>How people say it: "Friday 28 February 2025", "the week of 3 March 2025", "March 2025".</summary>
    public string Describe() => Precision switch
    {
        DatePrecision.Week => "the week of " + Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The date stored as the start of its period (a week as its Monday), so equal periods compare equal.</summary>
    public static EventDate Normalised(DateOnly date, DatePrecision precision)
    {
        var raw = new EventDate(date, precision);
        return raw with { Date = raw.Start };
    }
}
