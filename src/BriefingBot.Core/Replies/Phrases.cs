using System.Globalization;
using BriefingBot.Knowledge;
using Humanizer;

namespace BriefingBot.Replies;

/// <summary>How the bot says dates, lists and provenance in plain English, for every door alike.</summary>
public static class Phrases
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>"today", "yesterday", "3 days ago", "8 months ago".</summary>
    public static string Ago(DateOnly date, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (date == today) return "today";
        return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Humanize(utcDate: true, dateToCompareAgainst: today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), culture: CultureInfo.InvariantCulture);
    }

    /// <summary>"3 hours ago" for moments such as when a change was recorded.</summary>
    public static string Ago(DateTimeOffset instant, DateTimeOffset now) =>
        instant.UtcDateTime.Humanize(utcDate: true, dateToCompareAgainst: now.UtcDateTime, culture: CultureInfo.InvariantCulture);

    /// <summary>A moment in a zone with how far off it is: "Tuesday 11 March 2025, 08:00 Europe/Paris (in 22 hours)".</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var name = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
        return $"{local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} {name} ({Ago(instant, now)})";
    }

    /// <summary>"France, the United Kingdom and 2 others" once a list is longer than <paramref name="shown"/> + 1.</summary>
    public static string List(IReadOnlyList<string> items, int shown = 3)
    {
        if (items.Count <= shown + 1) return items.Humanize("and");
        return items.Take(shown).Append("other".ToQuantity(items.Count - shown)).Humanize("and");
    }

    public static string Confidence(Confidence confidence) => confidence switch
    {
        Knowledge.Confidence.Confirmed => "confirmed",
        Knowledge.Confidence.Reported => "reported",
        _ => "unconfirmed",
    };

    /// <summary>The citation under a fact: "Reuters, 6 March 2025 (a year ago) · reported · possibly out of date".</summary>
    public static string Provenance(LineProvenance p, DateTimeOffset now)
    {
        var date = p.Source.Published ?? DateOnly.FromDateTime(p.RecordedAt.UtcDateTime);
        var text = $"{p.Source.Outlet}, {Date(date)} ({Ago(date, now)}) · {Confidence(p.Confidence)}";
        if (p.Stale) text += " · possibly out of date";
        return text;
    }

    /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis, at a word where possible.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', Math.Max(0, max - 1), Math.Min(max, 40));
        if (cut <= 0) cut = Math.Max(0, max - 1);
        // Never between the two halves of an emoji: a lone surrogate is invalid text on every platform.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }
}
