using System.Globalization;

namespace BriefingBot.Knowledge;

/// <summary>
/// Which past an answer reads: <see cref="AsOf"/> is what we knew at the end of that period (transaction time, the record);
/// <see cref="On"/> is how things stood in the world then (valid time), as known now or as of <see cref="AsOf"/>.
/// Both null is now. The bitemporal stores (XTDB, Datomic) are the model.
/// </summary>
public sealed record TimeView(EventDate? AsOf = null, EventDate? On = null)
{
    public static readonly TimeView Now = new();

    public bool IsNow => AsOf is null && On is null;

    /// <summary>The desk whose days <see cref="AsOf"/> counts in: "as known on 10 March" ends at the desk's midnight.</summary>
    public DeskZone Desk { get; init; } = DeskZone.Utc;

    /// <summary>The last moment whose records count: the end of the <see cref="AsOf"/> period at the desk, or null for everything.</summary>
    public DateTimeOffset? KnownBy => AsOf is { } a ? Desk.EndOf(a.Last) : null;

    /// <summary>The day whose state of the world is asked: the last day of the <see cref="On"/> period.</summary>
    public DateOnly? Day => On?.Last;

    /// <summary>The day a past view asks about (who held a role then): the day asked, else the as-of day; null for now.</summary>
    public DateOnly? AskedDay => Day ?? AsOf?.Last;

    /// <summary>Which view an answer shows, in plain words: "as known on 12 March 2025", "as things stood on 12 March 2025".</summary>
    public string Describe() => (AsOf, On) switch
    {
        (null, null) => "",
        (null, { } on) => $"as things stood {When(on)}",
        ({ } asOf, null) => $"as known {When(asOf)}",
        ({ } asOf, { } on) => $"as things stood {When(on)}, as known {When(asOf)}",
    };

    /// <summary>
    /// When a past view asks who held a role: "on 12 March 2025" (as known now), "on 12 March 2025, as known then", or
    /// "on 15 August 2024, as known on 12 March 2025"; empty for now.
    /// </summary>
    public string HeldWhen() => (AsOf, On) switch
    {
        (null, null) => "",
        (null, { } on) => When(on),
        ({ } asOf, null) => $"{When(asOf)}, as known then",
        ({ } asOf, { } on) => $"{When(on)}, as known {When(asOf)}",
    };

    /// <summary>Text for the stored effective_on column: the day asked, or a date after every other when none is.</summary>
    internal string DayText => Day is { } d ? StoredTime.Format(d) : "9999";

    internal string KnownByText => KnownBy is { } t ? StoredTime.Format(t) : "9999";

    /// <summary>A day reads "on 12 March 2025"; a week or month "at the end of March 2025"; a range "on 25 March 2025".</summary>
    // A day reads "on 12 March 2025"; a week or month "at the end of March 2025"; a range "on 25 March 2025", its last day.
    public static string When(EventDate period) => period.Precision switch
    {
        DatePrecision.Day => "on " + period.Last.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => "at the end of " + period.Short(),
    };
}
