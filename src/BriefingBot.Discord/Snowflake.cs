using System.Buffers.Text;
using System.Globalization;

namespace BriefingBot.Discord;

/// <summary>
/// A Discord id. Discord sends ids as strings (they overflow JavaScript numbers); this is the one place that turns
/// them into numbers and back, so no other code parses or formats an id.
/// </summary>
public readonly record struct Snowflake(ulong Value)
{
    /// <summary>Discord's epoch, the first second of 2015, in Unix milliseconds.</summary>
    private const long DiscordEpochMs = 1420070400000;

    /// <summary>When Discord created the thing this id names (its top 42 bits are milliseconds since 2015).</summary>
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMs);

    /// <summary>An id as Discord would mint it at <paramref name="when"/>; the low bits tell ids of the same millisecond apart.</summary>
    public static Snowflake At(DateTimeOffset when, ulong low = 0) =>
        new(((ulong)(when.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22) | (low & 0x3FFFFF));

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out Snowflake id)
    {
        var ok = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = new Snowflake(value);
        return ok;
    }

    /// <summary>Parses the UTF-8 digits of an id straight from a JSON frame, without making a string.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Snowflake id)
    {
        var ok = Utf8Parser.TryParse(utf8, out ulong value, out var consumed) && consumed == utf8.Length && value > 0;
        id = new Snowflake(value);
        return ok;
    }

    /// <summary>Parses a permissions bit set, which Discord also sends as a decimal string.</summary>
    public static ulong ParseBits(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out ulong value, out var consumed) && consumed == utf8.Length ? value : 0;

    /// <summary>Ids from settings; the options validator has already refused any that do not parse.</summary>
    public static IReadOnlySet<Snowflake> ParseAll(IEnumerable<string> texts) =>
        texts.Select(t => TryParse(t.Trim(), out var id) ? id : default).Where(id => id.Value != 0).ToHashSet();
}
