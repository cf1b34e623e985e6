using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace BriefingBot.Briefing;

/// <summary>Where a briefing goes: a platform and a channel there.</summary>
public sealed record BriefingChannel(string Platform, string ChannelId)
{
    public override string ToString() => $"{Platform}:{ChannelId}";
}

/// <summary>
/// When a channel gets its briefing: a cron expression read in an IANA time zone, so 08:00 Europe/Paris stays 08:00
/// on both sides of a daylight-saving change (Cronos does the zone arithmetic).
/// </summary>
public sealed partial class BriefingSchedule
{
    private BriefingSchedule(string cron, CronExpression expression, TimeZoneInfo zone)
    {
        Cron = cron;
        Expression = expression;
        Zone = zone;
    }

    public string Cron { get; }
    public CronExpression Expression { get; }
    public TimeZoneInfo Zone { get; }

    public static bool TryCreate(string? cron, string? timeZone, out BriefingSchedule schedule, out string error)
    {
        schedule = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var zone))
        {
            error = $"“{timeZone}” is not a time zone I know; use an IANA name such as Europe/Paris or America/New_York.";
            return false;
        }
        if (!CronExpression.TryParse(cron?.Trim() ?? "", CronFormat.Standard, out var expression))
        {
            error = $"“{cron}” is not a cron expression; use five fields such as “0 8 * * 1-5” (08:00 on weekdays).";
            return false;
        }
        schedule = new BriefingSchedule(cron!.Trim(), expression, zone);
        return true;
    }

    /// <summary>The first slot strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        Expression.GetNextOccurrence(after, Zone) is { } next ? next.ToUniversalTime() : null;

    /// <summary>The newest slot at or before <paramref name="now"/>, looking back at most <paramref name="window"/>.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset now, TimeSpan window) =>
        Expression.GetOccurrences(now - window, now, Zone, fromInclusive: true, toInclusive: true)
            .Select(o => (DateTimeOffset?)o.ToUniversalTime()).LastOrDefault();

    /// <summary>How people say it: "08:00 on weekdays (Europe/Paris)".</summary>
    public string Describe()
    {
        var fields = Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5 && int.TryParse(fields[0], out var m) && int.TryParse(fields[1], out var h) && fields[2] == "*" && fields[3] == "*")
        {
            var days = fields[4] switch
            {
                "*" => "every day",
                "1-5" => "on weekdays",
                "0,6" or "6,0" => "at weekends",
                var d => "on " + string.Join(", ", d.Split(',').Select(DayName)),
            };
            return $"{h:00}:{m:00} {days} ({Zone.Id})";
        }
        return $"“{Cron}” ({Zone.Id})";
    }

    /// <summary>Builds the cron for what a moderator types: <c>time:08:00 days:weekdays</c>, <c>days:mon,wed,fri</c>.</summary>
    public static bool TryCron(string time, string days, out string cron, out string error)
    {
        cron = "";
        error = "";
        var t = TimePattern().Match(time.Trim());
        if (!t.Success || int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) > 23 || int.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture) > 59)
        {
            error = $"“{time}” is not a time of day; use HH:MM such as 08:00.";
            return false;
        }
        var dayField = days.Trim().ToLowerInvariant() switch
        {
            "" or "daily" or "every day" or "everyday" or "all" => "*",
            "weekdays" or "workdays" or "mon-fri" => "1-5",
            "weekends" or "sat,sun" => "0,6",
            var list => DayList(list),
        };
        if (dayField is null)
        {
            error = $"“{days}” is not a set of days; use daily, weekdays, weekends or a list such as mon,wed,fri.";
            return false;
        }
        cron = $"{int.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture)} {int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture)} * * {dayField}";
        return true;
    }

    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static string? DayList(string list)
    {
        var numbers = new List<int>();
        foreach (var part in list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            // "mon", "monday" or a range such as "mon-thu" (which may wrap: "fri-mon").
            var ends = part.Split('-');
            if (ends.Length > 2) return null;
            var first = Day(ends[0]);
            var last = Day(ends[^1]);
            if (first < 0 || last < 0) return null;
            for (var d = first; ; d = (d + 1) % 7)
            {
                numbers.Add(d);
                if (d == last) break;
            }
        }
        return numbers.Count == 0 ? null : string.Join(',', numbers.Distinct().Order());

        static int Day(string word) => word.Length >= 3
            ? Array.FindIndex(Days, d => word.StartsWith(d, StringComparison.Ordinal) && CultureInfo.InvariantCulture.DateTimeFormat.DayNames
                .Any(n => n.ToLowerInvariant().StartsWith(word, StringComparison.Ordinal)))
            : -1;
    }

    private static string DayName(string field) =>
        int.TryParse(field, out var n) && n is >= 0 and <= 7 ? CultureInfo.InvariantCulture.DateTimeFormat.DayNames[n % 7] : field;

    [GeneratedRegex(@"^(\d{1,2})[:h.]?(\d{2})$")]
    private static partial Regex TimePattern();
}
