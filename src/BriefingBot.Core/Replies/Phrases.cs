using System.Globalization;
using BriefingBot.Knowledge;
using Humanizer;

namespace BriefingBot.Replies;

/// <summary>How the bot says dates, lists and provenance in plain English, for every door alike.</summary>
public static class Phrases
{
    public static string Date(DateOnly date)
    {
        // Under every fact line: each day's words are made once (a store's facts fall on a few thousand days).
        if (Dates.TryGetValue(date.DayNumber, out var said)) return said;
        if (Dates.Count >= 20_000) Dates.Clear();
        return Dates[date.DayNumber] = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Dates = new();

    /// <summary>The day of a moment at the desk (UTC when no desk is given): "29 November 2026".</summary>
    public static string Date(DateTimeOffset instant, DeskZone? desk = null) => Date((desk ?? DeskZone.Utc).DayOf(instant));

    /// <summary>"today", "yesterday", "3 days ago", "8 months ago", counted from the desk's day (UTC's when no desk is given).</summary>
    public static string Ago(DateOnly date, DateTimeOffset now, DeskZone? desk = null) => Ago(date, (desk ?? DeskZone.Utc).DayOf(now));

    /// <summary>"today", "yesterday", "3 days ago", "8 months ago": whole days from <paramref name="today"/>.</summary>
    public static string Ago(DateOnly date, DateOnly today)
    {
        if (date == today) return "today";
        // Every fact line says this, and Humanizer's resource lookups were a tenth of a plain list answer; the words
        // depend only on the two days, so each pair is worked out once (a few thousand pairs a day at most).
        var key = ((long)date.DayNumber << 32) | (uint)today.DayNumber;
        if (DaysAgo.TryGetValue(key, out var said)) return said;
        if (DaysAgo.Count >= 20_000) DaysAgo.Clear();
        said = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Humanize(utcDate: true, dateToCompareAgainst: today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), culture: CultureInfo.InvariantCulture);
        DaysAgo[key] = said;
        return said;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> DaysAgo = new();

    /// <summary>"3 hours ago" for moments such as when a change was recorded, counted in whole minutes.</summary>
    /// <remarks>
    /// Whole minutes, so a daily briefing's "since 08:00 (yesterday)" stays "yesterday" when the last one went out a few
    /// milliseconds later in its minute than this one: to the millisecond that was 23 hours and 59 minutes, "23 hours ago".
    /// </remarks>
    public static string Ago(DateTimeOffset instant, DateTimeOffset now) =>
        Minute(instant).Humanize(utcDate: true, dateToCompareAgainst: Minute(now), culture: CultureInfo.InvariantCulture);

    private static DateTime Minute(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    /// <summary>A moment in a zone with how far off it is: "Tuesday 11 March 2025, 08:00 Europe/Paris (in 22 hours)".</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var name = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
        return $"{local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} {name} ({Ago(instant, now)})";
    }

    /// <summary>A word with its indefinite article: "an organisation", "an aid", "a proposal".</summary>
    public static string A(string word) => ("aeiou".Contains(char.ToLowerInvariant(word.FirstOrDefault('x')), StringComparison.Ordinal) ? "an " : "a ") + word;

    /// <summary>"France, the United Kingdom and 2 others" once a list is longer than <paramref name="shown"/> + 1.</summary>
    public static string List(IReadOnlyList<string> items, int shown = 3)
    {
        // One or two names (most citations and contacts) read the same without the formatter, which is a hot-path cost.
        if (items.Count == 1) return items[0];
        if (items.Count == 2 && shown >= 1) return $"{items[0]} and {items[1]}";
        // Longer lists (a contact of three or four, a citation of several outlets) are joined here as Humanizer's
        // collection formatter joins them, trimmed and without blanks: its pluraliser ran regular expressions under a
        // culture-aware lock on every line, a seventh of a /contacts answer. PhrasesTests holds the two to the same words.
        if (items.Count <= shown + 1) return JoinWithAnd(items, items.Count, null);
        var others = items.Count - shown;
        return JoinWithAnd(items, shown, others == 1 ? "1 other" : $"{others} others");
    }

    private static string JoinWithAnd(IReadOnlyList<string> items, int take, string? last)
    {
        // Kept items joined in one buffer: this runs for most contact and citation lines.
        var builder = new System.Text.StringBuilder(64);
        string? previous = null;
        var count = 0;
        for (var i = 0; i <= take; i++)
        {
            var item = i < take ? items[i] is { } it && !string.IsNullOrWhiteSpace(it) ? it.Trim() : null : last;
            if (item is null) continue;
            if (previous is not null)
            {
                if (count > 1) builder.Append(", ");
                builder.Append(previous);
            }
            previous = item;
            count++;
        }
        return count switch
        {
            0 => "",
            1 => previous!,
            _ => builder.Append(" and ").Append(previous).ToString(),
        };
    }

    public static string Confidence(Confidence confidence) => confidence switch
    {
        Knowledge.Confidence.Confirmed => "confirmed",
        Knowledge.Confidence.Reported => "reported",
        _ => "unconfirmed",
    };

    /// <summary>The citation under a fact: "Reuters, 6 March 2025 (a year ago) · reported · possibly out of date".</summary>
    /// <remarks>
    /// Several sources read "Reuters, Kremlin readout and 2 others, latest 18 March 2025 (…) · reported · disputed by TASS":
    /// the first outlet leads (renderers link it), the newest confirming date is the one that says how current it is, and
    /// the list stays short however many sources there are.
    /// </remarks>
    /// <param name="desk">Whose days "3 days ago" counts (UTC when null): the reader's desk.</param>
    public static string Provenance(LineProvenance p, DateTimeOffset now, DeskZone? desk = null) =>
        Cite(p, (desk ?? DeskZone.Utc).DayOf(now), desk).ToString();

    /// <summary><see cref="Provenance"/> in its pieces, counted from the desk's <paramref name="today"/>.</summary>
    public static Citation Cite(LineProvenance p, DateOnly today, DeskZone? desk = null)
    {
        if (p.Sources is not { Count: > 1 } sources)
        {
            var day = Dated(p, desk);
            return new Citation(p.Source.Outlet, "", Date(day), Ago(day, today), Confidence(p.Confidence), null, p.Stale);
        }
        // One pass over the sources, written out rather than as queries: this runs for every line that cites several.
        var confirming = new List<string>(sources.Count + 1);
        List<string>? disputing = null;
        DateOnly? newest = null, first = null;
        var severalDates = false;
        foreach (var cited in sources)
        {
            if (cited.Stance == SourceStance.Confirms)
            {
                // Each outlet once, in the order cited; long names clipped so a citation stays one short line (the first is
                // kept whole because renderers find it at the start to link it).
                AddOnce(confirming, confirming.Count == 0 ? cited.Source.Outlet : Clip(cited.Source.Outlet, 40));
                if (cited.Source.Published is { } published)
                {
                    first ??= published;
                    severalDates |= published != first;
                    if (newest is null || published > newest) newest = published;
                }
            }
            else AddOnce(disputing ??= [], Clip(cited.Source.Outlet, 40));
        }
        if (confirming.Count == 0 || confirming[0] != p.Source.Outlet) confirming.Insert(0, p.Source.Outlet);
        var date = newest ?? p.Source.Published ?? (desk ?? DeskZone.Utc).DayOf(p.RecordedAt);
        return new Citation(List(confirming, 2), severalDates ? "latest " : "", Date(date), Ago(date, today), Confidence(p.Confidence),
            disputing is { Count: > 0 } ? List(disputing, 2) : null, p.Stale);
    }

    private static void AddOnce(List<string> outlets, string outlet)
    {
        foreach (var kept in outlets)
            if (string.Equals(kept, outlet, StringComparison.OrdinalIgnoreCase)) return;
        outlets.Add(outlet);
    }

    /// <summary>The date a citation gives: the newest date among the sources that confirm, or the day it was recorded at the desk.</summary>
    public static DateOnly Dated(LineProvenance p, DeskZone? desk = null) => Dated(p.Source, p.Sources, p.RecordedAt, desk);

    /// <summary><see cref="Dated(LineProvenance, DeskZone?)"/> of a fact's sources before its line is made.</summary>
    public static DateOnly Dated(SourceRef source, IReadOnlyList<CitedSource>? sources, DateTimeOffset recordedAt, DeskZone? desk = null)
    {
        DateOnly? newest = null;
        if (sources is { Count: > 1 })
            foreach (var cited in sources)
                if (cited.Stance == SourceStance.Confirms && cited.Source.Published is { } published && (newest is null || published > newest))
                    newest = published;
        return newest ?? source.Published ?? (desk ?? DeskZone.Utc).DayOf(recordedAt);
    }

    /// <summary>
    /// What a renderer says of lines a platform's message could not hold, and how to see them: "… and 16 more that do not
    /// fit in one {platform} message (T15, T16, T17 and 13 others); /history &lt;id&gt; shows any of them, or ask a narrower
    /// question." A page: would skip them (they are this page's), so the ids are the way that always works; the renderer
    /// follows this with the cut section's own hint (its page:, or the command that lists it all) when it has one.
    /// </summary>
    public static string LeftOut(int count, string platform, IReadOnlyList<FactCode>? codes = null)
    {
        var text = $"… and {count.ToString(CultureInfo.InvariantCulture)} more that do not fit in one {platform} message";
        if (codes is not { Count: > 0 }) return text + "; ask a narrower question to see them.";
        return $"{text} ({List(codes.Select(c => c.ToString()).ToList())}); /history <id> shows any of them, or ask a narrower question.";
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
