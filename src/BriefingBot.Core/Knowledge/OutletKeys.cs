namespace BriefingBot.Knowledge;

/// <summary>
/// What a cited outlet is found by: the whole outlet or any run of its words, ignoring case, accents and punctuation,
/// so source:kremlin finds "Kremlin readout" and source:"le monde" finds "Le Monde" by one index lookup.
/// </summary>
public static class OutletKeys
{
    /// <summary>Every key an outlet is listed under in <c>current_sources</c>; the same runs of words a place has.</summary>
    public static IEnumerable<string> Of(string outlet) => FactColumns.PlaceKeys(outlet);

    /// <summary>What a typed outlet is looked up by.</summary>
    public static string Key(string typed) => FactColumns.PlaceKey(typed);

    /// <summary>Whether a cited outlet is one that <paramref name="key"/> finds.</summary>
    public static bool Matches(SourceRef source, string key) => Of(source.Outlet).Contains(key, StringComparer.Ordinal);
}
