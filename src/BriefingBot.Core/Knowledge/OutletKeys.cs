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

    /// <summary>
    /// The keys that find every source confirming a fact: "only the Kremlin readout claims it". A source disputing the fact
    /// confirms nothing, so it neither spoils nor makes a key alone.
    /// </summary>
    public static IReadOnlyList<string> Alone(IReadOnlyList<CitedSource> sources)
    {
        HashSet<string>? keys = null;
        foreach (var cited in sources)
            if (cited.Stance == SourceStance.Confirms)
            {
                if (keys is null) keys = new HashSet<string>(Of(cited.Source.Outlet), StringComparer.Ordinal);
                else keys.IntersectWith(Of(cited.Source.Outlet));
            }
        return keys is null ? [] : keys.ToList();
    }

    /// <summary>Whether every source confirming a fact is one that <paramref name="key"/> finds (see <see cref="Alone"/>).</summary>
    public static bool IsAlone(IReadOnlyList<CitedSource> sources, string key) =>
        sources.Any(s => s.Stance == SourceStance.Confirms)
        && sources.Where(s => s.Stance == SourceStance.Confirms).All(s => Matches(s.Source, key));
}
