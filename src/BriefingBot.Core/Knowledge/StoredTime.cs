using System.Globalization;

namespace BriefingBot.Knowledge;

/// <summary>The one place times and dates become stored text and back: UTC ISO-8601 that sorts as text.</summary>
public static class StoredTime
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text)
    {
        // Every revision read parses one; the shape this class writes is read field by field (the general parser was
        // a few percent of a list answer), anything else as before.
        if (text.Length == 28 && text[10] == 'T' && text[19] == '.' && text[27] == 'Z' && ParseDay(text, out var day)
            && Digits(text, 11, 2, out var hour) && text[13] == ':' && Digits(text, 14, 2, out var minute) && text[16] == ':'
            && Digits(text, 17, 2, out var second) && Digits(text, 20, 7, out var ticks) && hour < 24 && minute < 60 && second < 60)
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(ticks), TimeSpan.Zero);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : text.Length == 10 && ParseDay(text, out var day) ? day
        : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    // "yyyy-MM-dd" at the start of text, only when it is a real day (anything else is left to the exact parser's errors).
    private static bool ParseDay(string text, out DateOnly day)
    {
        day = default;
        if (text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month)
            || !Digits(text, 8, 2, out var dayOfMonth) || year < 1 || month is < 1 or > 12 || dayOfMonth < 1
            || dayOfMonth > DateTime.DaysInMonth(year, month)) return false;
        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }
}
