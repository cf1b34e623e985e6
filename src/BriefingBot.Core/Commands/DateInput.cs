using System.Globalization;
using System.Text.RegularExpressions;
using BriefingBot.Knowledge;

namespace BriefingBot.Commands;

/// <summary>
/// Reads the dates people type, the one parser behind every date option: a day (2025-03-11, 11 March 2025, 11 Mar,
/// March 11, today, yesterday, "3 days ago"), a week (2025-W11), a month (March 2025, 2025-03) or a range of days
/// (2025-03-23..2025-03-25, 23–25 March 2025), each kept with its precision.
/// </summary>
/// <remarks>
/// Written on the base library's exact formats and <see cref="ISOWeek"/>: of the served packages, the natural-language
/// recogniser (Microsoft.Recognizers.Text.DateTime) does not restore on .NET 10 and NodaTime's patterns read one exact
/// format each, as DateOnly.TryParseExact already does; neither reads ISO weeks or ranges.
/// </remarks>
public static partial class DateInput
{
    public const string Hint =
        "Dates can be a day (2025-03-11, 11 March 2025, 11 Mar, today, yesterday or “3 days ago”), a week (2025-W11), " +
        "a month (March 2025 or 2025-03) or a range of days (2025-03-23..2025-03-25).";

    private static readonly string[] DayFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "dddd d MMMM yyyy", "ddd d MMM yyyy",
    ];

    private static readonly string[] DayWithoutYearFormats = ["d MMMM", "d MMM", "MMMM d", "MMM d"];

    private static readonly string[] MonthFormats = ["yyyy-MM", "MMMM yyyy", "MMM yyyy"];

    /// <summary>The first day of what was typed, "today" being the UTC day of <paramref name="now"/>.</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateOnly date) => TryParse(text, DeskZone.Utc.DayOf(now), out date);

    /// <summary>The first day of what was typed; <see cref="TryParsePeriod(string, DateOnly, out EventDate)"/> keeps the whole period.</summary>
    public static bool TryParse(string text, DateOnly today, out DateOnly date)
    {
        var ok = TryParsePeriod(text, today, out var period);
        date = ok ? period.Start : default;
        return ok;
    }

    /// <summary>As <see cref="TryParsePeriod(string, DateOnly, out EventDate, DateOnly?)"/>, "today" being the UTC day of <paramref name="now"/>.</summary>
    public static bool TryParsePeriod(string text, DateTimeOffset now, out EventDate period, DateOnly? near = null) =>
        TryParsePeriod(text, DeskZone.Utc.DayOf(now), out period, near);

    /// <summary>
    /// A day, week, month or range of days, as typed; false (and no guess) for anything else. <paramref name="today"/> is the
    /// desk's day (<see cref="DeskZone.DayOf"/>), which "today", "yesterday", "3 days ago" and a day without its year count from.
    /// </summary>
    /// <param name="near">
    /// The day a date written without its year is near (an update's source date): "19 March" is then the 19 March
    /// closest to it, so a backlog entered in November with its source of 2025 is not dated this year. Without it, this
    /// year's.
    /// </param>
    public static bool TryParsePeriod(string text, DateOnly today, out EventDate period, DateOnly? near = null)
    {
        var t = Tidy(text);
        period = null!;
        if (t.Split("..") is [var a, var b])
        {
            // "23..25 March 2025": the start leaves out what it shares with the end.
            var from = default(DateOnly);
            var to = default(DateOnly);
            var ok = TryDay(a, today, out from, near: near) ? TryRangeEnd(b, from, today, out to)
                : int.TryParse(a.Trim(), CultureInfo.InvariantCulture, out var first) && TryDay(b, today, out to, near: near)
                  && first >= 1 && first < to.Day && (from = new DateOnly(to.Year, to.Month, first)) < to;
            if (!ok || to <= from || to.DayNumber - from.DayNumber > 366)
                return false;
            period = new EventDate(from, DatePrecision.Day, to);
            return true;
        }
        var dash = DayRangePattern().Match(t);
        if (dash.Success && TryDay(dash.Groups["to"].Value + " " + dash.Groups["rest"].Value, today, out var last, near: near)
            && int.TryParse(dash.Groups["from"].Value, CultureInfo.InvariantCulture, out var firstDay)
            && firstDay >= 1 && firstDay < last.Day)
        {
            period = new EventDate(new DateOnly(last.Year, last.Month, firstDay), DatePrecision.Day, last);
            return true;
        }
        if (TryDay(t, today, out var day, near: near)) { period = EventDate.Day(day); return true; }
        var week = WeekPattern().Match(t);
        if (week.Success)
        {
            var year = int.Parse(week.Groups["year"].Value, CultureInfo.InvariantCulture);
            var number = int.Parse(week.Groups["week"].Value, CultureInfo.InvariantCulture);
            if (!Plausible(year) || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
            period = new EventDate(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)), DatePrecision.Week);
            return true;
        }
        if (DateOnly.TryParseExact(t, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && Plausible(month.Year))
        {
            period = EventDate.Normalised(month, DatePrecision.Month);
            return true;
        }
        return false;
    }

    /// <summary>A period as it reads back through <see cref="TryParsePeriod"/>: 2025-03-11, 2025-W11, 2025-03, 2025-03-23..2025-03-25.</summary>
    public static string Canonical(EventDate period) => period.Precision switch
    {
        DatePrecision.Week => $"{ISOWeek.GetYear(period.Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(period.Start.ToDateTime(TimeOnly.MinValue)):00}",
        DatePrecision.Month => period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ when period.IsRange => $"{StoredTime.Format(period.Date)}..{StoredTime.Format(period.Last)}",
        _ => StoredTime.Format(period.Date),
    };

    private static bool TryDay(string t, DateOnly today, out DateOnly date, int? year = null, DateOnly? near = null)
    {
        t = t.Trim();
        switch (t)
        {
            case "today": date = today; return true;
            case "yesterday": date = today.AddDays(-1); return true;
        }
        if (DateOnly.TryParseExact(t, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return Plausible(date.Year);
        // "11 Mar": this year's, as people mean it, or the one closest to the day it is near.
        if (DateTime.TryParseExact(t, DayWithoutYearFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var noYear))
        {
            if (year is null && near is { } around)
                return Closest(noYear.Month, noYear.Day, around, out date);
            if (DateOnly.TryParseExact($"{year ?? today.Year:0000}-{noYear.Month:00}-{noYear.Day:00}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                return true;
        }
        var ago = AgoPattern().Match(t);
        if (ago.Success && int.TryParse(ago.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && n <= 36500)
        {
            date = ago.Groups["unit"].Value[0] switch
            {
                'd' => today.AddDays(-n),
                'w' => today.AddDays(-7 * n),
                'm' => today.AddMonths(-Math.Min(n, 1200)),
                _ => today.AddYears(-Math.Min(n, 100)),
            };
            return true;
        }
        date = default;
        return false;
    }

    // The end of a range may leave out what it shares with the start: 2025-03-23..25, 23 March..25.
    private static bool TryRangeEnd(string t, DateOnly from, DateOnly today, out DateOnly to)
    {
        if (TryDay(t, today, out to, year: from.Year)) return true;
        return int.TryParse(t.Trim(), CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= DateTime.DaysInMonth(from.Year, from.Month)
            && (to = new DateOnly(from.Year, from.Month, d)) > from;
    }

    // The month and day in the year before, of, or after the day it is near, whichever is closest (29 February only in a leap year).
    private static bool Closest(int month, int day, DateOnly near, out DateOnly date)
    {
        date = default;
        var best = int.MaxValue;
        for (var y = near.Year - 1; y <= near.Year + 1; y++)
            if (day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day) is var candidate
                && Math.Abs(candidate.DayNumber - near.DayNumber) < best)
                (date, best) = (candidate, Math.Abs(candidate.DayNumber - near.DayNumber));
        return best != int.MaxValue;
    }

    private static bool Plausible(int year) => year is >= 1900 and <= 2200;

    // Lower case, one space between words, no commas, no ordinal endings ("March 11th, 2025" → "march 11 2025").
    private static string Tidy(string text) =>
        OrdinalPattern().Replace(string.Join(' ', text.Trim().ToLowerInvariant().Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)), "$1");

    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?<unit>d|days?|w|weeks?|m|months?|y|years?)(\s+ago)?$")]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"^(?<year>\d{4})-?w(?<week>\d{1,2})$")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^(?<from>\d{1,2})\s*[–—-]\s*(?<to>\d{1,2})\s+(?<rest>\p{L}.*)$")]
    private static partial Regex DayRangePattern();

    [GeneratedRegex(@"\b(\d{1,2})(st|nd|rd|th)\b")]
    private static partial Regex OrdinalPattern();
}
