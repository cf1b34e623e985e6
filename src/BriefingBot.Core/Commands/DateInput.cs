using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefingBot.Commands;

/// <summary>Reads the dates people type: 2025-03-01, today, yesterday, "3 days ago", "2 weeks ago".</summary>
public static partial class DateInput
{
    public const string Hint = "Use YYYY-MM-DD (for example 2025-03-01), today, yesterday or “3 days ago”.";

    public static bool TryParse(string text, DateTimeOffset now, out DateOnly date)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "today": date = today; return true;
            case "yesterday": date = today.AddDays(-1); return true;
        }
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return date.Year is >= 1900 and <= 2200;
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

    /// <summary>The end of a day in UTC: "as of 1 March" means everything recorded by the close of that day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

    public static DateTimeOffset StartOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?<unit>d|days?|w|weeks?|m|months?|y|years?)(\s+ago)?$")]
    private static partial Regex AgoPattern();
}
