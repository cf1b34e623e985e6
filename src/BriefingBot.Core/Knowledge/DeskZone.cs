using System.Globalization;

namespace BriefingBot.Knowledge;

/// <summary>
/// The desk's time zone (<c>Knowledge:TimeZone</c>): the one place a day people type or read ("today", "as_of:2025-03-10",
/// "3 days ago") becomes instants and back. Stored instants stay UTC; a fact's own dates (a contact's day, an effect date)
/// are calendar days and never pass through here.
/// </summary>
public sealed class DeskZone
{
    /// <summary>Days counted in UTC, as before the setting existed.</summary>
    public static readonly DeskZone Utc = new(TimeZoneInfo.Utc);

    public DeskZone(TimeZoneInfo zone)
    {
        Zone = zone;
        IsUtc = zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC";
        Name = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>How times are labelled: the IANA name ("Europe/Paris"), as <c>/schedule</c> shows it, or "UTC".</summary>
    public string Name { get; }

    // UTC: the day of an instant is its UTC day, without a conversion (the hot path of every fact line).
    private bool IsUtc { get; }

    /// <summary>A zone by its IANA name, or null when the system knows none by that name.</summary>
    public static DeskZone? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? new DeskZone(zone) : null;

    /// <summary>The desk's day at an instant: what "today" means to someone at the desk then.</summary>
    public DateOnly DayOf(DateTimeOffset instant)
    {
        if (IsUtc) return DateOnly.FromDateTime(instant.UtcDateTime);
        // Every fact line asks for the same day (now's) again: the last day's bounds answer without converting.
        var ticks = instant.UtcTicks;
        if (_last is { } last && ticks >= last.From && ticks < last.To) return last.Day;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        _last = new LastDay(StartOf(day).UtcTicks, StartOf(day.AddDays(1)).UtcTicks, day);
        return day;
    }

    // One immutable record swapped whole, so readers on other threads see a consistent day and its bounds.
    private sealed record LastDay(long From, long To, DateOnly Day);

    private volatile LastDay? _last;

    /// <summary>The first moment of a day at the desk: local midnight (or, where a clock change skips it, the first hour that exists).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (IsUtc) return new DateTimeOffset(local, TimeSpan.Zero);
        // A zone that moves its clocks at midnight (some do) has no midnight that day: the day starts when the clock resumes.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // A midnight that happens twice starts the day at the first of them.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The last moment of a day at the desk: "as known on 10 March" counts everything recorded before its local midnight.</summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1)).AddTicks(-1);

    /// <summary>An instant on the desk's clock with the zone's name: "30 November 2026, 00:30 Europe/Kyiv".</summary>
    public string Clock(DateTimeOffset instant, bool withDay = false) => Clock(instant, Zone, Name, withDay);

    /// <summary>As <see cref="Clock(DateTimeOffset, bool)"/> in another zone (a schedule's).</summary>
    public static string Clock(DateTimeOffset instant, TimeZoneInfo zone, bool withDay = false) =>
        Clock(instant, zone, new DeskZone(zone).Name, withDay);

    private static string Clock(DateTimeOffset instant, TimeZoneInfo zone, string name, bool withDay)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString(withDay ? "dddd d MMMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} {name}";
    }
}
